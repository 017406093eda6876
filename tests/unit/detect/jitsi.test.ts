import { describe, expect, it } from 'vitest';
import { detect } from '../../../lib/detect';
import { detectJitsi, roomFromUrl } from '../../../lib/detect/jitsi';
import { loadFixture, parseHtml } from '../fixture-dom';

const ROOM = new URL('https://meet.jit.si/Mathe7b');

describe('Jitsi detection on fixtures', () => {
  it('finds the prejoin screen', () => {
    expect(detectJitsi(loadFixture('jitsi/prejoin.html'), ROOM)).toEqual({
      platform: 'jitsi',
      phase: 'prejoin',
      room: 'Mathe7b',
      moderator: 'unknown',
    });
  });

  it('finds the lobby', () => {
    expect(detectJitsi(loadFixture('jitsi/lobby.html'), ROOM)?.phase).toBe('lobby');
  });

  it('finds a moderator in the meeting', () => {
    expect(detectJitsi(loadFixture('jitsi/meeting-moderator.html'), ROOM)).toMatchObject({
      phase: 'meeting',
      moderator: true,
    });
  });

  it('does not claim a participant is no moderator: the page cannot prove it', () => {
    expect(detectJitsi(loadFixture('jitsi/meeting-participant.html'), ROOM)).toMatchObject({
      phase: 'meeting',
      moderator: 'unknown',
    });
  });

  it('goes through the shared entry point', () => {
    expect(detect(loadFixture('jitsi/prejoin.html'), ROOM)?.platform).toBe('jitsi');
  });
});

describe('not Jitsi', () => {
  it("ignores Jitsi's own end page", () => {
    const url = new URL('https://meet.jit.si/static/close2.html');
    expect(detectJitsi(loadFixture('jitsi/static/close2.html'), url)).toBeNull();
  });

  it('ignores the end page even if it carried the app markup', () => {
    const url = new URL('https://meet.jit.si/static/close3.html');
    expect(detectJitsi(loadFixture('jitsi/meeting-moderator.html'), url)).toBeNull();
  });

  it('ignores a page that only mentions Jitsi', () => {
    expect(detect(loadFixture('negative/mentions-jitsi.html'), new URL('https://www.gymnasium-musterstadt.de/'))).toBeNull();
  });

  it('ignores a page with div#react alone', () => {
    expect(detect(loadFixture('negative/react-only.html'), ROOM)).toBeNull();
  });

  it('ignores the conference markup without the Jitsi app around it', () => {
    const doc = parseHtml('<div id="react"><div data-testid="prejoin.screen"></div></div>');
    expect(detectJitsi(doc, ROOM)).toBeNull();
  });

  it('waits while the app shell is still loading', () => {
    const doc = parseHtml('<script src="libs/app.bundle.min.js"></script><div id="react"></div>');
    expect(detectJitsi(doc, ROOM)).toBeNull();
  });

  it('accepts the inline config of a self-hosted index.html as the app signal', () => {
    const doc = parseHtml('<script>var config = { hosts: {} };</script><div id="react"><div class="lobby-screen"></div></div>');
    expect(detectJitsi(doc, ROOM)?.phase).toBe('lobby');
  });
});

describe('room names', () => {
  it('decodes the last path segment', () => {
    expect(roomFromUrl(new URL('https://jitsi.example/schule/Mathe%207b'))).toBe('Mathe 7b');
  });

  it('keeps a malformed escape as it is', () => {
    expect(roomFromUrl(new URL('https://jitsi.example/Mathe%E0%A4%A'))).toBe('Mathe%E0%A4%A');
  });

  it('has no room on the start page', () => {
    expect(roomFromUrl(new URL('https://meet.jit.si/'))).toBeNull();
  });
});
