import { decodeSegment, textOf } from './dom';
import { UNKNOWN_FACTS, type Fact, type Phase, type PlatformDetector } from './types';

// The BigBlueButton app for Nextcloud (cloud_bbb): its public room page in Nextcloud's guest
// layout; see tests/fixtures/README.md.
const PATH = /^(?:\/index\.php)?\/apps\/bbb\/b\/([A-Za-z0-9]+)(?:\/[A-Za-z0-9]+)?\/?$/;
const GUEST_LAYOUT = 'body#body-login';
const JOIN_FORM = 'fieldset.bbb';
const WAITING = '.update.bbb #bbb-waiting-text';
const FORWARDING = '.update.bbb';

export const nextcloudBbb: PlatformDetector = {
  platform: 'nextcloud-bbb',
  appRoot: GUEST_LAYOUT,
  detect(doc, url) {
    const path = PATH.exec(url.pathname);
    if (!path || !doc.querySelector(GUEST_LAYOUT)) return null;
    let phase: Phase;
    if (doc.querySelector(JOIN_FORM)) phase = 'prejoin';
    else if (doc.querySelector(WAITING)) phase = 'lobby'; // the room is not open yet
    else if (doc.querySelector(FORWARDING)) phase = 'prejoin'; // on the way to BigBlueButton
    else return null;
    const isProtected: Fact<boolean> = doc.querySelector('.bbb #password') ? true : 'unknown';
    return {
      platform: 'nextcloud-bbb',
      phase,
      room: textOf(doc, '.bbb h2') ?? decodeSegment(path[1]),
      ...UNKNOWN_FACTS,
      protected: isProtected,
    };
  },
};
