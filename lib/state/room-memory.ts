import type { RoomChange, RoomMemory } from '../messages';
import type { ProfileKey } from '../profiles/key';
import { acknowledgements, checklistOpen, checklistTicks, guardOff } from './storage';

/** Rooms whose open checklist is remembered, at most. */
export const MAX_OPEN_ROOMS = 200;

/**
 * The background's side of lib/state/room.ts. Every change is a serialised read-modify-write of
 * its stored value, and a read waits for the changes asked for before it, so the overlay never
 * reads back an older state than the one it just wrote.
 */
export async function readRoomMemory(profileKey: ProfileKey | null, version: number, roomKey: string): Promise<RoomMemory> {
  const [acks, ticks, off, open] = await Promise.all([
    acknowledgements.readLatest(),
    checklistTicks.readLatest(),
    guardOff.readLatest(),
    checklistOpen.readLatest(),
  ]);
  return {
    acknowledged: profileKey !== null && acks.value[profileKey] === version,
    ticks: ticks.value[roomKey] ?? {},
    guardOff: off.value[roomKey] === true,
    checklistOpen: open.value[roomKey] === true,
  };
}

export async function applyRoomChange(change: RoomChange): Promise<void> {
  switch (change.kind) {
    case 'acknowledge':
      await acknowledgements.update((acks) => ({ ...acks, [change.profileKey]: change.version }));
      return;
    case 'ticks':
      await checklistTicks.update((all) => ({ ...all, [change.roomKey]: change.ticks }));
      return;
    case 'forget-ticks':
      await checklistTicks.update(({ [change.roomKey]: _, ...rest }) => rest);
      return;
    case 'guard-off':
      await guardOff.update(({ [change.roomKey]: _, ...rest }) => (change.off ? { ...rest, [change.roomKey]: true as const } : rest));
      return;
    case 'checklist-open':
      await checklistOpen.update(({ [change.roomKey]: _, ...rest }) => {
        if (!change.open) return rest;
        // The most recent rooms are kept; the oldest are forgotten first.
        const kept = Object.keys(rest).slice(-(MAX_OPEN_ROOMS - 1));
        return { ...Object.fromEntries(kept.map((room) => [room, true as const])), [change.roomKey]: true as const };
      });
      return;
  }
}
