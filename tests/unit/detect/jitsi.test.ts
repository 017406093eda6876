import { describe, expect, it } from 'vitest';
import { detect } from '../../../lib/detect';
import { jitsi, roomFromUrl } from '../../../lib/detect/jitsi';
import { loadFixture, parseHtml } from '../fixture-dom';

const detectJitsi = jitsi.detect;

const ROOM = new URL('https://meet.jit.si/Mathe7b');

describe('Jitsi detection on fixtures', () => {
  it('finds the prejoin screen', () => {
    expect(detectJitsi(loadFixture('jitsi/prejoin.html'), ROOM)).toEqual({
      platform: 'jitsi',
      phase: 'prejoin',
      room: 'Mathe7b',
      moderator: 'unknown',
      participants: 'unknown',
      recording: 'unknown',
      protected: 'unknown',
    });
  });

  it('finds the lobby, which proves the room is protected', () => {
    expect(detectJitsi(loadFixture('jitsi/lobby.html'), ROOM)).toMatchObject({ phase: 'lobby', protected: true });
  });

  it('reads a moderator, the head count and the security button in the meeting', () => {
    expect(detectJitsi(loadFixture('jitsi/meeting-moderator.html'), ROOM)).toEqual({
      platform: 'jitsi',
      phase: 'meeting',
      room: 'Mathe7b',
      moderator: true,
      participants: 3,
      // Jitsi's web recording label has no stable attribute: never guessed.
      recording: 'unknown',
      protected: false,
    });
  });

  it('reads a pressed security button as a protected room', () => {
    const doc = loadFixture('jitsi/meeting-moderator.html');
    doc.querySelector('[aria-label="Sicherheitsoptionen"]')?.setAttribute('aria-pressed', 'true');
    expect(detectJitsi(doc, ROOM)?.protected).toBe(true);
  });

  it('reads the English labels too', () => {
    const doc = loadFixture('jitsi/meeting-moderator.html');
    doc.querySelector('[aria-label="Sicherheitsoptionen"]')?.setAttribute('aria-label', 'Security options');
    doc.querySelector('[aria-label^="Anwesenheitsliste"]')?.setAttribute('aria-label', 'Open participants panel. 12 participants');
    expect(detectJitsi(doc, ROOM)).toMatchObject({ participants: 12, protected: false });
  });

  it('leaves facts unknown where labels are in another language or missing', () => {
    const doc = loadFixture('jitsi/meeting-moderator.html');
    doc.querySelector('[aria-label="Sicherheitsoptionen"]')?.setAttribute('aria-label', 'Options de sécurité');
    doc.querySelector('[aria-label^="Anwesenheitsliste"]')?.removeAttribute('aria-label');
    expect(detectJitsi(doc, ROOM)).toMatchObject({ participants: 'unknown', protected: 'unknown' });
  });

  it('leaves protection unknown when the security button has no pressed state', () => {
    const doc = loadFixture('jitsi/meeting-moderator.html');
    doc.querySelector('[aria-label="Sicherheitsoptionen"]')?.removeAttribute('aria-pressed');
    expect(detectJitsi(doc, ROOM)?.protected).toBe('unknown');
  });

  it('does not claim a participant is no moderator: the page cannot prove it', () => {
    expect(detectJitsi(loadFixture('jitsi/meeting-participant.html'), ROOM)).toMatchObject({
      phase: 'meeting',
      moderator: 'unknown',
      participants: 3,
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
    const doc = parseHtml('<script src="config.js"></script><script src="libs/app.bundle.min.js"></script><div id="react"></div>');
    expect(detectJitsi(doc, ROOM)).toBeNull();
  });

  it("accepts the config that index.html inlines (SSI) together with the app's bundle", () => {
    const doc = parseHtml(
      '<script>var config = { hosts: {} };</script><script src="libs/app.bundle.min.js?v=139"></script><div id="react"><div class="lobby-screen"></div></div>',
    );
    expect(detectJitsi(doc, ROOM)?.phase).toBe('lobby');
  });

  it("a blog page with div#react, the pre-meeting class and a script named like the bundle is no conference (spoof)", () => {
    const blog = new URL('https://lernraum.lindgrenschule.de/blog/videokonferenz-ausprobiert');
    expect(detect(loadFixture('negative/spoof-jitsi.html'), blog)).toBeNull();
  });

  it('needs both the bundle and the config', () => {
    const screen = '<div id="react"><div data-testid="prejoin.screen"></div></div>';
    expect(detectJitsi(parseHtml(`<script>var config = {};</script>${screen}`), ROOM)).toBeNull();
    expect(detectJitsi(parseHtml(`<script src="libs/app.bundle.min.js"></script>${screen}`), ROOM)).toBeNull();
    // interface_config.js and logging_config.js are not the config.
    expect(detectJitsi(parseHtml(`<script src="interface_config.js"></script><script src="libs/app.bundle.min.js"></script>${screen}`), ROOM)).toBeNull();
    expect(detectJitsi(parseHtml(`<script src="/config.js?v=5"></script><script src="libs/app.bundle.min.js"></script>${screen}`), ROOM)?.phase).toBe('prejoin');
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
