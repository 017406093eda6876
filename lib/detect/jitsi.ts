import type { Detection, Detector, Fact, Phase } from './types';

// Signals from jitsi-meet's index.html and React app (see tests/fixtures/README.md).
const APP_ROOT = 'div#react';
const APP_SCRIPTS = 'script[src*="libs/app.bundle"], script[src*="lib-jitsi-meet"]';
const INLINE_CONFIG = /\bvar\s+config\s*=/;

const PREJOIN = '[data-testid="prejoin.screen"], .premeeting-screen';
const LOBBY = '.lobby-screen';
const TOOLBOX = '#new-toolbox';
/** Rendered on the inner div.toolbox-icon only where the user may end the meeting for all. */
const MODERATOR_HANGUP = '.hangup-menu-button';

/** Jitsi's own end pages (static/close.html, close2.html, close3.html): not a meeting. */
const CLOSE_PAGE = /\/static\/close\d*\.html$/;

function hasJitsiApp(doc: Document): boolean {
  if (!doc.querySelector(APP_ROOT)) return false;
  if (doc.querySelector(APP_SCRIPTS)) return true;
  for (const script of Array.from(doc.scripts)) {
    if (!script.src && INLINE_CONFIG.test(script.textContent ?? '')) return true;
  }
  return false;
}

function phaseOf(doc: Document): Phase | null {
  // Order matters: the lobby is a pre-meeting screen too, and the pre-meeting screens render
  // the regular toolbox (camera, microphone) inside them before anyone has joined.
  if (doc.querySelector(LOBBY)) return 'lobby';
  if (doc.querySelector(PREJOIN)) return 'prejoin';
  if (doc.querySelector(TOOLBOX)) return 'meeting';
  return null;
}

/** Jitsi serves every room from the same page; the room is the last path segment. */
export function roomFromUrl(url: URL): string | null {
  const last = url.pathname.split('/').filter(Boolean).pop();
  if (!last) return null;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

function moderatorOf(doc: Document, phase: Phase): Fact<boolean> {
  if (phase !== 'meeting') return 'unknown';
  // A plain hang-up button also shows for moderators where the server cannot end
  // meetings for all, so its presence alone proves nothing.
  return doc.querySelector(MODERATOR_HANGUP) ? true : 'unknown';
}

export const detectJitsi: Detector = (doc, url): Detection | null => {
  if (CLOSE_PAGE.test(url.pathname)) return null;
  if (!hasJitsiApp(doc)) return null;
  const phase = phaseOf(doc);
  if (!phase) return null;
  return { platform: 'jitsi', phase, room: roomFromUrl(url), moderator: moderatorOf(doc, phase) };
};
