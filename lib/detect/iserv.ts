import { BBB_CLIENT_READS, detectBbbClient } from './bbb';
import { textOf } from './dom';
import { UNKNOWN_FACTS, type PlatformDetector } from './types';

// IServ Videokonferenz: the school portal's pages and the BigBlueButton servers IServ runs.
// IServ's portal markup is not public: only its paths are used (tests/fixtures/README.md).
const ROOM_LIST = /^\/iserv\/videoconference\/?$/;
const ROOM_PAGE = /^\/iserv\/videoconference\/room\/[\w-]+\/?$/;
const ROOM_TITLE = 'main h1, h1';
/** IServ's BigBlueButton servers, which belong to the school's IServ too. */
const ISERV_BBB_HOST = '.videoconference.iserv.eu';

export const iserv: PlatformDetector<'iserv'> = {
  platform: 'iserv',
  // The portal's pages are rendered by the server: only the client on IServ's servers changes.
  reads: BBB_CLIENT_READS,
  detect(doc, url) {
    if (url.hostname.endsWith(ISERV_BBB_HOST)) return detectBbbClient(doc, url, 'iserv');
    if (ROOM_LIST.test(url.pathname)) return { platform: 'iserv', phase: 'portal', room: null, ...UNKNOWN_FACTS };
    if (ROOM_PAGE.test(url.pathname)) return { platform: 'iserv', phase: 'prejoin', room: textOf(doc, ROOM_TITLE), ...UNKNOWN_FACTS };
    return null;
  },
};
