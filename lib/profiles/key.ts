import type { Profile } from './schema';

/**
 * A profile is identified by where it comes from as well as its id: an admin's policy profile or
 * an imported one that reuses a bundled id is another profile, with its own summary page and its
 * own acknowledgement.
 */
export const PROFILE_SOURCES = ['bundled', 'imported', 'policy'] as const;
export type ProfileSource = (typeof PROFILE_SOURCES)[number];
export type ProfileKey = `${ProfileSource}:${string}`;

/** A profile's id as the format allows it (lowercase letters, digits and hyphens, 3 to 64 characters). */
export const PROFILE_ID = /^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/;

export function profileKey(source: ProfileSource, id: string): ProfileKey {
  return `${source}:${id}`;
}

/** `imported:my-school` -> its parts; null for anything else. */
export function parseProfileKey(text: string): { source: ProfileSource; id: string } | null {
  const colon = text.indexOf(':');
  const source = text.slice(0, colon) as ProfileSource;
  const id = text.slice(colon + 1);
  return colon > 0 && PROFILE_SOURCES.includes(source) && PROFILE_ID.test(id) ? { source, id } : null;
}

export function isProfileKey(text: unknown): text is ProfileKey {
  return typeof text === 'string' && parseProfileKey(text) !== null;
}

/** The profiles of each source, as the editor and the parents' letter list them. */
export interface ProfileSources {
  bundled: readonly Profile[];
  imported: readonly Profile[];
  policy: readonly Profile[];
}

export interface KeyedProfile {
  key: ProfileKey;
  source: ProfileSource;
  profile: Profile;
}

/** Every profile with its key: policy first, then imported, then bundled. */
export function keyedProfiles(sources: ProfileSources): KeyedProfile[] {
  return (['policy', 'imported', 'bundled'] as const).flatMap((source) =>
    sources[source].map((profile) => ({ key: profileKey(source, profile.id), source, profile })),
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
  return all.find((p) => p.source !== 'policy' && p.profile.id === value) ?? null;
}
