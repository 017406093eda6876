import { describe, expect, it } from 'vitest';
import { detect } from '../../../lib/detect';
import { greenlight } from '../../../lib/detect/greenlight';
import { moodleBbb } from '../../../lib/detect/moodle-bbb';
import { nextcloudBbb } from '../../../lib/detect/nextcloud-bbb';
import { UNKNOWN_FACTS } from '../../../lib/detect/types';
import { loadFixture, parseHtml } from '../fixture-dom';

const url = (href: string) => new URL(href);

describe('Greenlight', () => {
  const join = url('https://greenlight.schule-musterstadt.de/rooms/abc-def-ghi/join');

  it('v3 join page: prejoin, room name, access code means protected', () => {
    expect(greenlight.detect(loadFixture('frontends/greenlight/room-join.html'), join)).toEqual({
      platform: 'greenlight',
      phase: 'prejoin',
      room: 'Mathe 7b',
      ...UNKNOWN_FACTS,
      protected: true,
    });
  });

  it('v3 join page without access code: protection unknown', () => {
    const doc = loadFixture('frontends/greenlight/room-join.html');
    doc.querySelector('#joinFormCode')?.remove();
    expect(greenlight.detect(doc, join)?.protected).toBe('unknown');
  });

  it('v3 room page of the owner: portal', () => {
    const doc = loadFixture('frontends/greenlight/room.html');
    expect(greenlight.detect(doc, url('https://greenlight.schule-musterstadt.de/rooms/abc-def-ghi'))).toMatchObject({
      phase: 'portal',
      room: 'Mathe 7b',
    });
  });

  it('v3 shell before React rendered: nothing yet', () => {
    const doc = parseHtml('<meta name="csrf-param" content="authenticity_token"><div id="root"></div>');
    expect(greenlight.detect(doc, join)).toBeNull();
  });

  it('v3 markup at another path is not a room', () => {
    expect(greenlight.detect(loadFixture('frontends/greenlight/room-join.html'), url('https://greenlight.schule-musterstadt.de/profile'))).toBeNull();
  });

  it('v2 room pages, join and show', () => {
    const page = (action: string) =>
      parseHtml(
        `<body data-controller="rooms" data-action="${action}" data-relative-root="/b"><h1 class="display-3">Physik 9</h1><input name="room[access_code]"></body>`,
      );
    const v2 = url('https://gl.schule.de/b/sch-abc-def-ghi');
    expect(greenlight.detect(page('join'), v2)).toMatchObject({ phase: 'prejoin', room: 'Physik 9', protected: true });
    expect(greenlight.detect(page('show'), v2)).toMatchObject({ phase: 'portal' });
    expect(greenlight.detect(page('index'), v2)).toBeNull();
  });
});

describe('Nextcloud BigBlueButton app', () => {
  const room = url('https://cloud.schule-musterstadt.de/apps/bbb/b/k7Tq2WxPm9aZr4Hs');

  it('public join page: prejoin', () => {
    expect(nextcloudBbb.detect(loadFixture('frontends/nextcloud/forward.html'), room)).toEqual({
      platform: 'nextcloud-bbb',
      phase: 'prejoin',
      room: 'Mathe 7b',
      ...UNKNOWN_FACTS,
    });
  });

  it('join page with a room password: protected', () => {
    const doc = loadFixture('frontends/nextcloud/join-password.html');
    expect(nextcloudBbb.detect(doc, url('https://cloud.schule-musterstadt.de/index.php/apps/bbb/b/Pw4dR00mT0k3nXyZ'))).toMatchObject({
      phase: 'prejoin',
      room: 'Elternabend 7b',
      protected: true,
    });
  });

  it('room not open yet: waiting', () => {
    expect(nextcloudBbb.detect(loadFixture('frontends/nextcloud/waiting.html'), room)?.phase).toBe('lobby');
  });

  it('forwarding to BigBlueButton: still prejoin', () => {
    expect(nextcloudBbb.detect(loadFixture('frontends/nextcloud/forwarding.html'), room)?.phase).toBe('prejoin');
  });

  it('the Files app is no conference', () => {
    expect(detect(loadFixture('frontends/negative/nextcloud-files.html'), url('https://cloud.schule-musterstadt.de/apps/files/'))).toBeNull();
  });
});

describe('Moodle BigBlueButton activity', () => {
  it('view page: portal with the activity name', () => {
    const doc = loadFixture('frontends/moodle/view.html');
    expect(moodleBbb.detect(doc, url('https://moodle.schule-musterstadt.de/mod/bigbluebuttonbn/view.php?id=42'))).toEqual({
      platform: 'moodle-bbb',
      phase: 'portal',
      room: 'Videokonferenz Mathe 7b',
      ...UNKNOWN_FACTS,
    });
  });

  it('an end button in the room view marks a moderator', () => {
    const doc = loadFixture('frontends/moodle/view.html');
    const button = doc.createElement('input');
    button.setAttribute('data-action', 'end');
    doc.querySelector('#bigbluebuttonbn-room-view')?.append(button);
    expect(moodleBbb.detect(doc, url('https://moodle.schule-musterstadt.de/mod/bigbluebuttonbn/view.php?id=42'))?.moderator).toBe(true);
  });

  it('the page BigBlueButton returns to: ended', () => {
    const doc = loadFixture('frontends/moodle/bbb_view-logout.html');
    const back = url('https://moodle.schule-musterstadt.de/mod/bigbluebuttonbn/bbb_view.php?action=logout&id=42');
    expect(moodleBbb.detect(doc, back)?.phase).toBe('ended');
  });

  it('a course page that mentions BigBlueButton is no conference', () => {
    expect(detect(loadFixture('frontends/negative/moodle-course.html'), url('https://moodle.schule-musterstadt.de/course/view.php?id=7'))).toBeNull();
  });
});
