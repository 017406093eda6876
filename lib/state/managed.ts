import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { ROLES, type Role } from '../messages';
import { readPolicy, type PolicyHost, type PolicyReading } from '../policy';
import { sendToBackground } from './messaging';

/**
 * The admin policy (managed storage), read only when asked, never at module load: Chromium
 * answers `{}` where no policy is set, Firefox rejects ("Managed storage manifest not found").
 * Both mean "no policy".
 */
export async function readManaged(): Promise<Record<string, unknown>> {
  try {
    const value: unknown = await browser.storage.managed.get(null);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The last policy read and its check: the check (profiles included) runs again only when the policy changed. */
let last: { raw: string; reading: PolicyReading } | null = null;

/** The policy, checked (lib/policy): what applies, and every problem with its path. */
export async function loadPolicy(): Promise<PolicyReading> {
  const value = await readManaged();
  const raw = JSON.stringify(value);
  if (last?.raw !== raw) last = { raw, reading: readPolicy(value) };
  return last.reading;
}

/** Calls back whenever an admin changes the policy (Chrome re-reads it while running). */
export function watchPolicy(callback: () => void): () => void {
  const listener = (_changes: unknown, area: string) => {
    if (area === 'managed') callback();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** The role the user chose, if any (null before anyone chose one). */
async function chosenRole(): Promise<Role | null> {
  const value = await storage.getItem<unknown>('local:role');
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value) ? (value as Role) : null;
}

export interface RoleState {
  role: Role;
  /** Set by the school's policy: users cannot change it. */
  locked: boolean;
}

/**
 * Whose view the overlay shows: the policy's role where it is locked; otherwise the user's own
 * choice, and before any choice the policy's default (student without a policy).
 */
export async function effectiveRole(reading?: PolicyReading): Promise<RoleState> {
  const [{ policy }, chosen] = await Promise.all([reading ?? loadPolicy(), chosenRole()]);
  if (policy.role && policy.roleLocked) return { role: policy.role, locked: true };
  return { role: chosen ?? policy.role ?? 'student', locked: false };
}

/** Policy hosts the user has not switched on yet (no host permission). */
export async function pendingPolicyHosts(hosts: readonly PolicyHost[]): Promise<PolicyHost[]> {
  const granted = await Promise.all(hosts.map((h) => browser.permissions.contains({ origins: [h.pattern] }).catch(() => false)));
  return hosts.filter((_, i) => !granted[i]);
}

/**
 * The one click: asks for every pending policy host in one prompt (call it straight from the
 * click, before any await: a prompt needs the user's gesture), then lets the background register
 * the detector there. False when the user declined.
 */
export function switchOnPolicyHosts(hosts: readonly PolicyHost[]): Promise<boolean> {
  return browser.permissions.request({ origins: hosts.map((h) => h.pattern) }).then(async (granted) => {
    if (!granted) return false;
    await sendToBackground({ type: 'kl:policy-sync' });
    return true;
  });
}
