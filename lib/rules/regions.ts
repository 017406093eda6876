import type { Platform } from '../detect';
import { union, type Rect } from '../placement';

/**
 * The parts of a conference page the overlay must leave uncovered, as data: each region is found
 * by selectors from the platform's own markup (ids, `data-test`/`data-testid` attributes and
 * component classes the platforms render, never hashed class names or text). A region's box is
 * the box around every visible element its selectors find, so a column made of several parts
 * (BigBlueButton's chat: title, messages, input) counts as one.
 *
 * `controls` regions are where people act (toolbars, join forms, dialogs); the others are where
 * they look (participant lists, chat, the filmstrip). Where no free area is left beside both,
 * the panels give way to the controls at least (Jitsi's tile view fills the stage with videos).
 */
export interface KeyRegion {
  name: string;
  selectors: readonly RegionPart[];
  controls: boolean;
}

/**
 * A selector, or a selector and how many levels up the region's element is from what it finds
 * (where the platform marks only something inside a card, such as its title).
 */
export type RegionPart = string | { selector: string; up: number };

const region = (name: string, controls: boolean, ...selectors: RegionPart[]): KeyRegion => ({ name, selectors, controls });

/** The elements a region part stands for. */
export function partElements(doc: Document, part: RegionPart): Element[] {
  if (typeof part === 'string') return [...doc.querySelectorAll(part)];
  return [...doc.querySelectorAll(part.selector)].flatMap((found) => {
    let element: Element | null = found;
    for (let i = 0; i < part.up && element; i++) element = element.parentElement;
    return element ? [element] : [];
  });
}

/**
 * Jitsi Meet (jitsi/jitsi-meet): the toolbox (Toolbox.tsx renders `.toolbox-content-wrapper` inside
 * `#new-toolbox`; the wrapper is the visible bar, `#new-toolbox` spans the whole width), the
 * pre-meeting screen's content column (PreMeetingScreen.tsx: `.premeeting-screen` > wrapper >
 * content > controls; prejoin and lobby), the filmstrip (Filmstrip.tsx `.filmstrip`), the chat
 * (Chat.tsx `#sideToolbarContainer`) and the participants pane (ParticipantsPane.tsx
 * `#participants-pane`).
 */
const JITSI: readonly KeyRegion[] = [
  region('toolbox', true, '#new-toolbox .toolbox-content-wrapper'),
  region('prejoin-form', true, '.premeeting-screen > div:first-child > div > div'),
  region('filmstrip', false, '.filmstrip'),
  region('chat', false, '#sideToolbarContainer'),
  region('participants-pane', false, '#participants-pane'),
];

/**
 * BigBlueButton's HTML5 client, 2.x and 3.x (bigbluebutton/bigbluebutton, bigbluebutton-html5;
 * `data-test` names as its Playwright suite uses them, bigbluebutton-tests/playwright/core/elements.js):
 * the navigation bar (`header#Navbar`, nav-bar/component), the 3.x navigation sidebar, the user
 * list, the chat column, the actions bar (`section#ActionsBar`), the audio dialog, simple modals
 * such as the end-meeting confirmation (`#simpleModal`), the meeting-ended card (2.x marks only
 * its title: Styled.Modal > Styled.Content > h1, so the card is two levels up) and the guest
 * lobby (`#content` with its live message).
 */
const BBB: readonly KeyRegion[] = [
  region('navbar', true, 'header#Navbar'),
  region('navigation-sidebar', true, '[data-test="navigationSidebarContainer"]'),
  region('user-list', false, '[data-test="userListContainer"]', '[data-test="userListContent"]'),
  region('chat', false, 'header[data-test="chatTitle"]', '[data-test="chatMessages"]', 'textarea#message-input'),
  region('actions-bar', true, '#ActionsBar'),
  region('audio-dialog', true, '[data-test="audioModal"]'),
  region('dialog', true, '#simpleModal'),
  region('meeting-ended', true, '[data-test="meetingEndedModal"]', { selector: 'h1[data-test="meetingEndedModalTitle"]', up: 2 }),
  region('guest-lobby', true, '#content:has(p[aria-live])'),
];

/**
 * Greenlight v3 (bigbluebutton/greenlight, app/javascript): the top navbar (react-bootstrap
 * `nav.navbar`), the join card with its form (`#joinFormName`, the recording-consent box
 * `#consentCheck`) and the room page's start button (`.start-meeting-btn`).
 */
const GREENLIGHT: readonly KeyRegion[] = [
  region('navbar', true, 'nav.navbar'),
  region('join-form', true, '.card:has(#joinFormName)'),
  region('start', true, '.start-meeting-btn'),
];

/**
 * The Nextcloud BigBlueButton app (sualko/cloud_bbb, templates/join.php and waiting.php): the
 * join form around `#displayname` or `#password`, and the waiting box.
 */
const NEXTCLOUD: readonly KeyRegion[] = [region('join-form', true, 'form:has(#displayname, #password)', '.update.bbb')];

/**
 * Moodle's BigBlueButton activity (moodle/moodle, mod/bigbluebuttonbn/templates): the room view
 * with its join button, and Boost's fixed top navbar.
 */
const MOODLE: readonly KeyRegion[] = [
  region('navbar', true, 'nav.navbar.fixed-top'),
  region('room', true, '#bigbluebuttonbn-room-view'),
];

/**
 * Where each platform's key regions are. IServ's meetings run in BigBlueButton; IServ's own
 * portal markup is not public, so its portal pages declare none.
 */
export const KEY_REGIONS: Record<Platform, readonly KeyRegion[]> = {
  jitsi: JITSI,
  bbb: BBB,
  iserv: BBB,
  greenlight: GREENLIGHT,
  'nextcloud-bbb': NEXTCLOUD,
  'moodle-bbb': MOODLE,
};

/** The box of an element the person can see; null where display, visibility or an empty box hides it. */
function shownBox(element: Element): Rect | null {
  if (typeof element.checkVisibility === 'function' && !element.checkVisibility({ visibilityProperty: true })) return null;
  const { left, top, right, bottom, width, height } = element.getBoundingClientRect();
  return width > 0 && height > 0 ? { left, top, right, bottom } : null;
}

export interface RegionBox {
  name: string;
  controls: boolean;
  box: Rect;
}

/** The boxes of a platform's key regions as the page shows them now (hidden ones left out). */
export function keyRegionBoxes(doc: Document, regions: readonly KeyRegion[]): RegionBox[] {
  const boxes: RegionBox[] = [];
  for (const { name, selectors, controls } of regions) {
    const rects: Rect[] = [];
    for (const part of selectors) {
      for (const element of partElements(doc, part)) {
        const box = shownBox(element);
        if (box) rects.push(box);
      }
    }
    const box = union(rects);
    if (box) boxes.push({ name, controls, box });
  }
  return boxes;
}
