import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { emptyDraft, startRecord } from '../../../lib/editor/draft';
import { draftStored, loadDraft, loadProfileSources, storeDraft } from '../../../lib/state/editor';
import { saveImportedProfile } from '../../../lib/state/profiles';
import { importedProfiles } from '../../../lib/state/storage';
import { sampleProfile } from '../profiles/sample';

describe('the editor draft in storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is none at first, then the last one stored', async () => {
    expect(await loadDraft()).toBeNull();
    const first = startRecord({ ...emptyDraft(), id: 'a' }, 'empty');
    const last = startRecord({ ...emptyDraft(), id: 'Kaputt!', dpo: { email: 'x' } }, 'bundled:generic-jitsi', { document: 'Hinweise', url: '' });
    void storeDraft(first);
    void storeDraft(startRecord({ ...emptyDraft(), id: 'b' }, 'empty'));
    void storeDraft(last);
    await draftStored();
    expect(await loadDraft()).toEqual(last);
  });

  it('reads a damaged stored value as no draft, and keeps a damaged side field from losing the draft', async () => {
    for (const bad of ['x', 42, [], { draft: 'nope' }]) {
      await fakeBrowser.storage.local.set({ editorDraft: bad });
      expect(await loadDraft()).toBeNull();
    }
    await fakeBrowser.storage.local.set({ editorDraft: { draft: { id: 'x' }, origin: 42 } });
    expect((await loadDraft())?.draft).toEqual({ id: 'x' });
  });
});

describe('saving an imported profile', () => {
  beforeEach(() => fakeBrowser.reset());

  it('stores it, replacing one with the same id, and says when it takes a bundled profile\'s place', async () => {
    await importedProfiles.setValue([sampleProfile({ version: 1 }), sampleProfile({ id: 'andere-schule' })]);
    expect(await saveImportedProfile(sampleProfile({ version: 3 }))).toEqual({ ok: true, replacedBundled: false });
    const stored = await importedProfiles.getValue();
    expect(stored.map((p) => `${p.id}@${p.version}`)).toEqual(['andere-schule@2', 'gymnasium-musterstadt@3']);
    expect(await saveImportedProfile(sampleProfile({ id: 'generic-jitsi' }))).toEqual({ ok: true, replacedBundled: true });
  });

  it('a damaged stored list does not stop a save', async () => {
    await fakeBrowser.storage.local.set({ profiles: 'x' });
    expect((await saveImportedProfile(sampleProfile())).ok).toBe(true);
    expect((await importedProfiles.getValue()).map((p) => p.id)).toEqual(['gymnasium-musterstadt']);
  });

  it('reports a full storage as such', async () => {
    const set = fakeBrowser.storage.local.set;
    fakeBrowser.storage.local.set = () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
    try {
      expect(await saveImportedProfile(sampleProfile())).toEqual({ ok: false, reason: 'quota' });
    } finally {
      fakeBrowser.storage.local.set = set;
    }
  });
});

describe('profiles by where they come from', () => {
  beforeEach(() => fakeBrowser.reset());

  it('bundled, imported (checked again, damaged ones skipped) and the policy profile', async () => {
    await fakeBrowser.storage.local.set({ profiles: [sampleProfile(), { ...sampleProfile(), id: 'Kaputt!' }] });
    await fakeBrowser.storage.managed.set({ profile: JSON.stringify(sampleProfile({ id: 'policy-schule' })) });
    const sources = await loadProfileSources();
    expect(sources.imported.map((p) => p.id)).toEqual(['gymnasium-musterstadt']);
    expect(sources.policy.map((p) => p.id)).toEqual(['policy-schule']);
    expect(sources.bundled.length).toBeGreaterThan(4);
  });
});
