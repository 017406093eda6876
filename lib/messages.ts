import type { Detection } from './detect';
import type { Profile } from './profiles/schema';

export type Role = 'student' | 'teacher' | 'parent';

/** Where the detector keeps its handle in its frame's isolated world (the popup reads it). */
export const DETECTION_KEY = 'konferenzlotse.detection';
export const DETECTION_GLOBAL = Symbol.for(DETECTION_KEY);

/** The running detector of a frame: its latest finding, and how to stop it. */
export interface DetectorHandle {
  detection: Detection | null;
  /**
   * Reads the page now, synchronously, and returns the fresh finding (also reported to the
   * background if it changed). In a busy meeting `detection` may lag the page by up to about a
   * second; code in the same isolated world (the overlay) may call this before acting on a fact,
   * e.g. before holding a moderator's leave. It costs one detection pass (about 1-3 ms on a
   * large page): call it on a user action, not in a loop.
   */
  read(): Detection | null;
  stop(): void;
}

/** Detector -> background: what this frame shows now (null: no conference any more). */
export interface DetectedMessage {
  type: 'kl:detected';
  detection: Detection | null;
}

/** Background -> overlay: what to render (null: remove the overlay), for whom, and whose notice. */
export interface RenderMessage {
  type: 'kl:render';
  detection: Detection | null;
  role: Role;
  /** The profile that applies to this conference (null where none does). */
  profile: Profile | null;
  /** Identifies the room for remembered ticks: platform, host and room name. */
  roomKey: string;
}

/** Overlay -> background: open the printable summary of a profile in a tab. */
export interface OpenSummaryMessage {
  type: 'kl:open-summary';
  profileId: string;
}

/** Popup -> background: the conference a tab shows and its frame's address, if any. */
export interface TabConferenceMessage {
  type: 'kl:tab-conference';
  tabId: number;
}

/** Options or popup -> background, after the user granted (or to revoke) a site's permission. */
export interface SiteMessage {
  type: 'kl:add-site' | 'kl:remove-site';
  origin: string;
}

export type Message = DetectedMessage | RenderMessage | TabConferenceMessage | SiteMessage | OpenSummaryMessage;

const TYPES = new Set<string>(['kl:detected', 'kl:render', 'kl:tab-conference', 'kl:add-site', 'kl:remove-site', 'kl:open-summary']);

export function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' && TYPES.has(type);
}
