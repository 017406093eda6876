import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { findDamage, repairDamage } from '../../../lib/state/repair';
import {
  acknowledgements,
  checklistOpen,
  checklistTicks,
  chosenSchool,
  confirmedSites,
  guardOff,
  roleSetting,
  tabFrames,
  userSites,
} from '../../../lib/state/storage';
import { sampleProfile } from '../profiles/sample';

const local = () => fakeBrowser.storage.local;
const WRONG = ['x', 42, true, {}, [], [null], [{}], { a: null }];
const ORIGIN = 'https://meet.schule.de';
const FRAME = { detection: { platform: 'jitsi', phase: 'prejoin', room: 'r', moderator: 'unknown', participants: 'unknown', recording: 'unknown', protected: 'unknown' }, url: 'https://meet.jit.si/r' };

/** Each stored value: its key, its empty reading, and one valid value. */
const CASES = [
  { key: 'userSites', item: userSites, empty: [], valid: [ORIGIN] },
  { key: 'role', item: roleSetting, empty: 'student', valid: 'teacher' },
  { key: 'chosenSchool', item: chosenSchool, empty: null, valid: 'gs-hallermund-springe' },
  { key: 'confirmedSites', item: confirmedSites, empty: {}, valid: { [ORIGIN]: 'gs-hallermund-springe' } },
  { key: 'acknowledgements', item: acknowledgements, empty: {}, valid: { 'bundled:gs-hallermund-springe': 2 } },
  { key: 'checklist', item: checklistTicks, empty: {}, valid: { 'jitsi:meet.jit.si:r': { password: true } } },
  { key: 'leaveGuardOff', item: guardOff, empty: {}, valid: { 'jitsi:meet.jit.si:r': true } },
  { key: 'panels', item: checklistOpen, empty: {}, valid: { 'jitsi:meet.jit.si:r': true } },
] as const;

describe('every stored value is read through a validator', () => {
  beforeEach(() => fakeBrowser.reset());

  for (const c of CASES) {
    describe(`local:${c.key}`, () => {
      it('nothing stored reads as empty, without damage', async () => {
        expect(await c.item.read()).toEqual({ value: c.empty, damaged: [] });
      });

      it('a valid value reads as itself', async () => {
        await local().set({ [c.key]: c.valid });
        expect(await c.item.read()).toEqual({ value: c.valid, damaged: [] });
      });

      for (const wrong of WRONG) {
        const json = JSON.stringify(wrong);
        if (json === JSON.stringify(c.empty)) continue;
        it(`${json} reads as empty or the default, is reported, and repairs`, async () => {
          await local().set({ [c.key]: wrong });
          const reading = await c.item.read();
          expect(reading.value).toEqual(c.empty);
          const damage = await findDamage();
          // A list or record with no entries is empty, not damaged.
          const isRecord = (x: unknown) => typeof x === 'object' && x !== null && !Array.isArray(x);
          const emptyOfSameKind = (Array.isArray(c.empty) && Array.isArray(wrong) && wrong.length === 0) || (isRecord(c.empty) && isRecord(wrong) && Object.keys(wrong as object).length === 0);
          if (emptyOfSameKind) {
            expect(damage).toEqual([]);
            return;
          }
          expect(reading.damaged.length).toBeGreaterThan(0);
          expect(damage.map((d) => d.item)).toEqual(reading.damaged.map(() => c.key));
          await repairDamage();
          expect(await findDamage()).toEqual([]);
          expect(await c.item.read()).toEqual({ value: c.empty, damaged: [] });
        });
      }

      it('a write over a wrong-typed value works', async () => {
        await local().set({ [c.key]: 42 });
        await c.item.setValue(c.valid as never);
        expect(await c.item.read()).toEqual({ value: c.valid, damaged: [] });
      });
    });
  }

  it('userSites: damaged entries stay apart, survive writes and are removable one by one', async () => {
    await local().set({ userSites: [ORIGIN, 42, 'not a site', 'https://b.schule.de/path'] });
    const reading = await userSites.read();
    expect(reading.value).toEqual([ORIGIN]);
    expect(reading.damaged.map((d) => [d.entry, d.raw])).toEqual([
      ['1', 42],
      ['2', 'not a site'],
      ['3', 'https://b.schule.de/path'],
    ]);
    await userSites.update((sites) => [...sites, 'https://c.schule.de']);
    expect(await userSites.getValue()).toEqual([ORIGIN, 'https://c.schule.de']);
    expect((await userSites.read()).damaged).toHaveLength(3);
    const [first] = (await userSites.read()).damaged;
    await repairDamage(first);
    expect((await userSites.read()).damaged.map((d) => d.raw)).toEqual(['not a site', 'https://b.schule.de/path']);
    expect(await userSites.getValue()).toEqual([ORIGIN, 'https://c.schule.de']);
  });

  it('records keep their valid entries beside damaged ones', async () => {
    await local().set({
      acknowledgements: { 'bundled:generic-jitsi': 1, 'imported:x': 'zwei', 'gs-hallermund-springe': 1, 'bundled:generic-bbb': 0 },
      checklist: { 'bbb:a:r': { password: true }, 'bbb:b:r': { password: 'ja' }, 'bbb:c:r': null },
      leaveGuardOff: { 'bbb:a:r': true, 'bbb:b:r': 1 },
      confirmedSites: { [ORIGIN]: 'gs-hallermund-springe', 'kein origin': 'x', 'https://b.schule.de': 42 },
    });
    expect(await acknowledgements.getValue()).toEqual({ 'bundled:generic-jitsi': 1 });
    expect(await checklistTicks.getValue()).toEqual({ 'bbb:a:r': { password: true } });
    expect(await guardOff.getValue()).toEqual({ 'bbb:a:r': true });
    expect(await confirmedSites.getValue()).toEqual({ [ORIGIN]: 'gs-hallermund-springe' });
    expect((await findDamage()).map((d) => `${d.item}/${d.entry}`).sort()).toEqual(
      [
        'acknowledgements/imported:x',
        'acknowledgements/gs-hallermund-springe',
        'acknowledgements/bundled:generic-bbb',
        'checklist/bbb:b:r',
        'checklist/bbb:c:r',
        'leaveGuardOff/bbb:b:r',
        'confirmedSites/kein origin',
        'confirmedSites/https://b.schule.de',
      ].sort(),
    );
    await guardOff.update((rooms) => ({ ...rooms, 'bbb:d:r': true }));
    expect((await local().get('leaveGuardOff')).leaveGuardOff).toEqual({ 'bbb:a:r': true, 'bbb:b:r': 1, 'bbb:d:r': true });
    await repairDamage();
    expect(await findDamage()).toEqual([]);
    expect(await acknowledgements.getValue()).toEqual({ 'bundled:generic-jitsi': 1 });
    expect(await guardOff.getValue()).toEqual({ 'bbb:a:r': true, 'bbb:d:r': true });
  });

  it('a bad role reads as "student" (never as the stored text)', async () => {
    for (const wrong of [42, 'admin', '<b>teacher</b>', ['teacher'], null]) {
      await local().set({ role: wrong });
      expect(await roleSetting.getValue()).toBe('student');
    }
  });

  it('session: what a tab reported is read through a validator; damaged frames are passed over', async () => {
    await fakeBrowser.storage.session.set({ 'tab:7': { 0: FRAME, 1: { detection: { platform: 'zoom' }, url: 1 }, x: FRAME } });
    expect(await tabFrames(7).getValue()).toEqual({ 0: FRAME });
    for (const wrong of WRONG) {
      await fakeBrowser.storage.session.set({ 'tab:7': wrong });
      expect(await tabFrames(7).getValue()).toEqual({});
    }
  });

  it('concurrent read-modify-writes all land', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => acknowledgements.update((acks) => ({ ...acks, [`imported:schule-${i}`]: i + 1 }))));
    expect(Object.keys(await acknowledgements.getValue())).toHaveLength(20);
  });

  it('a value watched is read through the validator too', async () => {
    const seen = vi.fn();
    const stop = roleSetting.watch(seen);
    await local().set({ role: 42 });
    await local().set({ role: 'parent' });
    stop();
    expect(seen.mock.calls).toEqual([['student'], ['parent']]);
  });
});

describe('migrations (WXT storage versions)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.resetModules();
  });

  /** A fresh copy of the storage module over a fake browser that holds `data` (an older layout). */
  async function loadWith(data: Record<string, unknown>) {
    const { fakeBrowser: fresh } = await import('wxt/testing/fake-browser');
    fresh.reset();
    await fresh.storage.local.set(data);
    const storage = await import('../../../lib/state/storage');
    const profiles = await import('../../../lib/state/profiles');
    return { fresh, storage, profiles };
  }

  it('version 1 profiles (one array) move to one key each; damaged entries stay listed', async () => {
    const a = sampleProfile({ id: 'schule-a' });
    const b = sampleProfile({ id: 'schule-b' });
    const { fresh, storage, profiles } = await loadWith({ profiles: [a, { id: 'kaputt' }, b] });
    const reading = await storage.profileIndex.read();
    expect(reading.value.map((p) => p.id)).toEqual(['schule-a', 'schule-b']);
    expect(reading.damaged.map((d) => d.raw)).toEqual([{ id: 'kaputt' }]);
    const all = (await fresh.storage.local.get(null)) as Record<string, unknown>;
    expect(all['profile:schule-a']).toEqual(a);
    expect(all['profile:schule-b']).toEqual(b);
    expect(all.profiles$).toEqual({ v: 2 });
    expect((await profiles.loadProfile('imported:schule-b'))?.id).toBe('schule-b');
  });

  it('a version 1 profiles value of the wrong type stays for the repair and reads as empty', async () => {
    const { storage, profiles } = await loadWith({ profiles: 'x' });
    expect(await storage.profileIndex.getValue()).toEqual([]);
    expect((await profiles.loadProfileChoice()).importedIds?.size).toBe(0);
    expect((await profiles.loadImportedProfiles()).damaged).toEqual([{ item: 'profiles', raw: 'x' }]);
  });

  it('acknowledgements keyed by id move to the key of the profile shown under that id', async () => {
    const { storage } = await loadWith({
      profiles: [sampleProfile({ id: 'gs-hallermund-springe' })],
      acknowledgements: { 'gs-hallermund-springe': 2, 'generic-jitsi': 1, 'admin-schule': 3, 'bundled:generic-bbb': 1 },
    });
    expect(await storage.acknowledgements.getValue()).toEqual({
      'imported:gs-hallermund-springe': 2,
      'bundled:generic-jitsi': 1,
      'policy:admin-schule': 3,
      'bundled:generic-bbb': 1,
    });
  });
});
