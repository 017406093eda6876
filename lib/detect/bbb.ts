import { textOf } from './dom';
import { UNKNOWN_FACTS, type Detection, type Fact, type Phase, type PlatformDetector } from './types';

// BigBlueButton's HTML5 client, 2.x and 3.x, read through its `data-test` attributes (UI strings
// are translated); see tests/fixtures/README.md for the upstream sources.
const CLIENT_PATH = '/html5client';
const GUEST_WAIT_PATH = /\/html5client\/guestWait\/?$/;
const APP_ROOT = '#app';
const CLIENT_SIGNALS = 'script[src*="compatibility/sip.js"], meta[name="application-name"][content="BigBlueButton"]';

const ENDED = '[data-test="meetingEndedModal"], [data-test="meetingEndedModalTitle"]';
const AUDIO_SETUP = '[data-test="audioModal"]';
const GUEST_WAITING = '[data-test="guestMessage"], #positionInWaitingQueue';
const IN_MEETING = '[data-test="userListItemCurrent"], #ActionsBar';

const CURRENT_USER = '[data-test="userListItemCurrent"]';
const MODERATOR_ONLY = '[data-test="userListItemCurrent"] [data-test="moderatorAvatar"], [data-test="manageUsers"]';
const VIEWER = '[data-test="userListItemCurrent"] [data-test="viewerAvatar"]';
const USERS_COUNT = '[data-test-users-count]';
const USER_LIST_HEADING = '[data-test="userList"] h2';
const RECORDING = '[data-test="recordingIndicator"] [role="button"], [data-test="recordingIndicator"] [aria-label]';

/**
 * The recording indicator has no state attribute: its translated label tells running from
 * paused. Known labels (de.json, en.json); any other language leaves it unknown.
 */
const RECORDING_RUNS = new Set(['Aufzeichnung pausieren', 'Diese Konferenz wird jetzt aufgezeichnet', 'Pause recording', 'This session is now being recorded']);
const RECORDING_IDLE = new Set([
  'Aufzeichnung starten',
  'Aufzeichnung fortsetzen',
  'Diese Konferenz wird nicht aufgezeichnet',
  'Diese Konferenz wird jetzt nicht aufgezeichnet',
  'Start recording',
  'Resume recording',
  'This session is not being recorded',
]);

function phaseOf(doc: Document): Phase | null {
  // The audio dialog opens over the meeting UI; the ended dialog over everything.
  if (doc.querySelector(ENDED)) return 'ended';
  if (doc.querySelector(AUDIO_SETUP)) return 'audio-setup';
  if (doc.querySelector(GUEST_WAITING)) return 'lobby';
  if (doc.querySelector(IN_MEETING)) return 'meeting';
  return null;
}

function moderatorOf(doc: Document): Fact<boolean> {
  if (doc.querySelector(MODERATOR_ONLY)) return true;
  if (doc.querySelector(VIEWER)) return false;
  return 'unknown';
}

function participantsOf(doc: Document): Fact<number> {
  // 3.x: a plain integer attribute that counts the current user too.
  const attribute = doc.querySelector(USERS_COUNT)?.getAttribute('data-test-users-count');
  if (attribute && /^\d+$/.test(attribute)) return Number(attribute);
  // 2.x: only the list heading, "Teilnehmer (3)" in any language.
  const heading = textOf(doc, USER_LIST_HEADING)?.match(/\((\d+)\)/);
  return heading?.[1] ? Number(heading[1]) : 'unknown';
}

function recordingOf(doc: Document, phase: Phase): Fact<boolean> {
  const indicator = doc.querySelector(RECORDING);
  if (!indicator) {
    // The indicator is rendered whenever the meeting can be recorded: its absence in a
    // rendered meeting means no recording can run.
    return phase === 'meeting' && doc.querySelector(CURRENT_USER) ? false : 'unknown';
  }
  const label = indicator.getAttribute('aria-label') ?? '';
  if (RECORDING_RUNS.has(label)) return true;
  if (RECORDING_IDLE.has(label)) return false;
  return 'unknown';
}

/** The BigBlueButton client on any host; IServ reuses it for the servers it runs. */
export function detectBbbClient(doc: Document, url: URL): Omit<Detection, 'platform'> | null {
  if (!url.pathname.includes(CLIENT_PATH)) return null;
  if (GUEST_WAIT_PATH.test(url.pathname)) {
    // 2.x guest lobby: a static page of its own. Waiting for approval proves the room has it.
    return { phase: 'lobby', room: null, ...UNKNOWN_FACTS, moderator: false, protected: true };
  }
  if (!doc.querySelector(APP_ROOT) || !doc.querySelector(CLIENT_SIGNALS)) return null;
  const phase = phaseOf(doc);
  if (!phase) return null;
  return {
    phase,
    room: textOf(doc, '[data-test="presentationTitle"]'),
    moderator: phase === 'lobby' ? false : moderatorOf(doc),
    participants: participantsOf(doc),
    recording: recordingOf(doc, phase),
    // Guest approval shows only while someone waits for it; its setting is not on the page.
    protected: phase === 'lobby' ? true : 'unknown',
  };
}

export const bbb: PlatformDetector = {
  platform: 'bbb',
  appRoot: APP_ROOT,
  detect(doc, url) {
    const found = detectBbbClient(doc, url);
    return found && { platform: 'bbb', ...found };
  },
};
