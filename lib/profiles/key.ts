/**
 * A profile is identified by where it comes from as well as its id: an admin's policy profile or
 * an imported one that reuses a bundled id is another profile, with its own summary page and its
 * own acknowledgement.
 */
export const PROFILE_SOURCES = ['bundled', 'imported', 'policy'] as const;
export type ProfileSource = (typeof PROFILE_SOURCES)[number];
export type ProfileKey = `${ProfileSource}:${string}`;

/** Profile ids as the format allows them (lib/profiles/schema.ts). */
const ID = /^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/;

export function profileKey(source: ProfileSource, id: string): ProfileKey {
  return `${source}:${id}`;
}

/** `imported:my-school` -> its parts; null for anything else. */
export function parseProfileKey(text: string): { source: ProfileSource; id: string } | null {
  const colon = text.indexOf(':');
  const source = text.slice(0, colon) as ProfileSource;
  const id = text.slice(colon + 1);
  return colon > 0 && PROFILE_SOURCES.includes(source) && ID.test(id) ? { source, id } : null;
}

export function isProfileKey(text: unknown): text is ProfileKey {
  return typeof text === 'string' && parseProfileKey(text) !== null;
}
