import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BUNDLED_PROFILES } from '../../../lib/profiles/bundled';
import { readManaged } from '../../../lib/state/managed';
import {
  keyForId,
  loadImportedProfiles,
  loadProfile,
  loadProfileChoice,
  removeImportedProfile,
  repairImportedProfiles,
  resolveAndLoad,
  saveImportedProfile,
} from '../../../lib/state/profiles';
import { chosenSchool, profileIndex } from '../../../lib/state/storage';
import { sampleProfile } from '../profiles/sample';

const local = () => fakeBrowser.storage.local;
const stored = async () => (await local().get(null)) as Record<string, unknown>;
const HALLERMUND = BUNDLED_PROFILES.find((p) => p.id === 'gs-hallermund-springe')!;

describe('imported profiles: one key per profile and a small index', () => {
  beforeEach(() => fakeBrowser.reset());

  it('bundled profiles, imported ones laid over them, and the chosen school', async () => {
    expect(await saveImportedProfile(sampleProfile())).toEqual({ ok: true, replacedBundled: false });
    await chosenSchool.setValue('gymnasium-musterstadt');
    const choice = await loadProfileChoice();
    expect(choice.chosenId).toBe('gymnasium-musterstadt');
    expect(choice.profiles.map((p) => p.id)).toEqual(expect.arrayContaining(['gymnasium-musterstadt', 'gs-hallermund-springe', 'generic-jitsi']));
    expect([...(choice.importedIds ?? [])]).toEqual(['gymnasium-musterstadt']);
    const all = await stored();
    expect(all['profile:gymnasium-musterstadt']).toEqual(sampleProfile());
    expect(all.profiles).toEqual([expect.objectContaining({ id: 'gymnasium-musterstadt', version: 2 })]);
    expect(all.profiles).not.toEqual([expect.objectContaining({ controller: expect.anything() })]);
  });

  it('an import writes its own profile and the index, not the other profiles', async () => {
    await saveImportedProfile(sampleProfile({ id: 'schule-a' }));
    const set = vi.spyOn(local(), 'set');
    await saveImportedProfile(sampleProfile({ id: 'schule-b' }));
    expect(set).toHaveBeenCalledTimes(1);
    expect(Object.keys(set.mock.calls[0]![0] as object).sort()).toEqual(['profile:schule-b', 'profiles', 'profiles$']);
    set.mockRestore();
  });

  it('start-up reads the cards only: no profile text is read or validated', async () => {
    for (let i = 0; i < 40; i++) await saveImportedProfile(sampleProfile({ id: `schule-${i}` }));
    const get = vi.spyOn(local(), 'get');
    const choice = await loadProfileChoice();
    const keys = get.mock.calls.flatMap(([k]) => (k === null || k === undefined ? ['(all)'] : typeof k === 'string' ? [k] : Array.isArray(k) ? k : Object.keys(k)));
    expect(keys.filter((k) => k.startsWith('profile:') || k === '(all)')).toEqual([]);
    expect(choice.profiles.filter((p) => p.id.startsWith('schule-'))).toHaveLength(40);
    get.mockRestore();
  });

  it('replacing a profile of the same id keeps one entry; removing deletes entry and text', async () => {
    await saveImportedProfile(sampleProfile());
    await saveImportedProfile(sampleProfile({ version: 3 }));
    expect((await profileIndex.getValue()).map((p) => [p.id, p.version])).toEqual([['gymnasium-musterstadt', 3]]);
    await removeImportedProfile('gymnasium-musterstadt');
    expect(await stored()).not.toHaveProperty('profile:gymnasium-musterstadt');
    expect(await profileIndex.getValue()).toEqual([]);
  });

  it('two imports at the same moment both land (and ten)', async () => {
    const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) => saveImportedProfile(sampleProfile({ id: `schule-${i}` }))));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect((await profileIndex.getValue()).map((p) => p.id).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `schule-${i}`).sort());
    const { profiles, damaged } = await loadImportedProfiles();
    expect(profiles).toHaveLength(10);
    expect(damaged).toEqual([]);
  });

  it('a full storage says "quota" and changes nothing', async () => {
    await saveImportedProfile(sampleProfile({ id: 'schule-a' }));
    const before = await stored();
    const set = vi.spyOn(local(), 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    expect(await saveImportedProfile(sampleProfile({ id: 'schule-b' }))).toEqual({ ok: false, reason: 'quota' });
    set.mockRejectedValue(new Error('IO error'));
    expect(await saveImportedProfile(sampleProfile({ id: 'schule-b' }))).toEqual({ ok: false, reason: 'failed' });
    set.mockRestore();
    expect(await stored()).toEqual(before);
  });

  it('an invalid profile is not saved', async () => {
    expect(await saveImportedProfile({ ...sampleProfile(), id: 'Kaputt!' })).toEqual({ ok: false, reason: 'failed' });
    expect(await stored()).toEqual({});
  });

  it('says when an import replaces a bundled profile', async () => {
    expect(await saveImportedProfile({ ...HALLERMUND, institution: { ...HALLERMUND.institution, name: 'Kopie' } })).toEqual({ ok: true, replacedBundled: true });
  });
});

describe('profile identity by source', () => {
  beforeEach(() => fakeBrowser.reset());

  it('an imported or policy profile that reuses a bundled id is a profile of its own', async () => {
    const copy = { ...HALLERMUND, institution: { ...HALLERMUND.institution, name: 'Importierte Kopie' } };
    await saveImportedProfile(copy);
    await fakeBrowser.storage.managed.set({ profile: JSON.stringify({ ...HALLERMUND, institution: { ...HALLERMUND.institution, name: 'Vom Admin' } }) });
    expect((await loadProfile('bundled:gs-hallermund-springe'))?.institution.name).toBe(HALLERMUND.institution.name);
    expect((await loadProfile('imported:gs-hallermund-springe'))?.institution.name).toBe('Importierte Kopie');
    expect((await loadProfile('policy:gs-hallermund-springe'))?.institution.name).toBe('Vom Admin');
    expect(await loadProfile('imported:gibt-es-nicht')).toBeNull();
    expect(await loadProfile('nonsense')).toBeNull();
  });

  it('resolution names the key of the profile that applies', async () => {
    await saveImportedProfile(sampleProfile());
    const match = await resolveAndLoad(new URL('https://meet.gymnasium-musterstadt.de/x'), 'jitsi', await loadProfileChoice());
    expect(match?.key).toBe('imported:gymnasium-musterstadt');
    expect(match?.profile.controller?.name).toBe('Gymnasium Musterstadt');
    const generic = await resolveAndLoad(new URL('https://meet.jit.si/x'), 'jitsi', await loadProfileChoice());
    expect(generic?.key).toBe('bundled:generic-jitsi');
  });

  it('an old link by id names the profile shown under it', async () => {
    expect(await keyForId('gs-hallermund-springe')).toBe('bundled:gs-hallermund-springe');
    await saveImportedProfile(HALLERMUND);
    expect(await keyForId('gs-hallermund-springe')).toBe('imported:gs-hallermund-springe');
    expect(await keyForId('unbekannt')).toBeNull();
  });
});

describe('damaged imported profiles', () => {
  beforeEach(() => fakeBrowser.reset());

  for (const raw of ['x', 42, {}, true, [null], [{}], [42, 'x']]) {
    it(`profiles = ${JSON.stringify(raw)}: the bundled profiles still work and the damage is reported`, async () => {
      await local().set({ profiles: raw, profiles$: { v: 2 } });
      const choice = await loadProfileChoice();
      expect(choice.profiles.map((p) => p.id)).toEqual(expect.arrayContaining(BUNDLED_PROFILES.map((p) => p.id)));
      expect((await resolveAndLoad(new URL('https://meet.jit.si/x'), 'jitsi', choice))?.key).toBe('bundled:generic-jitsi');
      const { damaged } = await loadImportedProfiles();
      expect(damaged.length).toBeGreaterThan(0);
      expect(damaged.every((d) => d.item === 'profiles')).toBe(true);
      // An import still works, and the damage stays apart until repaired.
      expect((await saveImportedProfile(sampleProfile())).ok).toBe(true);
      expect((await loadImportedProfiles()).profiles.map((p) => p.id)).toEqual(['gymnasium-musterstadt']);
      await repairImportedProfiles();
      expect((await loadImportedProfiles()).damaged).toEqual([]);
      expect((await loadImportedProfiles()).profiles.map((p) => p.id)).toEqual(['gymnasium-musterstadt']);
    });
  }

  it('a list entry that is damaged is kept apart; the valid ones stay', async () => {
    await saveImportedProfile(sampleProfile({ id: 'schule-a' }));
    const { profiles } = (await stored()) as { profiles: unknown[] };
    await local().set({ profiles: [...profiles, { id: 'kaputt' }, null] });
    const reading = await profileIndex.read();
    expect(reading.value.map((p) => p.id)).toEqual(['schule-a']);
    expect(reading.damaged.map((d) => d.entry)).toEqual(['1', '2']);
    await saveImportedProfile(sampleProfile({ id: 'schule-b' }));
    // The new card joins the valid ones; the damaged entries follow them.
    expect((await profileIndex.read()).damaged.map((d) => d.entry)).toEqual(['2', '3']);
    // An entry that is not damaged (any more) is never removed by a repair.
    await repairImportedProfiles('1');
    expect((await profileIndex.getValue()).map((p) => p.id)).toEqual(['schule-a', 'schule-b']);
    await repairImportedProfiles('2');
    expect((await profileIndex.read()).damaged.map((d) => d.raw)).toEqual([null]);
    expect((await profileIndex.getValue()).map((p) => p.id)).toEqual(['schule-a', 'schule-b']);
  });

  it('an index that is no list is rebuilt from the stored profiles: nothing valid is lost', async () => {
    await saveImportedProfile(sampleProfile({ id: 'schule-a' }));
    await saveImportedProfile(sampleProfile({ id: 'schule-b' }));
    await local().set({ profiles: 'x' });
    expect((await loadProfileChoice()).importedIds?.size).toBe(0);
    await repairImportedProfiles();
    expect((await profileIndex.getValue()).map((p) => p.id).sort()).toEqual(['schule-a', 'schule-b']);
  });

  it('a profile text that cannot be read is reported and passed over', async () => {
    await saveImportedProfile(sampleProfile());
    await local().set({ 'profile:gymnasium-musterstadt': { format: 1, id: 'gymnasium-musterstadt' } });
    const { profiles, damaged } = await loadImportedProfiles();
    expect(profiles).toEqual([]);
    expect(damaged).toEqual([expect.objectContaining({ item: 'profiles', entry: 'profile:gymnasium-musterstadt' })]);
    // The conference falls back to the generic profile of its platform.
    const match = await resolveAndLoad(new URL('https://meet.gymnasium-musterstadt.de/x'), 'jitsi', await loadProfileChoice());
    expect(match?.key).toBe('bundled:generic-jitsi');
    await repairImportedProfiles('profile:gymnasium-musterstadt');
    expect(await stored()).not.toHaveProperty('profile:gymnasium-musterstadt');
    expect((await loadImportedProfiles()).damaged).toEqual([]);
  });

  it('"repair" without an entry also drops profiles whose text cannot be read, and keeps the others', async () => {
    await saveImportedProfile(sampleProfile({ id: 'schule-a' }));
    await saveImportedProfile(sampleProfile({ id: 'schule-b' }));
    await local().set({ 'profile:schule-a': 42 });
    await local().remove('profile:schule-b');
    await saveImportedProfile(sampleProfile({ id: 'schule-c' }));
    expect((await loadImportedProfiles()).damaged.map((d) => d.entry)).toEqual(['profile:schule-a', 'profile:schule-b']);
    await repairImportedProfiles();
    expect(await loadImportedProfiles()).toEqual({ profiles: [expect.objectContaining({ id: 'schule-c' })], damaged: [] });
    expect(await stored()).not.toHaveProperty('profile:schule-a');
  });
});

describe('the admin policy', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads the admin policy from managed storage and ignores an invalid one', async () => {
    await fakeBrowser.storage.managed.set({ profile: JSON.stringify(sampleProfile({ id: 'policy-schule' })) });
    expect((await loadProfileChoice()).policy?.map((p) => p.id)).toEqual(['policy-schule']);
    await fakeBrowser.storage.managed.set({ profile: '{ broken' });
    expect((await loadProfileChoice()).policy).toEqual([]);
  });

  it('a browser that rejects where no policy exists (Firefox) reads as no policy', async () => {
    const get = fakeBrowser.storage.managed.get;
    fakeBrowser.storage.managed.get = () => Promise.reject(new Error('Managed storage manifest not found'));
    try {
      expect(await readManaged()).toEqual({});
      expect((await loadProfileChoice()).policy).toEqual([]);
    } finally {
      fakeBrowser.storage.managed.get = get;
    }
  });
});
