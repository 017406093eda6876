import type { Profile } from './schema';

/** Where a profile comes from: shipped with the extension, imported by a user, or set by admin policy. */
export type ProfileOrigin = 'bundled' | 'imported' | 'policy';

/** A profile named by its origin and id, as links carry it: `imported:my-school`. */
export type ProfileKey = `${ProfileOrigin}:${string}`;

export const profileKey = (origin: ProfileOrigin, id: string): ProfileKey => `${origin}:${id}`;

export interface ProfileSources {
  bundled: readonly Profile[];
  imported: readonly Profile[];
  policy: readonly Profile[];
}

export interface KeyedProfile {
  key: ProfileKey;
  origin: ProfileOrigin;
  profile: Profile;
}

/** Every profile with its key: policy first, then imported, then bundled. */
export function keyedProfiles(sources: ProfileSources): KeyedProfile[] {
  return (['policy', 'imported', 'bundled'] as const).flatMap((origin) =>
    sources[origin].map((profile) => ({ key: profileKey(origin, profile.id), origin, profile })),
  );
}

/**
 * The profile a link names. A key names exactly one profile; a bare id (older links) finds the
 * profile that applies under that id: an imported one before the bundled one it replaces.
 */
export function findProfile(sources: ProfileSources, value: string | null): KeyedProfile | null {
  if (!value) return null;
  const all = keyedProfiles(sources);
  const keyed = all.find((p) => p.key === value);
  if (keyed) return keyed;
  if (value.includes(':')) return null;
  return all.find((p) => p.origin !== 'policy' && p.profile.id === value) ?? null;
}
