import { createStore } from 'zustand/vanilla';
import type { Detection, Phase } from '../detect';
import type { Role } from '../messages';
import type { ProfileKey } from '../profiles/key';
import type { Profile } from '../profiles/schema';

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
}

export interface OverlayState extends OverlayInput {
  noticeOpen: boolean;
  /** Opened by hand (the small button): stays open until closed, whatever the page does. */
  noticeByHand: boolean;
  /** Closed without "Verstanden" in this room: stays closed until reopened by hand. */
  noticeDismissed: boolean;
  recordingDismissed: boolean;
  endedDismissed: boolean;
  /** A leave control the guard is holding, while its dialog is open. */
  heldLeave: Element | null;
  show(input: OverlayInput): void;
  openNotice(): void;
  closeNotice(): void;
  acknowledge(): void;
  setTick(id: string, checked: boolean): void;
  resetTicks(): void;
  dismissRecording(): void;
  dismissEnded(): void;
  holdLeave(element: Element | null): void;
  setGuardOff(off: boolean): void;
}

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
    noticeOpen: false,
    noticeByHand: false,
    noticeDismissed: false,
    recordingDismissed: false,
    endedDismissed: false,
    heldLeave: null,

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
        // A recording that stops and starts again is announced again.
        recordingDismissed: sameRoom && input.detection?.recording === true && before.recordingDismissed,
        endedDismissed: sameRoom && before.endedDismissed,
        heldLeave: sameRoom ? before.heldLeave : null,
      });
    },
    openNotice: () => set({ noticeOpen: true, noticeByHand: true }),
    closeNotice: () => set({ noticeOpen: false, noticeByHand: false, noticeDismissed: true }),
    acknowledge: () => set({ noticeOpen: false, noticeByHand: false, acknowledged: true }),
    setTick: (id, checked) => set({ ticks: { ...get().ticks, [id]: checked } }),
    resetTicks: () => set({ ticks: {} }),
    dismissRecording: () => set({ recordingDismissed: true }),
    dismissEnded: () => set({ endedDismissed: true }),
    holdLeave: (element) => set({ heldLeave: element }),
    setGuardOff: (off) => set({ guardOff: off }),
  }));
}

export type OverlayStore = ReturnType<typeof createOverlayStore>;
