import { decodeSegment, textOf } from './dom';
import { UNKNOWN_FACTS, type Detection, type Fact, type PlatformDetector } from './types';

// Greenlight v3 (React, rendered into #root) and v2 (Rails views); see tests/fixtures/README.md.
const V3_PATH = /^\/rooms\/([\w-]+)(\/join)?\/?$/;
const V3_APP = 'div#root';
const V3_RAILS = 'meta[name="csrf-param"]';
const V3_JOIN_FORM = '#joinFormName';
const V3_ROOM_PAGE = '.room-header-wrapper, button.start-meeting-btn';
const V3_ACCESS_CODE = '#joinFormCode';

const V2_PATH = /^\/b\/([\w-]+)\/?$/;
const V2_BODY = 'body[data-controller="rooms"][data-relative-root]';
const V2_ACCESS_CODE = 'input[name="room[access_code]"]';

function v3(doc: Document, url: URL): Detection | null {
  const path = V3_PATH.exec(url.pathname);
  if (!path || !doc.querySelector(V3_APP) || !doc.querySelector(V3_RAILS)) return null;
  const join = doc.querySelector(V3_JOIN_FORM);
  const roomPage = doc.querySelector(V3_ROOM_PAGE);
  if (!join && !roomPage) return null; // the React app has not rendered yet
  const room = textOf(doc, join ? '.card-body h1' : '.room-header-wrapper h1') ?? decodeSegment(path[1]);
  // An access code field proves a password; its absence proves nothing (guest approval
  // happens inside BigBlueButton).
  const isProtected: Fact<boolean> = doc.querySelector(V3_ACCESS_CODE) ? true : 'unknown';
  return { platform: 'greenlight', phase: join ? 'prejoin' : 'portal', room, ...UNKNOWN_FACTS, protected: isProtected };
}

function v2(doc: Document, url: URL): Detection | null {
  const path = V2_PATH.exec(url.pathname);
  const body = doc.querySelector(V2_BODY);
  if (!path || !body) return null;
  const action = body.getAttribute('data-action');
  if (action !== 'join' && action !== 'show') return null;
  const room = textOf(doc, 'h1.display-3, #room-title h1') ?? decodeSegment(path[1]);
  const isProtected: Fact<boolean> = doc.querySelector(V2_ACCESS_CODE) ? true : 'unknown';
  return { platform: 'greenlight', phase: action === 'join' ? 'prejoin' : 'portal', room, ...UNKNOWN_FACTS, protected: isProtected };
}

export const greenlight: PlatformDetector = {
  platform: 'greenlight',
  appRoot: V3_APP,
  detect: (doc, url) => v3(doc, url) ?? v2(doc, url),
};
