import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyRoomChange, MAX_OPEN_ROOMS, readRoomMemory } from '../../../lib/state/room-memory';

const ROOM = 'jitsi:meet.jit.si:Mathe7b';
const open = async (roomKey: string) => (await readRoomMemory(null, 1, roomKey)).checklistOpen;
const remember = (roomKey: string, isOpen: boolean) => applyRoomChange({ kind: 'checklist-open', roomKey, open: isOpen });

describe('the open checklist is remembered per room', () => {
  beforeEach(() => fakeBrowser.reset());

  it('folded where nothing is remembered; an opened checklist is remembered for its room only', async () => {
    expect(await open(ROOM)).toBe(false);
    await remember(ROOM, true);
    expect(await open(ROOM)).toBe(true);
    expect(await open('bbb:bbb.example:Mathe')).toBe(false);
    await remember(ROOM, false);
    expect(await open(ROOM)).toBe(false);
    expect(await fakeBrowser.storage.local.get('panels')).toEqual({ panels: {} });
  });

  it('quick toggles are written one after another, the last one wins', async () => {
    await Promise.all([remember(ROOM, true), remember('other', true), remember(ROOM, false), remember(ROOM, true)]);
    expect(await open(ROOM)).toBe(true);
    expect(await open('other')).toBe(true);
  });

  it('reads damaged storage as folded and keeps the valid rooms', async () => {
    for (const damaged of ['x', 42, null, [], [{}]]) {
      await fakeBrowser.storage.local.set({ panels: damaged });
      expect(await open(ROOM), JSON.stringify(damaged)).toBe(false);
    }
    await fakeBrowser.storage.local.set({ panels: { [ROOM]: 'yes', kept: true } });
    expect(await open(ROOM)).toBe(false);
    expect(await open('kept')).toBe(true);
  });

  it(`forgets the oldest rooms beyond ${MAX_OPEN_ROOMS}`, async () => {
    await fakeBrowser.storage.local.set({ panels: Object.fromEntries(Array.from({ length: MAX_OPEN_ROOMS }, (_, i) => [`room${i}`, true])) });
    await remember(ROOM, true);
    expect(await open('room0')).toBe(false);
    expect(await open('room1')).toBe(true);
    expect(await open(ROOM)).toBe(true);
  });
});
