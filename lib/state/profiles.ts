import { loadPolicy } from './managed';
import { chosenSchool, confirmedSites, importedProfiles } from './storage';
import { BUNDLED_PROFILES } from '../profiles/bundled';
import { mergeProfiles, type ProfileChoice } from '../profiles/match';
import type { Profile } from '../profiles/schema';
import { validateProfile } from '../profiles/validate';

/**
 * Everything profile resolution needs, read from storage. Stored profiles are validated again
 * on the way out, so a damaged entry is skipped instead of shown.
 */
export async function loadProfileChoice(): Promise<ProfileChoice> {
  const [imported, chosenId, confirmed, { policy }] = await Promise.all([
    importedProfiles.getValue(),
    chosenSchool.getValue(),
    confirmedSites.getValue(),
    loadPolicy(),
  ]);
  const valid = imported.flatMap((p) => {
    const result = validateProfile(p);
    return result.ok ? [result.profile] : [];
  });
  return {
    policy: policy.profiles,
    policyHosts: policy.hosts,
    chosenId,
    confirmed,
    profiles: mergeProfiles(BUNDLED_PROFILES, valid),
  };
}

/** The user says: this origin is my school's conference (the popup, on a page no profile names). */
export async function confirmSchoolSite(origin: string, profileId: string): Promise<void> {
  await confirmedSites.setValue({ ...(await confirmedSites.getValue()), [origin]: profileId });
}

export async function forgetSchoolSite(origin: string): Promise<void> {
  const { [origin]: _, ...rest } = await confirmedSites.getValue();
  await confirmedSites.setValue(rest);
}

/** What saving an imported profile came to (the options page tells the user). */
export type SaveOutcome = { ok: true; replacedBundled: boolean } | { ok: false; reason: 'quota' | 'failed' };

/** Stores an imported (already validated) profile in place of any imported one of the same id. */
export async function saveImportedProfile(profile: Profile): Promise<SaveOutcome> {
  try {
    const current = await importedProfiles.getValue();
    await importedProfiles.setValue([...current.filter((p) => p.id !== profile.id), profile]);
    return { ok: true, replacedBundled: BUNDLED_PROFILES.some((p) => p.id === profile.id) };
  } catch (error) {
    return { ok: false, reason: /quota/i.test(String(error)) ? 'quota' : 'failed' };
  }
}
