import { textOf } from './dom';
import { UNKNOWN_FACTS, type Fact, type PlatformDetector } from './types';

// Moodle's BigBlueButton activity (mod_bigbluebuttonbn); see tests/fixtures/README.md.
const VIEW_PAGE = 'body#page-mod-bigbluebuttonbn-view';
const ROOM_VIEW = '#bigbluebuttonbn-room-view, #bbb-room-view';
/** Where BigBlueButton sends people back after the meeting (bbb_view.php?action=logout). */
const LOGOUT_PAGE = 'body#page-mod-bigbluebuttonbn-bbb_view';
/** Shown only to moderators while the meeting runs. */
const END_BUTTON = '#bigbluebuttonbn-room-view [data-action="end"], #bbb-room-view [data-action="end"]';
const HEADER = '#page-header';
const HEADING = `${HEADER} h1`;

export const moodleBbb: PlatformDetector<'moodle-bbb'> = {
  platform: 'moodle-bbb',
  reads: {
    root: ROOM_VIEW,
    elements: [VIEW_PAGE, ROOM_VIEW, LOGOUT_PAGE, END_BUTTON, HEADER, HEADING],
    attributes: ['id', 'data-action'],
    text: [HEADING],
  },
  detect(doc, url) {
    if (!url.pathname.includes('/mod/bigbluebuttonbn/')) return null;
    if (doc.querySelector(VIEW_PAGE) && doc.querySelector(ROOM_VIEW)) {
      const moderator: Fact<boolean> = doc.querySelector(END_BUTTON) ? true : 'unknown';
      return { platform: 'moodle-bbb', phase: 'portal', room: textOf(doc, HEADING), ...UNKNOWN_FACTS, moderator };
    }
    if (doc.querySelector(LOGOUT_PAGE) && url.searchParams.get('action') === 'logout') {
      return { platform: 'moodle-bbb', phase: 'ended', room: textOf(doc, HEADING), ...UNKNOWN_FACTS };
    }
    return null;
  },
};
