import type { Platform } from '../detect';
import type { Profile } from './schema';

export type MatchReason = 'policy' | 'chosen' | 'host' | 'generic';

export interface ProfileChoice {
  /** A profile an admin set by browser policy. */
  policy?: Profile | null;
  /** The school a user picked in the popup. */
  chosenId?: string | null;
  /** Bundled and imported profiles (an imported one replaces a bundled one of the same id). */
  profiles: readonly Profile[];
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

function runsOn(profile: Profile, platform: Platform): boolean {
  return profile.deployments.some((d) => d.platform === platform);
}

/** A profile speaks for a page when it names its host or runs the platform found there. */
function covers(profile: Profile, host: string, platform: Platform): boolean {
  return namesHost(profile, host) || runsOn(profile, platform);
}

/**
 * Which profile applies to a conference page, in this order: the admin's policy, the school
 * the user chose, an institution profile that names the host, the generic profile of the
 * platform. Policy and choice apply where they name the host or run that platform, so a
 * parent's school is not shown for somebody else's Jitsi meeting on another platform.
 */
export function resolveProfile(
  url: URL,
  platform: Platform,
  choice: ProfileChoice,
): { profile: Profile; reason: MatchReason } | null {
  const host = url.hostname;
  if (choice.policy && covers(choice.policy, host, platform)) return { profile: choice.policy, reason: 'policy' };
  const chosen = choice.chosenId ? choice.profiles.find((p) => p.id === choice.chosenId) : undefined;
  if (chosen && covers(chosen, host, platform)) return { profile: chosen, reason: 'chosen' };
  const byHost = choice.profiles.find((p) => p.kind === 'institution' && namesHost(p, host));
  if (byHost) return { profile: byHost, reason: 'host' };
  const generic = choice.profiles.find((p) => p.kind === 'generic' && runsOn(p, platform));
  return generic ? { profile: generic, reason: 'generic' } : null;
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
