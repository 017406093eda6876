import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { emptyDraft, startRecord } from '../../../lib/editor/draft';
import { draftStored, loadDraft, loadProfileSources, storeDraft } from '../../../lib/state/editor';
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
