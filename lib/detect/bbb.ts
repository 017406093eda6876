import { find, textOf } from './dom';
import { UNKNOWN_FACTS, type Detection, type Fact, type Phase, type PlatformDetector, type Reads } from './types';

// BigBlueButton's HTML5 client, 2.x and 3.x, read through its `data-test` attributes (UI strings
// are translated); see tests/fixtures/README.md for the upstream sources.
const CLIENT_PATH = '/html5client';
const GUEST_WAIT_PATH = /\/html5client\/guestWait\/?$/;
const APP_ROOT = '#app';
/**
 * The client's page shell (client/main.html, 2.5+ and 3.x), all of it: the script every client
 * loads, the live region and the modals container around #app. A page that borrows a few
 * `data-test` names is not the client.
 */
const SHELL = ['script[src*="compatibility/sip.js"]', '#aria-polite-alert', '#modals-container'];

/** meetingEndedModal (3.x, and 2.x with the feedback form) or meetingEndedModalTitle (2.x). */
const ENDED = '[data-test^="meetingEndedModal"]';
const AUDIO_SETUP = '[data-test="audioModal"]';
// Lists are queried one selector at a time (find): see lib/detect/dom.ts.
const GUEST_WAITING = ['[data-test="guestMessage"]', '#positionInWaitingQueue'];
const CURRENT_USER = '[data-test="userListItemCurrent"]';
const ACTIONS_BAR = '#ActionsBar';
const IN_MEETING = [CURRENT_USER, ACTIONS_BAR];
const MODERATOR_ONLY = [`${CURRENT_USER} [data-test="moderatorAvatar"]`, '[data-test="manageUsers"]'];
const VIEWER = `${CURRENT_USER} [data-test="viewerAvatar"]`;
const USERS_COUNT = '[data-test-users-count]';
const USER_LIST = '[data-test="userList"]';
const USER_LIST_HEADING = `${USER_LIST} h2`;
const TITLE = '[data-test="presentationTitle"]';
const RECORDING_INDICATOR = '[data-test="recordingIndicator"]';
const RECORDING = [`${RECORDING_INDICATOR} [role="button"]`, `${RECORDING_INDICATOR} [aria-label]`];

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

/** `current`: the current user's entry in the user list (queried once per pass, read twice). */
function phaseOf(doc: Document, current: Element | null): Phase | null {
  // The audio dialog opens over the meeting UI; the ended dialog over everything.
  if (doc.querySelector(ENDED)) return 'ended';
  if (doc.querySelector(AUDIO_SETUP)) return 'audio-setup';
  if (find(doc, GUEST_WAITING)) return 'lobby';
  if (current || doc.querySelector(ACTIONS_BAR)) return 'meeting';
  return null;
}

function moderatorOf(doc: Document): Fact<boolean> {
  if (find(doc, MODERATOR_ONLY)) return true;
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

function recordingOf(doc: Document, phase: Phase, current: Element | null): Fact<boolean> {
  // Only a rendered meeting (the current user in the user list) tells anything about recording:
  // the indicator's label alone never raises the alarm.
  if (!current) return 'unknown';
  const indicator = find(doc, RECORDING);
  if (!indicator) {
    // The indicator is rendered whenever the meeting can be recorded: its absence in a
    // rendered meeting means no recording can run.
    return phase === 'meeting' ? false : 'unknown';
  }
  const label = indicator.getAttribute('aria-label') ?? '';
  if (RECORDING_RUNS.has(label)) return true;
  if (RECORDING_IDLE.has(label)) return false;
  return 'unknown';
}

/** The BigBlueButton client on any host; IServ reuses it for the servers it runs. */
export function detectBbbClient(doc: Document, url: URL, platform: 'bbb' | 'iserv'): Detection | null {
  if (!url.pathname.includes(CLIENT_PATH)) return null;
  if (GUEST_WAIT_PATH.test(url.pathname)) {
    // 2.x guest lobby: a static page of its own. Waiting for approval proves the room has it.
    return { platform, phase: 'lobby', room: null, ...UNKNOWN_FACTS, moderator: false, protected: true };
  }
  if (![APP_ROOT, ...SHELL].every((signal) => doc.querySelector(signal))) return null;
  const current = doc.querySelector(CURRENT_USER);
  const phase = phaseOf(doc, current);
  if (!phase) return null;
  return {
    platform,
    phase,
    room: textOf(doc, TITLE),
    moderator: phase === 'lobby' ? false : moderatorOf(doc),
    participants: participantsOf(doc),
    recording: recordingOf(doc, phase, current),
    // Guest approval shows only while someone waits for it; its setting is not on the page.
    protected: phase === 'lobby' ? true : 'unknown',
  };
}

/** What the client detection reads; IServ's servers run the same client. */
export const BBB_CLIENT_READS: Reads = {
  root: APP_ROOT,
  elements: [
    ...SHELL.slice(1),
    ENDED,
    AUDIO_SETUP,
    ...GUEST_WAITING,
    ...IN_MEETING,
    ...MODERATOR_ONLY,
    VIEWER,
    USERS_COUNT,
    USER_LIST,
    USER_LIST_HEADING,
    TITLE,
    RECORDING_INDICATOR,
    ...RECORDING,
  ],
  // No `class`: none is read, and the client's styled-components swap class names all the time.
  attributes: ['id', 'data-test', 'data-test-users-count', 'role', 'aria-label'],
  // 2.x shows the head count only in the user list heading, "Teilnehmer (3)".
  text: [USER_LIST_HEADING, TITLE],
};

export const bbb: PlatformDetector<'bbb'> = {
  platform: 'bbb',
  reads: BBB_CLIENT_READS,
  detect: (doc, url) => detectBbbClient(doc, url, 'bbb'),
};
