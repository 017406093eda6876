import { readManaged } from './managed';
import { chosenSchool, confirmedSites, importedProfiles } from './storage';
import { BUNDLED_PROFILES } from '../profiles/bundled';
import { mergeProfiles, type ProfileChoice } from '../profiles/match';
import type { Profile } from '../profiles/schema';
import { parseProfile, validateProfile } from '../profiles/validate';

/** The admin's profile, as JSON text in the policy; outside a managed browser there is none. */
async function readPolicy(): Promise<string | null> {
  const { profile } = await readManaged();
  return typeof profile === 'string' ? profile : null;
}

/**
 * Everything profile resolution needs, read from storage. Stored profiles are validated again
 * on the way out, so a damaged entry is skipped instead of shown.
 */
export async function loadProfileChoice(): Promise<ProfileChoice> {
  const [imported, chosenId, confirmed, policyText] = await Promise.all([
    importedProfiles.getValue(),
    chosenSchool.getValue(),
    confirmedSites.getValue(),
    readPolicy(),
  ]);
  const valid = imported.flatMap((p) => {
    const result = validateProfile(p);
    return result.ok ? [result.profile] : [];
  });
  const policy = policyText ? parseProfile(policyText) : null;
  return {
    policy: policy?.ok ? policy.profile : null,
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

export type SaveOutcome = { ok: true; replacedBundled: boolean } | { ok: false; reason: 'quota' | 'failed' };

/** Stores a valid profile as imported; one with the same id is replaced. */
export async function saveImportedProfile(profile: Profile): Promise<SaveOutcome> {
  try {
    const current = await importedProfiles.getValue();
    const kept = Array.isArray(current) ? current.filter((p) => p?.id !== profile.id) : [];
    await importedProfiles.setValue([...kept, profile]);
    return { ok: true, replacedBundled: BUNDLED_PROFILES.some((p) => p.id === profile.id) };
  } catch (error) {
    return { ok: false, reason: /quota/i.test(String(error)) ? 'quota' : 'failed' };
  }
}
