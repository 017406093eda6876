import type { Detection } from './detect';
import type { ProfileKey } from './profiles/key';
import type { Profile } from './profiles/schema';
import type { FrameReport } from './tabs';

/**
 * The one message protocol between the extension's parts, grouped by direction. Each message
 * names its reply in `Replies`; the background accepts each message only from the senders
 * `SENDERS` names (entrypoints/background/protocol.ts checks it).
 */

/** Who uses this browser. */
export const ROLES = ['student', 'teacher', 'parent'] as const;
export type Role = (typeof ROLES)[number];

/** The overlay's host element in the page; a host that had to take another name starts with it. */
export const HOST_NAME = 'konferenzlotse-ui';

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

/** What this browser remembers for a profile and a room (the overlay's memory). */
export interface RoomMemory {
  /** The join notice of this profile version was acknowledged ("Verstanden"). */
  acknowledged: boolean;
  /** The teacher's own ticks for this room. */
  ticks: Record<string, boolean>;
  /** The leave guard should not ask in this room when the head count is unknown. */
  guardOff: boolean;
  /** The teacher keeps the room checklist open in this room. */
  checklistOpen: boolean;
}

/** A change to the overlay's memory, applied by the background one at a time. */
export type RoomChange =
  | { kind: 'acknowledge'; profileKey: ProfileKey; version: number }
  | { kind: 'ticks'; roomKey: string; ticks: Record<string, boolean> }
  | { kind: 'forget-ticks'; roomKey: string }
  | { kind: 'guard-off'; roomKey: string; off: boolean }
  | { kind: 'checklist-open'; roomKey: string; open: boolean };

// Content scripts -> background ------------------------------------------------------------

/** Detector: what this frame shows now (null: no conference any more). */
export interface DetectedMessage {
  type: 'kl:detected';
  detection: Detection | null;
}

/** Overlay or an extension page: open the printable summary of a profile in a tab. */
export interface OpenSummaryMessage {
  type: 'kl:open-summary';
  profileKey: ProfileKey;
}

/** Overlay: what this browser remembers for the profile and room it shows. */
export interface RoomMemoryMessage {
  type: 'kl:room-memory';
  profileKey: ProfileKey | null;
  /** The profile version shown: an acknowledgement of an older one does not count. */
  version: number;
  roomKey: string;
}

/** Overlay: remember what the person did (acknowledged, ticked, "don't ask again", checklist open). */
export interface RememberMessage {
  type: 'kl:remember';
  change: RoomChange;
}

export type ContentMessage = DetectedMessage | OpenSummaryMessage | RoomMemoryMessage | RememberMessage;

// Extension pages (popup, options, summary, onboarding) -> background ----------------------

/** Popup: the conference a tab shows and its frame's address, if any. */
export interface TabConferenceMessage {
  type: 'kl:tab-conference';
  tabId: number;
}

/** Options or popup, after the user granted a site's permission. */
export interface AddSiteMessage {
  type: 'kl:add-site';
  origin: string;
}

/** Options: switch a user-added site off (script, stored entry and permission). */
export interface RemoveSiteMessage {
  type: 'kl:remove-site';
  origin: string;
}

/** Options, popup or first-run page: the admin policy or its granted hosts changed. */
export interface PolicySyncMessage {
  type: 'kl:policy-sync';
}

export type PageMessage = TabConferenceMessage | AddSiteMessage | RemoveSiteMessage | OpenSummaryMessage | PolicySyncMessage;

// Background -> content scripts -------------------------------------------------------------

/** To the overlay: what to render (null: remove the overlay), for whom, and whose notice. */
export interface RenderMessage {
  type: 'kl:render';
  detection: Detection | null;
  role: Role;
  /** The profile that applies to this conference (null where none does). */
  profile: Profile | null;
  /** Where that profile comes from and its id (acknowledgements and summary links use it). */
  profileKey: ProfileKey | null;
  /** Identifies the room for remembered ticks: platform, host and room name. */
  roomKey: string;
}

export type BackgroundMessage = RenderMessage;

export type Message = ContentMessage | PageMessage | BackgroundMessage;

/** What each message is answered with. */
export interface Replies {
  'kl:detected': void;
  'kl:open-summary': void;
  'kl:room-memory': RoomMemory;
  'kl:remember': void;
  'kl:tab-conference': FrameReport | null;
  'kl:add-site': boolean;
  'kl:remove-site': void;
  'kl:policy-sync': void;
  'kl:render': void;
}

export type Reply<M extends Message> = Replies[M['type']];

/** Who may send a message to the background: a content script in a web page, or an extension page. */
export type SenderKind = 'content' | 'page';

export const SENDERS: { readonly [T in (ContentMessage | PageMessage)['type']]: readonly SenderKind[] } = {
  'kl:detected': ['content'],
  'kl:room-memory': ['content'],
  'kl:remember': ['content'],
  'kl:open-summary': ['content', 'page'],
  'kl:tab-conference': ['page'],
  'kl:add-site': ['page'],
  'kl:remove-site': ['page'],
  'kl:policy-sync': ['page'],
};

export function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' && (type === 'kl:render' || Object.hasOwn(SENDERS, type));
}
