/** Where a conference page stands. */
export type Platform = 'jitsi' | 'bbb' | 'iserv' | 'greenlight' | 'nextcloud-bbb' | 'moodle-bbb';
export type Phase = 'portal' | 'prejoin' | 'lobby' | 'audio-setup' | 'meeting' | 'ended';

/** A fact the page may or may not show. What the page does not show stays `unknown`. */
export type Fact<T> = T | 'unknown';

export interface LiveFacts {
  /** The current user may moderate (end the meeting for all, let guests in). */
  moderator: Fact<boolean>;
  /** People in the meeting, the current user included. */
  participants: Fact<number>;
  /** A recording is running now (not merely possible). */
  recording: Fact<boolean>;
  /** The room is protected by a password, a lobby or guest approval. */
  protected: Fact<boolean>;
}

export interface Detection extends LiveFacts {
  platform: Platform;
  phase: Phase;
  /** Room name as the page or URL names it; null where neither does. */
  room: string | null;
}

export const UNKNOWN_FACTS: LiveFacts = {
  moderator: 'unknown',
  participants: 'unknown',
  recording: 'unknown',
  protected: 'unknown',
};

/**
 * One platform, one file (lib/detect/<platform>.ts): where it runs and how to read it.
 * `detect` is a pure function of the document and its URL; it returns null when the page is no
 * conference page of that platform, or when the conference UI has not rendered yet.
 */
export interface PlatformDetector {
  platform: Platform;
  /** The app root whose subtree changes with the meeting's state (watched for live updates). */
  appRoot?: string;
  detect(doc: Document, url: URL): Detection | null;
}
