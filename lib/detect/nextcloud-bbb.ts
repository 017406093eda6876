import { decodeSegment, textOf } from './dom';
import { UNKNOWN_FACTS, type Fact, type Phase, type PlatformDetector } from './types';

// The BigBlueButton app for Nextcloud (cloud_bbb): its public room page in Nextcloud's guest
// layout; see tests/fixtures/README.md.
const PATH = /^(?:\/index\.php)?\/apps\/bbb\/b\/([A-Za-z0-9]+)(?:\/[A-Za-z0-9]+)?\/?$/;
const GUEST_LAYOUT = 'body#body-login';
const JOIN_FORM = 'fieldset.bbb';
const WAITING = '.update.bbb #bbb-waiting-text';
const FORWARDING = '.update.bbb';
const PASSWORD = '.bbb #password';
const TITLE = '.bbb h2';

export const nextcloudBbb: PlatformDetector<'nextcloud-bbb'> = {
  platform: 'nextcloud-bbb',
  reads: {
    root: GUEST_LAYOUT,
    elements: [JOIN_FORM, WAITING, FORWARDING, PASSWORD, TITLE],
    attributes: ['id', 'class'],
    text: [TITLE],
  },
  detect(doc, url) {
    const path = PATH.exec(url.pathname);
    if (!path || !doc.querySelector(GUEST_LAYOUT)) return null;
    let phase: Phase;
    if (doc.querySelector(JOIN_FORM)) phase = 'prejoin';
    else if (doc.querySelector(WAITING)) phase = 'lobby'; // the room is not open yet
    else if (doc.querySelector(FORWARDING)) phase = 'prejoin'; // on the way to BigBlueButton
    else return null;
    const isProtected: Fact<boolean> = doc.querySelector(PASSWORD) ? true : 'unknown';
    return {
      platform: 'nextcloud-bbb',
      phase,
      room: textOf(doc, TITLE) ?? decodeSegment(path[1]),
      ...UNKNOWN_FACTS,
      protected: isProtected,
    };
  },
};
