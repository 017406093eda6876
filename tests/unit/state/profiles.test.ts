import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readManaged } from '../../../lib/state/managed';
import { loadProfileChoice } from '../../../lib/state/profiles';
import { chosenSchool, importedProfiles } from '../../../lib/state/storage';
import { sampleProfile } from '../profiles/sample';

describe('profiles from storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('bundled profiles, imported ones laid over them, and the chosen school', async () => {
    await importedProfiles.setValue([sampleProfile()]);
    await chosenSchool.setValue('gymnasium-musterstadt');
    const choice = await loadProfileChoice();
    expect(choice.chosenId).toBe('gymnasium-musterstadt');
    expect(choice.profiles.map((p) => p.id)).toEqual(expect.arrayContaining(['gymnasium-musterstadt', 'gs-hallermund-springe', 'generic-jitsi']));
  });

  it('skips a damaged stored profile instead of showing it', async () => {
    await importedProfiles.setValue([{ ...sampleProfile(), id: 'Kaputt!' }]);
    const choice = await loadProfileChoice();
    expect(choice.profiles.find((p) => p.id === 'Kaputt!')).toBeUndefined();
  });

  it('reads the admin policy from managed storage and ignores an invalid one', async () => {
    await fakeBrowser.storage.managed.set({ profile: JSON.stringify(sampleProfile({ id: 'policy-schule' })) });
    expect((await loadProfileChoice()).policy?.map((p) => p.id)).toEqual(['policy-schule']);
    await fakeBrowser.storage.managed.set({ profile: '{ broken' });
    expect((await loadProfileChoice()).policy).toEqual([]);
  });
});

describe('managed storage', () => {
  beforeEach(() => fakeBrowser.reset());

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
