import type { Platform } from '../detect';
import { policyHostFor, type PolicyHost } from '../policy';
import type { ProfileCard } from './card';
import { profileKey, type ProfileKey } from './key';
import type { Profile } from './schema';

export type MatchReason = 'policy' | 'confirmed' | 'chosen' | 'host' | 'generic';

/**
 * Everything profile resolution needs. `profiles` are whole profiles or their cards (lib/state
 * lists imported profiles by card and reads a whole one only when it applies).
 */
export interface ProfileChoice<P extends ProfileCard = ProfileCard> {
  /** Profiles an admin set by browser policy (`policy:<id>`), in the policy's order. */
  policy?: readonly Profile[];
  /** Conference hosts the policy names, some with their platform. */
  policyHosts?: readonly PolicyHost[];
  /** The school a user picked in the popup. */
  chosenId?: string | null;
  /** Origins the user confirmed as their school's conference: origin -> profile id. */
  confirmed?: Readonly<Record<string, string>>;
  /** Bundled and imported profiles (an imported one replaces a bundled one of the same id). */
  profiles: readonly P[];
  /** Which of `profiles` were imported; the others are bundled. */
  importedIds?: ReadonlySet<string>;
}

export interface Match<P extends ProfileCard = ProfileCard> {
  profile: P | Profile;
  /** Where the profile comes from, and its id. */
  key: ProfileKey;
  reason: MatchReason;
  /** The school the user chose, where its facts do not apply here (it names neither this host nor an origin confirmed for it). */
  chosenElsewhere?: P;
}

/** The key of one of `choice.profiles` (imported or bundled), or of its policy profile. */
export function keyOf(choice: Pick<ProfileChoice, 'policy' | 'importedIds'>, profile: ProfileCard): ProfileKey {
  if (choice.policy?.some((p) => p === profile)) return profileKey('policy', profile.id);
  return profileKey(choice.importedIds?.has(profile.id) ? 'imported' : 'bundled', profile.id);
}

/** "meet.schule.de" matches itself; "*.schule.de" matches every subdomain of schule.de. */
export function hostMatches(pattern: string, host: string): boolean {
  const h = host.toLowerCase();
  if (pattern.startsWith('*.')) return h.endsWith(pattern.slice(1));
  return h === pattern;
}

function namesHost(profile: ProfileCard, host: string): boolean {
  return profile.deployments.some((d) => d.hosts?.some((pattern) => hostMatches(pattern, host)));
}

export function runsOn(profile: ProfileCard, platform: Platform): boolean {
  return profile.deployments.some((d) => d.platform === platform);
}

/** The admin's profile speaks for a page when it names its host or runs the platform found there. */
function covers(profile: Profile, host: string, platform: Platform): boolean {
  return namesHost(profile, host) || runsOn(profile, platform);
}

/**
 * Which profile applies to a conference page, in this order: the admin's policy (a policy profile
 * that names the host, then one that runs the platform); a school whose conference the user
 * confirmed this origin to be; the chosen school where it names the host; an institution that
 * names the host; the generic profile of the platform. A school's facts apply only where that
 * school's conferences are known to run, so a parent's chosen school is never shown for somebody
 * else's meeting on a public server. On a policy host with a platform named, that platform
 * decides which profiles apply; elsewhere the detected one does.
 */
export function resolveProfile<P extends ProfileCard>(url: URL, detected: Platform, choice: ProfileChoice<P>): Match<P> | null {
  const host = url.hostname;
  const platform = (choice.policyHosts && policyHostFor(choice.policyHosts, url)?.platform) || detected;
  const policy = choice.policy ?? [];
  const byPolicy = policy.find((p) => namesHost(p, host)) ?? policy.find((p) => covers(p, host, platform));
  if (byPolicy) return { profile: byPolicy, key: profileKey('policy', byPolicy.id), reason: 'policy' };
  const match = (profile: P, reason: MatchReason): Match<P> => ({ profile, key: keyOf(choice, profile), reason });
  const confirmedId = choice.confirmed?.[url.origin];
  const confirmed = confirmedId ? choice.profiles.find((p) => p.id === confirmedId && runsOn(p, platform)) : undefined;
  if (confirmed) return match(confirmed, 'confirmed');
  const chosen = choice.chosenId ? choice.profiles.find((p) => p.id === choice.chosenId && p.kind === 'institution') : undefined;
  if (chosen && namesHost(chosen, host)) return match(chosen, 'chosen');
  const byHost = choice.profiles.find((p) => p.kind === 'institution' && namesHost(p, host));
  if (byHost) return match(byHost, 'host');
  const generic = choice.profiles.find((p) => p.kind === 'generic' && runsOn(p, platform));
  if (!generic) return null;
  return chosen ? { ...match(generic, 'generic'), chosenElsewhere: chosen } : match(generic, 'generic');
}

/** Bundled profiles with imported ones laid over them (same id: the imported one wins). */
export function mergeProfiles<P extends ProfileCard>(bundled: readonly P[], imported: readonly P[]): P[] {
  const ids = new Set(imported.map((p) => p.id));
  return [...imported, ...bundled.filter((p) => !ids.has(p.id))];
}

/** Match patterns of the hosts institution profiles name (for the detector's static matches). */
export function profileMatches(profiles: readonly ProfileCard[]): string[] {
  const hosts = profiles.flatMap((p) => p.deployments.flatMap((d) => d.hosts ?? []));
  return [...new Set(hosts)].map((host) => `https://${host}/*`);
}
