import type { Platform } from './platforms';

export type { Platform } from './platforms';

/** Where a conference page stands. */
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
 * What a detector reads of the page, declared next to its selectors so the live watcher
 * (lib/watch.ts) observes exactly that: a change anywhere else cannot change the finding.
 */
export interface Reads {
  /** The app root the conference UI renders into: its subtree is watched. */
  root: string;
  /**
   * Every element inside the page's body the detector reads, the root aside (a replaced root is
   * found again anyway). A mutation that adds, removes or changes none of these (nor text
   * inside `text`) is skipped.
   */
  elements: readonly string[];
  /** The attributes it reads on those elements (the observer's attribute filter). */
  attributes: readonly string[];
  /** Elements whose text it reads; none: text changes are not observed. */
  text: readonly string[];
}

/**
 * One platform, one file (lib/detect/<platform>.ts): where it runs and how to read it.
 * `detect` is a pure function of the document and its URL; it returns null when the page is no
 * conference page of that platform, or when the conference UI has not rendered yet.
 */
export interface PlatformDetector<P extends Platform = Platform> {
  platform: P;
  reads: Reads;
  detect(doc: Document, url: URL): Detection | null;
}

