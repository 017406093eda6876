/** Where a conference page stands. */
export type Platform = 'jitsi' | 'bbb' | 'iserv' | 'greenlight' | 'nextcloud-bbb' | 'moodle-bbb';
export type Phase = 'portal' | 'prejoin' | 'lobby' | 'audio-setup' | 'meeting' | 'ended';

/** A fact the page may or may not show. What the page does not show stays `unknown`. */
export type Fact<T> = T | 'unknown';

export interface Detection {
  platform: Platform;
  phase: Phase;
  /** Room name as the page or URL names it; null where neither does. */
  room: string | null;
  moderator: Fact<boolean>;
}

/**
 * One platform's detector: a pure function of the document and its URL.
 * Returns null when the page is not a conference page of that platform, or when the
 * conference UI has not rendered yet (an app shell still loading).
 */
export type Detector = (doc: Document, url: URL) => Detection | null;
