import { createStore } from 'zustand/vanilla';
import type { Detection } from '../detect';
import type { Role } from '../messages';

export interface OverlayState {
  detection: Detection | null;
  role: Role;
  noticeOpen: boolean;
  show(detection: Detection | null, role: Role): void;
  openNotice(): void;
  closeNotice(): void;
}

/** One store per overlay (per frame): what the page shows and what the person has dismissed. */
export function createOverlayStore() {
  return createStore<OverlayState>()((set, get) => ({
    detection: null,
    role: 'student',
    noticeOpen: true,
    show(detection, role) {
      // A new conference (another room or platform) brings the notice back.
      const previous = get().detection;
      const sameRoom = previous && detection && previous.platform === detection.platform && previous.room === detection.room;
      set(sameRoom ? { detection, role } : { detection, role, noticeOpen: detection !== null });
    },
    openNotice: () => set({ noticeOpen: true }),
    closeNotice: () => set({ noticeOpen: false }),
  }));
}

export type OverlayStore = ReturnType<typeof createOverlayStore>;
