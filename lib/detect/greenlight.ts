import { decodeSegment, textOf } from './dom';
import { UNKNOWN_FACTS, type Detection, type PlatformDetector } from './types';

// Greenlight v3 (React, rendered into #root) and v2 (Rails views); see tests/fixtures/README.md.
const V3_PATH = /^\/rooms\/([\w-]+)(\/join)?\/?$/;
const V3_APP = 'div#root';
const V3_RAILS = 'meta[name="csrf-param"]';
const V3_JOIN_FORM = '#joinFormName';
const V3_ROOM_PAGE = '.room-header-wrapper, button.start-meeting-btn';
const V3_ACCESS_CODE = '#joinFormCode';
const V3_CARD = '.card-body';
const V3_JOIN_TITLE = `${V3_CARD} h1`;
const V3_ROOM_TITLE = '.room-header-wrapper h1';

const V2_PATH = /^\/b\/([\w-]+)\/?$/;
const V2_BODY = 'body[data-controller="rooms"][data-relative-root]';
const V2_ACCESS_CODE = 'input[name="room[access_code]"]';
const V2_TITLE_BOX = '#room-title';
const V2_TITLE = `h1.display-3, ${V2_TITLE_BOX} h1`;

/** A room page of either version: its join form or the room itself, its title, its access code field. */
function roomPage(doc: Document, path: RegExpExecArray, join: boolean, title: string, accessCode: string): Detection {
  return {
    platform: 'greenlight',
    phase: join ? 'prejoin' : 'portal',
    room: textOf(doc, title) ?? decodeSegment(path[1]),
    ...UNKNOWN_FACTS,
    // An access code field proves a password; its absence proves nothing (guest approval
    // happens inside BigBlueButton).
    protected: doc.querySelector(accessCode) ? true : 'unknown',
  };
}

function v3(doc: Document, url: URL): Detection | null {
  const path = V3_PATH.exec(url.pathname);
  if (!path || !doc.querySelector(V3_APP) || !doc.querySelector(V3_RAILS)) return null;
  const join = !!doc.querySelector(V3_JOIN_FORM);
  if (!join && !doc.querySelector(V3_ROOM_PAGE)) return null; // the React app has not rendered yet
  return roomPage(doc, path, join, join ? V3_JOIN_TITLE : V3_ROOM_TITLE, V3_ACCESS_CODE);
}

function v2(doc: Document, url: URL): Detection | null {
  const path = V2_PATH.exec(url.pathname);
  const action = doc.querySelector(V2_BODY)?.getAttribute('data-action');
  if (!path || (action !== 'join' && action !== 'show')) return null;
  return roomPage(doc, path, action === 'join', V2_TITLE, V2_ACCESS_CODE);
}

export const greenlight: PlatformDetector<'greenlight'> = {
  platform: 'greenlight',
  reads: {
    // v3 renders into #root; v2 pages are rendered by the server and do not change.
    root: V3_APP,
    elements: [V3_JOIN_FORM, V3_ROOM_PAGE, V3_ACCESS_CODE, V3_CARD, V3_JOIN_TITLE, V3_ROOM_TITLE, V2_BODY, V2_ACCESS_CODE, V2_TITLE_BOX, V2_TITLE],
    attributes: ['id', 'class', 'name', 'data-controller', 'data-action', 'data-relative-root'],
    text: [V3_JOIN_TITLE, V3_ROOM_TITLE, V2_TITLE],
  },
  detect: (doc, url) => v3(doc, url) ?? v2(doc, url),
};
