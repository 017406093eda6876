import { storage } from 'wxt/utils/storage';
import { latestWins, parseDraftRecord, serialiseDraftRecord, type DraftRecord } from '../editor/draft';
import { BUNDLED_PROFILES } from '../profiles/bundled';
import type { ProfileSources } from '../profiles/key';
import { loadPolicy } from './managed';
import { loadImportedProfiles } from './profiles';

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

/** Every profile by where it comes from (a damaged imported one is skipped). */
export async function loadProfileSources(): Promise<ProfileSources> {
  const [{ profiles: imported }, { policy }] = await Promise.all([loadImportedProfiles(), loadPolicy()]);
  return { bundled: BUNDLED_PROFILES, imported, policy: policy.profiles };
}
