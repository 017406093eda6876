import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Detection } from '../../../lib/detect';
import type { RenderMessage } from '../../../lib/messages';
import { acknowledgeNotice, forgetTicks, loadRoomMemory, rememberChecklistOpen, saveTicks, setGuardOff } from '../../../lib/state/room';
import { sampleProfile } from '../profiles/sample';

// Counts how often the background reads the profiles (the real function underneath).
vi.mock('../../../lib/state/profiles', async (original) => {
  const real = await original<typeof import('../../../lib/state/profiles')>();
  return { ...real, loadProfileChoice: vi.fn(real.loadProfileChoice) };
});

const { loadProfileChoice, saveImportedProfile } = await import('../../../lib/state/profiles');
const { onDetected, watchProfileChanges } = await import('../../../entrypoints/background/overlay');
const { onMessage } = await import('../../../entrypoints/background/protocol');
const { chosenSchool, roleSetting } = await import('../../../lib/state/storage');

const rendered: RenderMessage[] = [];

function installFakes() {
  rendered.length = 0;
  Object.assign(fakeBrowser.tabs, {
    sendMessage: vi.fn(async (_tab: number, message: RenderMessage) => {
      rendered.push(message);
    }),
  });
  Object.assign(fakeBrowser, {
    action: { setBadgeText: async () => {}, setBadgeBackgroundColor: async () => {}, setTitle: async () => {} },
    scripting: { executeScript: async () => [] },
  });
  Object.assign(fakeBrowser.i18n, { getMessage: (key: string) => key });
}

const detection = (participants: number): Detection => ({
  platform: 'jitsi',
  phase: 'meeting',
  room: 'Mathe7b',
  moderator: true,
  participants,
  recording: false,
  protected: true,
});

describe('the background reads the profiles once, not per detection', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    installFakes();
    watchProfileChanges();
    vi.mocked(loadProfileChoice).mockClear();
  });

  it('five detections (each writing session storage) load the profiles once', async () => {
    // Whatever an earlier test left cached goes with this change.
    await chosenSchool.setValue(null);
    vi.mocked(loadProfileChoice).mockClear();
    for (let i = 1; i <= 5; i++) await onDetected(1, 0, 'https://meet.jit.si/Mathe7b', detection(i));
    expect(rendered).toHaveLength(5);
    expect(rendered.map((m) => m.profileKey)).toEqual(Array(5).fill('bundled:generic-jitsi'));
    expect(loadProfileChoice).toHaveBeenCalledTimes(1);
  });

  it('a profile-related change reads them again; the role and session writes do not', async () => {
    await chosenSchool.setValue(null);
    await onDetected(1, 0, 'https://meet.jit.si/Mathe7b', detection(1));
    vi.mocked(loadProfileChoice).mockClear();
    await roleSetting.setValue('teacher');
    await onDetected(1, 0, 'https://meet.jit.si/Mathe7b', detection(2));
    expect(loadProfileChoice).toHaveBeenCalledTimes(0);
    expect(rendered.at(-1)?.role).toBe('teacher');

    await saveImportedProfile(sampleProfile({ deployments: [{ platform: 'jitsi', hosts: ['meet.jit.si'] }] }));
    await onDetected(1, 0, 'https://meet.jit.si/Mathe7b', detection(3));
    expect(loadProfileChoice).toHaveBeenCalledTimes(1);
    expect(rendered.at(-1)?.profileKey).toBe('imported:gymnasium-musterstadt');
    expect(rendered.at(-1)?.profile?.controller?.name).toBe('Gymnasium Musterstadt');
  });

  it('a damaged role reads as student in what the overlay gets', async () => {
    await fakeBrowser.storage.local.set({ role: 42 });
    await onDetected(1, 0, 'https://meet.jit.si/Mathe7b', detection(1));
    expect(rendered.at(-1)?.role).toBe('student');
  });
});

describe("the overlay's memory, through the background", () => {
  beforeEach(() => {
    fakeBrowser.reset();
    installFakes();
    // The content script's messages reach the background's listener as a content script's.
    fakeBrowser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
      const reply = onMessage(message, { id: fakeBrowser.runtime.id, url: 'https://meet.jit.si/Mathe7b', tab: { id: 1 } as never, frameId: 0 });
      if (!reply) return undefined;
      void reply.then(sendResponse);
      return true;
    });
  });

  it('acknowledgements are per profile key and version', async () => {
    await acknowledgeNotice('bundled:gs-hallermund-springe', 2);
    expect((await loadRoomMemory('bundled:gs-hallermund-springe', 2, 'r')).acknowledged).toBe(true);
    // The same id from another source, or a newer version, asks again.
    expect((await loadRoomMemory('imported:gs-hallermund-springe', 2, 'r')).acknowledged).toBe(false);
    expect((await loadRoomMemory('policy:gs-hallermund-springe', 2, 'r')).acknowledged).toBe(false);
    expect((await loadRoomMemory('bundled:gs-hallermund-springe', 3, 'r')).acknowledged).toBe(false);
    expect((await loadRoomMemory(null, 0, 'r')).acknowledged).toBe(false);
  });

  it('ticks, "do not ask again" and the open checklist per room; changes sent at once all land, and a read sees them', async () => {
    const writes = [
      ...Array.from({ length: 10 }, (_, i) => acknowledgeNotice(`imported:schule-${i}`, 1)),
      saveTicks('room-a', { password: true }),
      saveTicks('room-b', { camera: true }),
      setGuardOff('room-a', true),
      setGuardOff('room-b', true),
      rememberChecklistOpen('room-b', true),
    ];
    // Not awaited first: the read is sent after the changes and must see them.
    const memory = loadRoomMemory('imported:schule-9', 1, 'room-a');
    await Promise.all(writes);
    expect(await memory).toEqual({ acknowledged: true, ticks: { password: true }, guardOff: true, checklistOpen: false });
    for (let i = 0; i < 10; i++) expect((await loadRoomMemory(`imported:schule-${i}`, 1, 'x')).acknowledged).toBe(true);
    await forgetTicks('room-a');
    await setGuardOff('room-a', false);
    expect(await loadRoomMemory(null, 0, 'room-a')).toEqual({ acknowledged: false, ticks: {}, guardOff: false, checklistOpen: false });
    expect(await loadRoomMemory(null, 0, 'room-b')).toEqual({ acknowledged: false, ticks: { camera: true }, guardOff: true, checklistOpen: true });
  });

  it('damaged stored memory reads as nothing remembered', async () => {
    await fakeBrowser.storage.local.set({ acknowledgements: 'x', checklist: [1], leaveGuardOff: { 'room-a': 'ja' }, panels: 7 });
    expect(await loadRoomMemory('bundled:generic-jitsi', 1, 'room-a')).toEqual({ acknowledged: false, ticks: {}, guardOff: false, checklistOpen: false });
    await acknowledgeNotice('bundled:generic-jitsi', 1);
    expect((await loadRoomMemory('bundled:generic-jitsi', 1, 'room-a')).acknowledged).toBe(true);
  });
});
