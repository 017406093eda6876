import { storage } from 'wxt/utils/storage';
import { latestWins, parseDraftRecord, serialiseDraftRecord, type DraftRecord } from '../editor/draft';
import { BUNDLED_PROFILES } from '../profiles/bundled';
import type { ProfileSources } from '../profiles/key';
import { validateProfile } from '../profiles/validate';
import { loadProfileChoice } from './profiles';
import { importedProfiles } from './storage';

/**
 * The profile editor's draft. Stored as written (also while it does not pass the check) and read
 * through `parseDraftRecord`, so a damaged value reads as no draft instead of breaking the page.
 */
const editorDraft = storage.defineItem<unknown>('local:editorDraft', { fallback: null });

export async function loadDraft(): Promise<DraftRecord | null> {
  return parseDraftRecord(await editorDraft.getValue());
}

const writer = latestWins<DraftRecord>((record) => editorDraft.setValue(serialiseDraftRecord(record)));

/** Stores the draft; writes follow one another and the newest always lands last. */
export const storeDraft = (record: DraftRecord): Promise<void> => writer.push(record);

/** Resolves when every draft handed to `storeDraft` is stored. */
export const draftStored = (): Promise<void> => writer.idle();

/** Every profile by where it comes from, each checked again on the way out (a damaged one is skipped). */
export async function loadProfileSources(): Promise<ProfileSources> {
  const [stored, choice] = await Promise.all([importedProfiles.getValue(), loadProfileChoice()]);
  const imported = (Array.isArray(stored) ? stored : []).flatMap((p: unknown) => {
    const result = validateProfile(p);
    return result.ok ? [result.profile] : [];
  });
  return { bundled: BUNDLED_PROFILES, imported, policy: choice.policy ? [choice.policy] : [] };
}
