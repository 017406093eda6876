import { createStore } from 'zustand/vanilla';
import type { Detection, Phase } from '../detect';
import type { Role } from '../messages';
import type { Placement } from '../placement';
import type { ProfileKey } from '../profiles/key';
import type { Profile } from '../profiles/schema';

/** Where the panels go, and the window size (WIDTHxHEIGHT) that was measured for. */
export type PanelPlacement = Placement & { viewport: string };

/** Moments of joining: the notice opens here (in the meeting: right after entering). */
const JOIN_PHASES: ReadonlySet<Phase> = new Set(['prejoin', 'lobby', 'audio-setup', 'meeting']);

export interface OverlayInput {
  detection: Detection | null;
  role: Role;
  profile: Profile | null;
  /** Where that profile comes from and its id (its acknowledgement and summary link). */
  profileKey?: ProfileKey | null;
  roomKey: string;
  /** The join notice of this profile version was acknowledged ("Verstanden"). */
  acknowledged: boolean;
  /** The teacher's own ticks for this room. */
  ticks: Record<string, boolean>;
  /** The user asked the leave guard not to ask in this room when the count is unknown. */
  guardOff: boolean;
  /** The teacher keeps the room checklist open in this room (remembered per room). */
  checklistOpen: boolean;
}

export interface OverlayState extends OverlayInput {
  noticeOpen: boolean;
  /** Opened by hand (the small button): stays open until closed, whatever the page does. */
  noticeByHand: boolean;
  /** Closed without "Verstanden" in this room: stays closed until reopened by hand. */
  noticeDismissed: boolean;
  /** Opened or folded by hand on this page: wins over the one-open-panel rule. */
  checklistByHand: boolean;
  /** The recording warning shows what the notice says about recordings, not only its line. */
  recordingDetails: boolean;
  endedDismissed: boolean;
  /** A leave control the guard is holding, while its dialog is open. */
  heldLeave: Element | null;
  /** Where the panels go, beside the conference's own regions (null until measured). */
  placement: PanelPlacement | null;
  show(input: OverlayInput): void;
  openNotice(): void;
  closeNotice(): void;
  acknowledge(): void;
  setTick(id: string, checked: boolean): void;
  resetTicks(): void;
  /** Opens the folded checklist or folds the open one; returns whether it is open now. */
  toggleChecklist(): boolean;
  toggleRecordingDetails(): void;
  dismissEnded(): void;
  holdLeave(element: Element | null): void;
  setGuardOff(off: boolean): void;
  setPlacement(placement: PanelPlacement): void;
}

/** The card after the meeting shows (until closed). */
export const endedShown = (s: OverlayState): boolean => s.detection?.phase === 'ended' && !s.endedDismissed;

/**
 * The checklist shows open when the teacher keeps it open, unless another panel opened by itself
 * (the join notice, the card after the meeting): one open panel at a time, unless the person
 * opens another by hand.
 */
export const checklistExpanded = (s: OverlayState): boolean =>
  s.checklistOpen && (s.checklistByHand || !(s.noticeOpen || endedShown(s)));

/** One store per overlay (per frame): what the page shows and what the person did about it. */
export function createOverlayStore() {
  return createStore<OverlayState>()((set, get) => ({
    detection: null,
    role: 'student',
    profile: null,
    profileKey: null,
    roomKey: '',
    acknowledged: false,
    ticks: {},
    guardOff: false,
    checklistOpen: false,
    noticeOpen: false,
    noticeByHand: false,
    noticeDismissed: false,
    checklistByHand: false,
    recordingDetails: false,
    endedDismissed: false,
    heldLeave: null,
    placement: null,

    show(input) {
      const before = get();
      const sameRoom = before.detection !== null && input.detection !== null && before.roomKey === input.roomKey;
      const byHand = sameRoom && before.noticeByHand && before.noticeOpen;
      const dismissed = sameRoom && before.noticeDismissed;
      const joining = input.detection !== null && JOIN_PHASES.has(input.detection.phase);
      set({
        ...input,
        // Open at a joining moment until acknowledged; a new profile version asks again.
        noticeOpen: byHand || (joining && !input.acknowledged && !dismissed),
        noticeByHand: byHand,
        noticeDismissed: dismissed,
        // On the same page what the person did last counts, not a stored value that may lag behind.
        checklistOpen: sameRoom ? before.checklistOpen : input.checklistOpen,
        checklistByHand: sameRoom && before.checklistByHand,
        // A recording that stops and starts again is announced with its details folded again.
        recordingDetails: sameRoom && input.detection?.recording === true && before.recordingDetails,
        endedDismissed: sameRoom && before.endedDismissed,
        heldLeave: sameRoom ? before.heldLeave : null,
      });
    },
    openNotice: () => set({ noticeOpen: true, noticeByHand: true }),
    closeNotice: () => set({ noticeOpen: false, noticeByHand: false, noticeDismissed: true }),
    acknowledge: () => set({ noticeOpen: false, noticeByHand: false, acknowledged: true }),
    setTick: (id, checked) => set({ ticks: { ...get().ticks, [id]: checked } }),
    resetTicks: () => set({ ticks: {} }),
    toggleChecklist() {
      const open = !checklistExpanded(get());
      set({ checklistOpen: open, checklistByHand: true });
      return open;
    },
    toggleRecordingDetails: () => set({ recordingDetails: !get().recordingDetails }),
    dismissEnded: () => set({ endedDismissed: true }),
    holdLeave: (element) => set({ heldLeave: element }),
    setGuardOff: (off) => set({ guardOff: off }),
    setPlacement(placement) {
      const now = get().placement;
      const same = now !== null && (Object.keys(placement) as (keyof PanelPlacement)[]).every((k) => now[k] === placement[k]);
      if (!same) set({ placement });
    },
  }));
}

export type OverlayStore = ReturnType<typeof createOverlayStore>;
