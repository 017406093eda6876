import type { RoomChange, RoomMemory } from '../messages';
import type { ProfileKey } from '../profiles/key';
import { acknowledgements, checklistTicks, guardOff } from './storage';

/**
 * The background's side of lib/state/room.ts. Every change is a serialised read-modify-write of
 * its stored value, and a read waits for the changes asked for before it, so the overlay never
 * reads back an older state than the one it just wrote.
 */
export async function readRoomMemory(profileKey: ProfileKey | null, version: number, roomKey: string): Promise<RoomMemory> {
  const [acks, ticks, off] = await Promise.all([acknowledgements.readLatest(), checklistTicks.readLatest(), guardOff.readLatest()]);
  return {
    acknowledged: profileKey !== null && acks.value[profileKey] === version,
    ticks: ticks.value[roomKey] ?? {},
    guardOff: off.value[roomKey] === true,
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
  }
}
