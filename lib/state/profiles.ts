import { browser } from 'wxt/browser';
import type { Platform } from '../detect';
import { BUNDLED_PROFILES } from '../profiles/bundled';
import { cardOf, type ProfileCard } from '../profiles/card';
import { parseProfileKey, profileKey, type ProfileKey } from '../profiles/key';
import { mergeProfiles, resolveProfile, type Match, type ProfileChoice } from '../profiles/match';
import type { Profile } from '../profiles/schema';
import { validateProfile } from '../profiles/validate';
import { serialised } from './lock';
import { loadPolicy } from './managed';
import type { Damage } from './store';
import { chosenSchool, confirmedSites, indexShape, isProfileStorageKey, isWhole, profileBodyKey, profileIndex, type IndexEntry } from './storage';

export type SaveOutcome = { ok: true; replacedBundled: boolean } | { ok: false; reason: 'quota' | 'failed' };

const cardsOf = (entries: readonly IndexEntry[]): ProfileCard[] => {
  const seen = new Set<string>();
  return entries.filter((e) => !seen.has(e.id) && seen.add(e.id)).map((e) => (isWhole(e) ? cardOf(e) : e));
};

/**
 * Everything profile resolution needs: bundled profiles and the cards of imported ones (their
 * whole text is read only for the profile that applies, see `loadProfile`), the chosen school,
 * confirmed sites, and the admin's policy profiles and hosts.
 */
export async function loadProfileChoice(): Promise<ProfileChoice> {
  const [entries, chosenId, confirmed, { policy }] = await Promise.all([profileIndex.getValue(), chosenSchool.getValue(), confirmedSites.getValue(), loadPolicy()]);
  const imported = cardsOf(entries);
  return {
    policy: policy.profiles,
    policyHosts: policy.hosts,
    chosenId,
    confirmed,
    profiles: mergeProfiles<ProfileCard>(BUNDLED_PROFILES, imported),
    importedIds: new Set(imported.map((p) => p.id)),
  };
}

/** A stored profile text, validated, if it is the profile of that id (else null: missing or damaged). */
function bodyOf(stored: unknown, id: string): Profile | null {
  const result = stored === undefined ? null : validateProfile(stored);
  return result?.ok && result.profile.id === id ? result.profile : null;
}

/** One imported profile's whole text, validated (null: not stored, or damaged). */
async function readImported(id: string): Promise<Profile | null> {
  const entry = (await profileIndex.getValue()).find((e) => e.id === id);
  if (!entry) return null;
  if (isWhole(entry)) return entry;
  const key = profileBodyKey(id);
  return bodyOf(((await browser.storage.local.get(key)) as Record<string, unknown>)[key], id);
}

/** The whole profile a key names (null where there is none, or it cannot be read). */
export async function loadProfile(key: ProfileKey | string): Promise<Profile | null> {
  const parsed = parseProfileKey(key);
  if (!parsed) return null;
  if (parsed.source === 'bundled') return BUNDLED_PROFILES.find((p) => p.id === parsed.id) ?? null;
  if (parsed.source === 'policy') return (await loadPolicy()).policy.profiles.find((p) => p.id === parsed.id) ?? null;
  return readImported(parsed.id);
}

/** The profile an old link names by id alone: the one shown under that id (policy, imported, bundled). */
export async function keyForId(id: string): Promise<ProfileKey | null> {
  const c = await loadProfileChoice();
  if (c.policy?.some((p) => p.id === id)) return profileKey('policy', id);
  if (c.importedIds?.has(id)) return profileKey('imported', id);
  return BUNDLED_PROFILES.some((p) => p.id === id) ? profileKey('bundled', id) : null;
}

/**
 * Which profile applies to a conference page, read whole. An imported profile whose text cannot
 * be read is passed over, as if it were not there.
 */
export async function resolveAndLoad(
  url: URL,
  platform: Platform,
  choice: ProfileChoice,
  load: (key: ProfileKey) => Promise<Profile | null> = loadProfile,
): Promise<(Match & { profile: Profile }) | null> {
  let current = choice;
  for (let tries = 0; tries < 50; tries++) {
    const match = resolveProfile(url, platform, current);
    if (!match) return null;
    const profile = match.reason === 'policy' || isWhole(match.profile) ? (match.profile as Profile) : await load(match.key);
    if (profile) return { ...match, profile };
    current = { ...current, profiles: current.profiles.filter((p) => p !== match.profile) };
  }
  return null;
}

/** Every imported profile, whole (the options page), and those that cannot be read. */
export async function loadImportedProfiles(): Promise<{ profiles: Profile[]; damaged: Damage[] }> {
  const reading = await profileIndex.read();
  const cards = cardsOf(reading.value);
  const wanted = cards.map((c) => profileBodyKey(c.id));
  const stored = wanted.length ? ((await browser.storage.local.get(wanted)) as Record<string, unknown>) : {};
  const profiles: Profile[] = [];
  const damaged: Damage[] = [...reading.damaged];
  for (const [i, card] of cards.entries()) {
    const entry = reading.value.find((e) => e.id === card.id)!;
    if (isWhole(entry)) {
      profiles.push(entry);
      continue;
    }
    const raw = stored[wanted[i]!];
    const profile = bodyOf(raw, card.id);
    if (profile) profiles.push(profile);
    else damaged.push({ item: profileIndex.name, entry: wanted[i]!, raw: raw ?? card });
  }
  return { profiles, damaged };
}

function isQuotaError(error: unknown): boolean {
  return /quota/i.test(error instanceof Error ? error.message : String(error));
}

/** Imported profiles stored under their own keys (to rebuild an index that is no list at all). */
async function storedBodies(): Promise<Profile[]> {
  const all = (await browser.storage.local.get(null)) as Record<string, unknown>;
  const found: Profile[] = [];
  for (const [key, value] of Object.entries(all)) {
    const profile = key.startsWith('profile:') ? bodyOf(value, key.slice('profile:'.length)) : null;
    if (profile) found.push(profile);
  }
  return found;
}

/**
 * The index as stored and its readable entries. An index that is no list at all is rebuilt from
 * the profile texts stored under their own keys, so a write never hides a valid profile.
 */
async function indexForWrite(): Promise<{ raw: unknown; entries: IndexEntry[] }> {
  const raw = ((await browser.storage.local.get('profiles')) as Record<string, unknown>).profiles;
  if (raw !== undefined && raw !== null && !Array.isArray(raw)) return { raw: [], entries: (await storedBodies()).map(cardOf) };
  return { raw, entries: indexShape.read(raw, profileIndex.name).value };
}

/**
 * Writes the index (damaged entries kept apart) and profile texts in one storage call; whole
 * profiles still kept in the index (the layout before version 2) move to their own keys.
 */
async function writeIndex(raw: unknown, entries: readonly IndexEntry[], bodies: Record<string, Profile>): Promise<void> {
  const all: Record<string, unknown> = { ...bodies };
  for (const entry of entries) if (isWhole(entry)) all[profileBodyKey(entry.id)] ??= entry;
  await browser.storage.local.set({ ...all, profiles: indexShape.write(cardsOf(entries), raw), profiles$: { v: 2 } });
}

/**
 * Stores an imported profile under its own key and lists it in the index (one storage call, so
 * a full quota changes nothing). Writes are serialised: two imports at the same moment both land.
 */
export async function saveImportedProfile(profile: Profile): Promise<SaveOutcome> {
  const checked = validateProfile(profile);
  if (!checked.ok) return { ok: false, reason: 'failed' };
  const valid = checked.profile;
  try {
    await serialised(profileIndex.key, async () => {
      const { raw, entries } = await indexForWrite();
      const others = entries.filter((e) => e.id !== valid.id);
      await writeIndex(raw, [...others, cardOf(valid)], { [profileBodyKey(valid.id)]: valid });
    });
    return { ok: true, replacedBundled: BUNDLED_PROFILES.some((p) => p.id === valid.id) };
  } catch (error) {
    return { ok: false, reason: isQuotaError(error) ? 'quota' : 'failed' };
  }
}

/** Removes an imported profile: its entry, then its text. */
export async function removeImportedProfile(id: string): Promise<void> {
  await serialised(profileIndex.key, async () => {
    const { raw, entries } = await indexForWrite();
    await writeIndex(raw, entries.filter((e) => e.id !== id), {});
    await browser.storage.local.remove(profileBodyKey(id));
  });
}

/** Ids of listed profiles whose text is missing or cannot be read. */
async function unreadableBodies(entries: readonly IndexEntry[]): Promise<string[]> {
  const listed = entries.filter((e) => !isWhole(e)).map((e) => e.id);
  if (!listed.length) return [];
  const stored = (await browser.storage.local.get(listed.map(profileBodyKey))) as Record<string, unknown>;
  return listed.filter((id) => !bodyOf(stored[profileBodyKey(id)], id));
}

/**
 * Repairs what the options page could not read among imported profiles: a damaged entry goes
 * (with its text); an index that is no list at all is built again from the profile texts stored
 * under their own keys, so nothing valid is lost.
 */
export async function repairImportedProfiles(entry?: string): Promise<void> {
  if (entry?.startsWith('profile:')) return removeImportedProfile(entry.slice('profile:'.length));
  await serialised(profileIndex.key, async () => {
    const { raw, entries } = await indexForWrite();
    if (entry === undefined) {
      // Every damaged part goes: unreadable entries, and entries whose profile text cannot be read.
      const unreadable = await unreadableBodies(entries);
      await writeIndex(indexShape.drop(raw), entries.filter((e) => !unreadable.includes(e.id)), {});
      if (unreadable.length) await browser.storage.local.remove(unreadable.map(profileBodyKey));
    } else {
      await writeIndex(indexShape.drop(raw, entry), entries, {});
    }
  });
}

/** The user says: this origin is my school's conference (the popup, on a page no profile names). */
export async function confirmSchoolSite(origin: string, profileId: string): Promise<void> {
  await confirmedSites.update((sites) => ({ ...sites, [origin]: profileId }));
}

export async function forgetSchoolSite(origin: string): Promise<void> {
  await confirmedSites.update(({ [origin]: _, ...rest }) => rest);
}

/** Calls back whenever imported profiles change (in any page or the background). */
export function watchImportedProfiles(callback: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && Object.keys(changes).some(isProfileStorageKey)) callback();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
