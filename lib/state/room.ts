import type { RoomChange, RoomMemory } from '../messages';
import type { ProfileKey } from '../profiles/key';
import { sendToBackground } from './messaging';

/**
 * The overlay's memory (acknowledgements, checklist ticks, "don't ask again", open checklists), for content
 * scripts. They never touch storage themselves: the background reads and writes it, one change
 * at a time (lib/state/room-memory.ts), so changes from several tabs and frames all land.
 */

const NOTHING: RoomMemory = { acknowledged: false, ticks: {}, guardOff: false, checklistOpen: false };

/**
 * What this browser remembers for the profile (this version) and the room. Where the background
 * cannot answer (the extension is being updated), nothing is remembered: the overlay still shows.
 */
export async function loadRoomMemory(profileKey: ProfileKey | null, version: number, roomKey: string): Promise<RoomMemory> {
  try {
    return (await sendToBackground({ type: 'kl:room-memory', profileKey, version, roomKey })) ?? NOTHING;
  } catch {
    return NOTHING;
  }
}

async function remember(change: RoomChange): Promise<void> {
  try {
    await sendToBackground({ type: 'kl:remember', change });
  } catch (error) {
    console.warn('Konferenzlotse: not remembered', change.kind, error);
  }
}

/** "Verstanden": this version of the profile's notice was read. A new version asks again. */
export function acknowledgeNotice(profileKey: ProfileKey, version: number): Promise<void> {
  return remember({ kind: 'acknowledge', profileKey, version });
}

/** The teacher's own ticks for this room. */
export function saveTicks(roomKey: string, ticks: Record<string, boolean>): Promise<void> {
  return remember({ kind: 'ticks', roomKey, ticks });
}

export function forgetTicks(roomKey: string): Promise<void> {
  return remember({ kind: 'forget-ticks', roomKey });
}

/** The leave guard does not ask again in this room when the head count is unknown. */
export function setGuardOff(roomKey: string, off: boolean): Promise<void> {
  return remember({ kind: 'guard-off', roomKey, off });
}

/** The room checklist stays open (or folded) in this room the next time. */
export function rememberChecklistOpen(roomKey: string, open: boolean): Promise<void> {
  return remember({ kind: 'checklist-open', roomKey, open });
}

/** Opens the profile's printable summary in a tab (at most one per profile at a time). */
export async function openSummary(profileKey: ProfileKey): Promise<void> {
  await sendToBackground({ type: 'kl:open-summary', profileKey }).catch(() => undefined);
}
