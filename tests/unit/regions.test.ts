import { describe, expect, it } from 'vitest';
import type { Platform } from '../../lib/detect';
import { KEY_REGIONS, partElements } from '../../lib/rules/regions';
import { loadFixture } from './fixture-dom';

/** Regions each fixture shows, by the names the data gives them. */
const SHOWN: [string, Platform, string[]][] = [
  ['jitsi/prejoin.html', 'jitsi', ['toolbox', 'prejoin-form']],
  ['jitsi/lobby.html', 'jitsi', ['toolbox', 'prejoin-form']],
  ['jitsi/meeting-moderator.html', 'jitsi', ['toolbox', 'filmstrip']],
  ['jitsi/meeting-participant.html', 'jitsi', ['toolbox', 'filmstrip']],
  ['bbb/2x/meeting-moderator.html', 'bbb', ['navbar', 'user-list', 'actions-bar']],
  ['bbb/2x/audio-setup.html', 'bbb', ['navbar', 'user-list', 'actions-bar', 'audio-dialog', 'dialog']],
  ['bbb/2x/ended.html', 'bbb', ['meeting-ended']],
  ['bbb/2x/guest-wait.html', 'bbb', ['guest-lobby']],
  ['bbb/3x/meeting-moderator-recording.html', 'bbb', ['navbar', 'user-list', 'actions-bar']],
  ['bbb/3x/audio-setup.html', 'bbb', ['navbar', 'user-list', 'actions-bar', 'audio-dialog', 'dialog']],
  ['bbb/3x/ended.html', 'bbb', ['meeting-ended']],
  ['bbb/3x/guest-wait.html', 'bbb', ['guest-lobby']],
  ['frontends/greenlight/room-join.html', 'greenlight', ['join-form']],
  ['frontends/greenlight/room.html', 'greenlight', ['navbar', 'start']],
  ['frontends/nextcloud/forward.html', 'nextcloud-bbb', ['join-form']],
  ['frontends/nextcloud/waiting.html', 'nextcloud-bbb', ['join-form']],
  ['frontends/moodle/view.html', 'moodle-bbb', ['navbar', 'room']],
];

describe('key regions', () => {
  it('every platform declares its regions, each with selectors that parse', () => {
    for (const [platform, regions] of Object.entries(KEY_REGIONS)) {
      if (platform === 'iserv') continue;
      expect(regions.length, platform).toBeGreaterThan(0);
    }
    for (const region of Object.values(KEY_REGIONS).flat()) {
      for (const part of region.selectors) expect(() => partElements(document, part), JSON.stringify(part)).not.toThrow();
    }
    expect(KEY_REGIONS.iserv).toBe(KEY_REGIONS.bbb);
  });

  for (const [file, platform, names] of SHOWN) {
    it(`${file}: the platform's own markup names ${names.join(', ')}`, () => {
      const doc = loadFixture(file);
      const found = KEY_REGIONS[platform].filter((r) => r.selectors.some((part) => partElements(doc, part).length > 0)).map((r) => r.name);
      expect(found).toEqual(names);
    });
  }

  it('BigBlueButton 2.x: the meeting-ended region is the card around the marked title', () => {
    const doc = loadFixture('bbb/2x/ended.html');
    const ended = KEY_REGIONS.bbb.find((r) => r.name === 'meeting-ended')!;
    const elements = ended.selectors.flatMap((part) => partElements(doc, part));
    expect(elements).toEqual([doc.querySelector('.fx-ended > div')]);
  });

  it('BigBlueButton: the nav bar, the actions bar and the dialogs are controls; the user list and chat are not', () => {
    const controls = Object.fromEntries(KEY_REGIONS.bbb.map((r) => [r.name, r.controls]));
    expect(controls).toMatchObject({ navbar: true, 'actions-bar': true, 'audio-dialog': true, 'user-list': false, chat: false });
  });
});
