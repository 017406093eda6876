import type { Platform } from '../detect';
import { policyHostFor, type PolicyHost } from '../policy';
import type { Profile } from './schema';

export type MatchReason = 'policy' | 'confirmed' | 'chosen' | 'host' | 'generic';

export interface ProfileChoice {
  /** Profiles an admin set by browser policy (`policy:<id>`), in the policy's order. */
  policy?: readonly Profile[];
  /** Conference hosts the policy names, some with their platform. */
  policyHosts?: readonly PolicyHost[];
  /** The school a user picked in the popup. */
  chosenId?: string | null;
  /** Origins the user confirmed as their school's conference: origin -> profile id. */
  confirmed?: Readonly<Record<string, string>>;
  /** Bundled and imported profiles (an imported one replaces a bundled one of the same id). */
  profiles: readonly Profile[];
}

export interface Match {
  profile: Profile;
  reason: MatchReason;
  /** The school the user chose, where its facts do not apply here (it names neither this host nor an origin confirmed for it). */
  chosenElsewhere?: Profile;
}

/** "meet.schule.de" matches itself; "*.schule.de" matches every subdomain of schule.de. */
export function hostMatches(pattern: string, host: string): boolean {
  const h = host.toLowerCase();
  if (pattern.startsWith('*.')) return h.endsWith(pattern.slice(1));
  return h === pattern;
}

function namesHost(profile: Profile, host: string): boolean {
  return profile.deployments.some((d) => d.hosts?.some((pattern) => hostMatches(pattern, host)));
}

export function runsOn(profile: Profile, platform: Platform): boolean {
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
export function resolveProfile(url: URL, detected: Platform, choice: ProfileChoice): Match | null {
  const host = url.hostname;
  const platform = (choice.policyHosts && policyHostFor(choice.policyHosts, url)?.platform) || detected;
  const policy = choice.policy ?? [];
  const byPolicy = policy.find((p) => namesHost(p, host)) ?? policy.find((p) => covers(p, host, platform));
  if (byPolicy) return { profile: byPolicy, reason: 'policy' };
  const confirmedId = choice.confirmed?.[url.origin];
  const confirmed = confirmedId ? choice.profiles.find((p) => p.id === confirmedId && runsOn(p, platform)) : undefined;
  if (confirmed) return { profile: confirmed, reason: 'confirmed' };
  const chosen = choice.chosenId ? choice.profiles.find((p) => p.id === choice.chosenId && p.kind === 'institution') : undefined;
  if (chosen && namesHost(chosen, host)) return { profile: chosen, reason: 'chosen' };
  const byHost = choice.profiles.find((p) => p.kind === 'institution' && namesHost(p, host));
  if (byHost) return { profile: byHost, reason: 'host' };
  const generic = choice.profiles.find((p) => p.kind === 'generic' && runsOn(p, platform));
  if (!generic) return null;
  return chosen ? { profile: generic, reason: 'generic', chosenElsewhere: chosen } : { profile: generic, reason: 'generic' };
}

/** Bundled profiles with imported ones laid over them (same id: the imported one wins). */
export function mergeProfiles(bundled: readonly Profile[], imported: readonly Profile[]): Profile[] {
  const ids = new Set(imported.map((p) => p.id));
  return [...imported, ...bundled.filter((p) => !ids.has(p.id))];
}

/** Match patterns of the hosts institution profiles name (for the detector's static matches). */
export function profileMatches(profiles: readonly Profile[]): string[] {
  const hosts = profiles.flatMap((p) => p.deployments.flatMap((d) => d.hosts ?? []));
  return [...new Set(hosts)].map((host) => `https://${host}/*`);
}
