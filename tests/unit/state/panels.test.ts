import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadPanelMemory, rememberChecklistOpen } from '../../../lib/state/panels';

const ROOM = 'jitsi:meet.jit.si:Mathe7b';

describe('panel memory per room', () => {
  beforeEach(() => fakeBrowser.reset());

  it('folded where nothing is remembered; an opened checklist is remembered for its room only', async () => {
    expect(await loadPanelMemory(ROOM)).toEqual({ checklistOpen: false });
    await rememberChecklistOpen(ROOM, true);
    expect(await loadPanelMemory(ROOM)).toEqual({ checklistOpen: true });
    expect(await loadPanelMemory('bbb:bbb.example:Mathe')).toEqual({ checklistOpen: false });
    await rememberChecklistOpen(ROOM, false);
    expect(await loadPanelMemory(ROOM)).toEqual({ checklistOpen: false });
    expect(await fakeBrowser.storage.local.get('panels')).toEqual({ panels: {} });
  });

  it('quick toggles are written one after another, the last one wins', async () => {
    await Promise.all([rememberChecklistOpen(ROOM, true), rememberChecklistOpen('other', true), rememberChecklistOpen(ROOM, false), rememberChecklistOpen(ROOM, true)]);
    expect(await loadPanelMemory(ROOM)).toEqual({ checklistOpen: true });
    expect(await loadPanelMemory('other')).toEqual({ checklistOpen: true });
  });

  it('reads damaged storage as folded, keeps the valid rooms and repairs it on the next write', async () => {
    for (const damaged of ['x', 42, null, [], [{}]]) {
      await fakeBrowser.storage.local.set({ panels: damaged });
      expect(await loadPanelMemory(ROOM), JSON.stringify(damaged)).toEqual({ checklistOpen: false });
    }
    await fakeBrowser.storage.local.set({ panels: { [ROOM]: { checklistOpen: 'yes' }, kept: { checklistOpen: true }, odd: 7 } });
    expect(await loadPanelMemory(ROOM)).toEqual({ checklistOpen: false });
    expect(await loadPanelMemory('kept')).toEqual({ checklistOpen: true });
    await rememberChecklistOpen(ROOM, true);
    expect(await fakeBrowser.storage.local.get('panels')).toEqual({ panels: { kept: { checklistOpen: true }, [ROOM]: { checklistOpen: true } } });
  });

  it('forgets the oldest rooms beyond 200', async () => {
    await fakeBrowser.storage.local.set({ panels: Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`room${i}`, { checklistOpen: true }])) });
    await rememberChecklistOpen(ROOM, true);
    expect(await loadPanelMemory('room0')).toEqual({ checklistOpen: false });
    expect(await loadPanelMemory('room1')).toEqual({ checklistOpen: true });
    expect(await loadPanelMemory(ROOM)).toEqual({ checklistOpen: true });
  });
});
