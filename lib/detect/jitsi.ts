import { decodeSegment, find } from './dom';
import { UNKNOWN_FACTS, type Detection, type Fact, type Phase, type PlatformDetector } from './types';

// Signals from jitsi-meet's index.html and React app (see tests/fixtures/README.md).
const APP_ROOT = 'div#react';
/** The app's own bundle (libs/app.bundle.min.js?v=…), which renders into div#react. */
const APP_BUNDLE = 'script[src*="libs/app.bundle"]';
/** config.js as a file (docker and dev set-ups), not interface_config.js or logging_config.js. */
const CONFIG_FILE = /(?:^|\/)config\.js(?:[?#]|$)/;
/** index.html inlines config.js through SSI: `<script>…var config = {…}</script>`. */
const INLINE_CONFIG = /\bvar\s+config\s*=/;

const PREJOIN = ['[data-testid="prejoin.screen"]', '.premeeting-screen'];
const LOBBY = '.lobby-screen';
const TOOLBOX = '#new-toolbox';
/** Rendered on the inner div.toolbox-icon only where the user may end the meeting for all. */
const MODERATOR_HANGUP = '.hangup-menu-button';
const TOOLBOX_BUTTONS = '#new-toolbox div.toolbox-button[role="button"][aria-label]';

/**
 * The security and participants buttons have no id or test id: Jitsi tells them apart only by
 * their translated aria-label. Known labels (lang/main-de.json, lang/main.json); any other
 * language leaves the fact unknown.
 */
const SECURITY_LABELS = new Set(['Sicherheitsoptionen', 'Security options']);
const PARTICIPANTS_LABEL = [/^Anwesenheitsliste öffnen\. (\d+) anwesend$/, /^Open participants panel\. (\d+) participants$/];

/** Jitsi's own end pages (static/close.html, close2.html, close3.html): not a meeting. */
const CLOSE_PAGE = /\/static\/close\d*\.html$/;

/**
 * The Jitsi Meet app: its root together with its bundle and its config. A page with div#react
 * and a script named like the bundle is not enough (any blog can have both).
 */
function hasJitsiApp(doc: Document): boolean {
  if (!doc.querySelector(APP_ROOT) || !doc.querySelector(APP_BUNDLE)) return false;
  for (const script of doc.scripts) {
    const src = script.getAttribute('src');
    if (src ? CONFIG_FILE.test(src) : INLINE_CONFIG.test(script.textContent ?? '')) return true;
  }
  return false;
}

function phaseOf(doc: Document): Phase | null {
  // Order matters: the lobby is a pre-meeting screen too, and the pre-meeting screens render
  // the regular toolbox (camera, microphone) inside them before anyone has joined.
  if (doc.querySelector(LOBBY)) return 'lobby';
  if (find(doc, PREJOIN)) return 'prejoin';
  if (doc.querySelector(TOOLBOX)) return 'meeting';
  return null;
}

/** Jitsi serves every room from the same page; the room is the last path segment. */
export function roomFromUrl(url: URL): string | null {
  return decodeSegment(url.pathname.split('/').filter(Boolean).pop());
}

function toolboxFacts(doc: Document): { participants: Fact<number>; protected: Fact<boolean> } {
  let participants: Fact<number> = 'unknown';
  let isProtected: Fact<boolean> = 'unknown';
  for (const button of doc.querySelectorAll(TOOLBOX_BUTTONS)) {
    const label = button.getAttribute('aria-label') ?? '';
    if (SECURITY_LABELS.has(label)) {
      const pressed = button.getAttribute('aria-pressed');
      if (pressed === 'true' || pressed === 'false') isProtected = pressed === 'true';
      continue;
    }
    for (const pattern of PARTICIPANTS_LABEL) {
      const count = pattern.exec(label)?.[1];
      if (count) participants = Number(count);
    }
  }
  return { participants, protected: isProtected };
}

function detect(doc: Document, url: URL): Detection | null {
  if (CLOSE_PAGE.test(url.pathname)) return null;
  if (!hasJitsiApp(doc)) return null;
  const phase = phaseOf(doc);
  if (!phase) return null;
  const room = roomFromUrl(url);
  if (phase !== 'meeting') {
    // Waiting in the lobby proves the room has one.
    const lobby: Fact<boolean> = phase === 'lobby' ? true : 'unknown';
    return { platform: 'jitsi', phase, room, ...UNKNOWN_FACTS, protected: lobby };
  }
  return {
    platform: 'jitsi',
    phase,
    room,
    // A plain hang-up button also shows for moderators where the server cannot end meetings
    // for all, so its presence alone proves nothing.
    moderator: doc.querySelector(MODERATOR_HANGUP) ? true : 'unknown',
    // Jitsi's web recording label has no stable attribute, only styled class names.
    recording: 'unknown',
    ...toolboxFacts(doc),
  };
}

export const jitsi: PlatformDetector<'jitsi'> = {
  platform: 'jitsi',
  reads: {
    root: APP_ROOT,
    elements: [...PREJOIN, LOBBY, TOOLBOX, MODERATOR_HANGUP, TOOLBOX_BUTTONS],
    attributes: ['id', 'class', 'data-testid', 'role', 'aria-label', 'aria-pressed'],
    // The room comes from the address, the facts from attributes: no text is read.
    text: [],
  },
  detect,
};
