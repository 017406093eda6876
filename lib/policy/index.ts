import { ROLES, type Role } from '../messages';
import { hostProblem } from '../hostnames';
import { PLATFORMS } from '../detect/platforms';
import { LIMITS, type Profile, type ProfilePlatform } from '../profiles/schema';
import { parseJsonText, validateProfile, type ProfileErrorCode } from '../profiles/validate';

/**
 * The admin policy (docs/admin.md): what a school's IT sets for every managed browser. Chrome
 * reads it from managed storage as `public/managed_schema.json` describes it, Firefox from
 * policies.json (`3rdparty` -> `Extensions` -> the extension id). Both hand over whatever the
 * admin wrote, so everything is checked here with the strictness of a profile import: each key
 * on its own (one bad key never disables the good ones), each problem with its path.
 */

export const POLICY_KEYS = ['profile', 'profiles', 'hosts', 'role', 'roleLocked', 'hideSchoolPicker'] as const;
export type PolicyKey = (typeof POLICY_KEYS)[number];


/** At most this many profiles and hosts: a school authority's schools fit, a flood does not. */
export const POLICY_LIMITS = { profiles: 40, hosts: 100, origin: 300 } as const;

/** A conference host the policy names: the detector runs there once the user switched it on. */
export interface PolicyHost {
  /** `https://meet.schule.de` or `https://*.schule.de` (as the policy wrote it, normalised). */
  origin: string;
  /** The host part as people read it: `meet.schule.de`, `*.schule.de`. */
  host: string;
  /** Match pattern for the host permission and the registered detector. */
  pattern: string;
  /** The platform the admin named; without one, detection decides. */
  platform?: ProfilePlatform;
}

export interface Policy {
  /** Profiles the policy sets (key `policy:<id>`), in the order given. */
  profiles: Profile[];
  hosts: PolicyHost[];
  role: Role | null;
  /** Users cannot change the role (only with a valid role). */
  roleLocked: boolean;
  /** The popup offers no other school where a policy profile applies. */
  hideSchoolPicker: boolean;
}

export type PolicyProblemCode =
  | ProfileErrorCode
  | 'unknownKey'
  | 'allHosts'
  | 'origin'
  | 'scheme'
  | 'path'
  | 'credentials'
  | 'port'
  | 'duplicate'
  | 'duplicateProfile'
  | 'lockWithoutRole';

export interface PolicyProblem {
  /** Where in the policy: `hosts[2].origin`, `profiles[1] › dpo.email`; a key alone for the whole value. */
  path: string;
  code: PolicyProblemCode;
  /** Details for the message: an expected type, the allowed values, a limit, a line and column. */
  detail?: string;
}

export interface PolicyReading {
  policy: Policy;
  problems: PolicyProblem[];
  /** The Konferenzlotse keys the admin set at all (empty: the browser is not managed for it). */
  keys: string[];
}

export const EMPTY_POLICY: Policy = { profiles: [], hosts: [], role: null, roleLocked: false, hideSchoolPicker: false };

/** Joins a key's path with a path inside a profile's JSON text. */
export const PROFILE_PATH_SEPARATOR = ' › ';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** One profile from its JSON text (the policy carries profiles as text, as the import does). */
function readProfile(value: unknown, path: string, problems: PolicyProblem[]): Profile | null {
  if (typeof value !== 'string') {
    problems.push({ path, code: 'wrongType', detail: 'text' });
    return null;
  }
  if (value.length > LIMITS.input) {
    problems.push({ path, code: 'tooLarge', detail: String(LIMITS.input) });
    return null;
  }
  const json = parseJsonText(value);
  if (!json.ok) {
    for (const error of json.errors) problems.push({ ...error, path });
    return null;
  }
  const result = validateProfile(json.value);
  if (result.ok) return result.profile;
  for (const error of result.errors) problems.push({ ...error, path: error.path ? `${path}${PROFILE_PATH_SEPARATOR}${error.path}` : path });
  return null;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);

/** Checks one origin the way a profile's host is checked, and more: scheme, path, port, credentials. */
export function readOrigin(value: unknown): { ok: true; host: Omit<PolicyHost, 'platform'> } | { ok: false; code: PolicyProblemCode; detail?: string } {
  if (typeof value !== 'string') return { ok: false, code: value === undefined ? 'missing' : 'wrongType', detail: value === undefined ? undefined : 'text' };
  const text = value.trim();
  if (!text) return { ok: false, code: 'empty' };
  if (text.length > POLICY_LIMITS.origin) return { ok: false, code: 'hostTooLong' };
  // Everything, every site, any scheme: never a school's conference host.
  if (/^(\*|<all_urls>)$/.test(text) || text.startsWith('*:') || /^[a-z*]+:\/\/\*(\/|$|:)/i.test(text)) return { ok: false, code: 'allHosts' };
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/i.exec(text);
  if (!match) return { ok: false, code: 'origin' };
  const [, scheme, authority, rest] = match as unknown as [string, string, string, string];
  if (authority.includes('@')) return { ok: false, code: 'credentials' };
  if (rest && rest !== '/') return { ok: false, code: 'path' };
  const portMatch = /:(\d*)$/.exec(authority);
  const rawHost = (portMatch ? authority.slice(0, portMatch.index) : authority).toLowerCase();
  const wildcard = rawHost.startsWith('*.');
  let url: URL;
  try {
    url = new URL(`${scheme.toLowerCase()}://${wildcard ? `wildcard-${rawHost.slice(2)}` : rawHost}${portMatch ? portMatch[0] : ''}`);
  } catch {
    return { ok: false, code: portMatch ? 'port' : 'host' };
  }
  const host = wildcard ? `*.${url.hostname.slice('wildcard-'.length)}` : url.hostname;
  const local = LOCAL_HOSTS.has(host);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) return { ok: false, code: 'scheme' };
  // A port narrows an origin to one server; a wildcard names many, where one port makes no sense.
  if (portMatch && (wildcard || portMatch[1] === '' || Number(portMatch[1]) < 1 || Number(portMatch[1]) > 65535)) return { ok: false, code: 'port' };
  if (!local) {
    if (host.includes('*', wildcard ? 2 : 0) || /[^a-z0-9.*-]/.test(host)) return { ok: false, code: 'host' };
    const problem = hostProblem(host);
    if (problem) return { ok: false, code: problem };
  }
  const origin = `${url.protocol}//${host}${url.port ? `:${url.port}` : ''}`;
  return { ok: true, host: { origin, host: url.port ? `${host}:${url.port}` : host, pattern: `${url.protocol}//${host}/*` } };
}

function readHosts(value: unknown, problems: PolicyProblem[]): PolicyHost[] {
  if (!Array.isArray(value)) {
    problems.push({ path: 'hosts', code: 'wrongType', detail: 'list' });
    return [];
  }
  if (value.length > POLICY_LIMITS.hosts) problems.push({ path: 'hosts', code: 'tooMany', detail: String(POLICY_LIMITS.hosts) });
  const hosts: PolicyHost[] = [];
  value.slice(0, POLICY_LIMITS.hosts).forEach((entry, index) => {
    const path = `hosts[${index}]`;
    if (!isRecord(entry)) {
      problems.push({ path, code: 'wrongType', detail: 'object' });
      return;
    }
    let ok = true;
    for (const key of Object.keys(entry)) {
      if (key !== 'origin' && key !== 'platform') {
        problems.push({ path: `${path}.${key}`, code: 'unknownField' });
        ok = false;
      }
    }
    const origin = readOrigin(entry.origin);
    if (!origin.ok) {
      problems.push({ path: `${path}.origin`, code: origin.code, detail: origin.detail });
      ok = false;
    }
    const platform = entry.platform;
    if (platform !== undefined && !(typeof platform === 'string' && (PLATFORMS as readonly string[]).includes(platform))) {
      problems.push({ path: `${path}.platform`, code: 'choice', detail: PLATFORMS.join(', ') });
      ok = false;
    }
    if (!ok || !origin.ok) return;
    if (hosts.some((h) => h.origin === origin.host.origin)) {
      problems.push({ path: `${path}.origin`, code: 'duplicate' });
      return;
    }
    hosts.push({ ...origin.host, ...(platform ? { platform: platform as ProfilePlatform } : {}) });
  });
  return hosts;
}

function readBoolean(key: 'roleLocked' | 'hideSchoolPicker', value: unknown, problems: PolicyProblem[]): boolean {
  if (typeof value === 'boolean') return value;
  if (value !== undefined) problems.push({ path: key, code: 'wrongType', detail: 'boolean' });
  return false;
}

/**
 * Reads what managed storage holds. Never throws: whatever is wrong is a problem with its path,
 * and every other key still applies.
 */
export function readPolicy(raw: unknown): PolicyReading {
  const problems: PolicyProblem[] = [];
  if (!isRecord(raw)) return { policy: EMPTY_POLICY, problems, keys: [] };
  const keys = Object.keys(raw).filter((key) => raw[key] !== undefined);
  for (const key of keys) if (!(POLICY_KEYS as readonly string[]).includes(key)) problems.push({ path: key, code: 'unknownKey' });

  const profiles: Profile[] = [];
  const addProfile = (profile: Profile | null, path: string) => {
    if (!profile) return;
    if (profiles.some((p) => p.id === profile.id)) problems.push({ path: `${path}${PROFILE_PATH_SEPARATOR}id`, code: 'duplicateProfile', detail: profile.id });
    else profiles.push(profile);
  };
  if (raw.profile !== undefined) addProfile(readProfile(raw.profile, 'profile', problems), 'profile');
  if (raw.profiles !== undefined) {
    if (!Array.isArray(raw.profiles)) problems.push({ path: 'profiles', code: 'wrongType', detail: 'list' });
    else {
      if (raw.profiles.length > POLICY_LIMITS.profiles) problems.push({ path: 'profiles', code: 'tooMany', detail: String(POLICY_LIMITS.profiles) });
      raw.profiles.slice(0, POLICY_LIMITS.profiles).forEach((text, index) => addProfile(readProfile(text, `profiles[${index}]`, problems), `profiles[${index}]`));
    }
  }

  const hosts = raw.hosts === undefined ? [] : readHosts(raw.hosts, problems);

  let role: Role | null = null;
  if (raw.role !== undefined) {
    if (typeof raw.role === 'string' && (ROLES as readonly string[]).includes(raw.role)) role = raw.role as Role;
    else if (typeof raw.role === 'string') problems.push({ path: 'role', code: 'choice', detail: ROLES.join(', ') });
    else problems.push({ path: 'role', code: 'wrongType', detail: 'text' });
  }
  let roleLocked = readBoolean('roleLocked', raw.roleLocked, problems);
  if (roleLocked && !role) {
    problems.push({ path: 'roleLocked', code: 'lockWithoutRole' });
    roleLocked = false;
  }
  const hideSchoolPicker = readBoolean('hideSchoolPicker', raw.hideSchoolPicker, problems);

  return { policy: { profiles, hosts, role, roleLocked, hideSchoolPicker }, problems, keys };
}

/** The policy host an address belongs to, if any (exact host first, then a wildcard). */
export function policyHostFor(hosts: readonly PolicyHost[], url: URL): PolicyHost | undefined {
  const host = url.hostname.toLowerCase();
  const scheme = url.protocol;
  const sameScheme = hosts.filter((h) => h.pattern.startsWith(`${scheme}//`));
  return (
    sameScheme.find((h) => h.host.split(':')[0] === host) ??
    sameScheme.find((h) => h.host.startsWith('*.') && host.endsWith(h.host.slice(1)))
  );
}
