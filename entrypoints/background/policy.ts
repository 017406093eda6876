import { browser } from 'wxt/browser';
import { t } from '../../lib/state/i18n';
import type { PolicyHost } from '../../lib/policy';
import { loadPolicy, watchPolicy } from '../../lib/state/managed';

const DETECTOR_FILE = 'detector.js';
/** Registered detectors for policy hosts have ids of their own, apart from user-added sites (`site:`). */
const PREFIX = 'policy:';

export const policyScriptId = (host: PolicyHost): string => `${PREFIX}${host.origin}`;

export interface PolicySync {
  /** Origins where the detector runs for the policy. */
  active: string[];
  /** Origins the policy names that still wait for the user's one click. */
  pending: string[];
}

/** The toolbar badge says that the school's hosts wait for the click (tab badges still name platforms). */
async function showPending(pending: readonly PolicyHost[]): Promise<void> {
  const waiting = pending.length > 0;
  await Promise.all([
    browser.action.setBadgeText({ text: waiting ? '!' : '' }),
    browser.action.setBadgeBackgroundColor({ color: waiting ? '#b45309' : '#1f4fbf' }),
    browser.action.setTitle({ title: waiting ? t('policyBadgeTitle', pending.map((h) => h.host).join(', ')) : t('extName') }),
  ]);
}

/**
 * Policy, host permissions and registered detectors agree again: the detector runs on every
 * policy host the user switched on, on no host the policy no longer names, and the badge says
 * when hosts still wait. Run at start-up, on install, when the policy or a permission changes.
 * Host permissions are never revoked here: a policy that briefly reads empty (a browser still
 * loading it) must not cost the user their click.
 */
export async function syncPolicy(): Promise<PolicySync> {
  const { policy } = await loadPolicy();
  const granted = await Promise.all(policy.hosts.map((h) => browser.permissions.contains({ origins: [h.pattern] }).catch(() => false)));
  const active = policy.hosts.filter((_, i) => granted[i]);
  const pending = policy.hosts.filter((_, i) => !granted[i]);

  const registered = (await browser.scripting.getRegisteredContentScripts()).filter((s) => s.id.startsWith(PREFIX));
  const wanted = new Map(active.map((h) => [policyScriptId(h), h]));
  const stale = registered.filter((s) => !wanted.has(s.id)).map((s) => s.id);
  if (stale.length) await browser.scripting.unregisterContentScripts({ ids: stale });
  const have = new Set(registered.map((s) => s.id));
  const missing = [...wanted].filter(([id]) => !have.has(id));
  if (missing.length) {
    await browser.scripting.registerContentScripts(
      missing.map(([id, host]) => ({
        id,
        matches: [host.pattern],
        js: [DETECTOR_FILE],
        allFrames: true,
        runAt: 'document_idle' as const,
        persistAcrossSessions: true,
      })),
    );
  }
  await showPending(pending);
  return { active: active.map((h) => h.origin), pending: pending.map((h) => h.origin) };
}

/** One sync at a time: events come in bursts (install, start-up, a permission and the policy together). */
let running: Promise<unknown> = Promise.resolve();
export function queueSyncPolicy(): Promise<PolicySync> {
  const next = running.then(syncPolicy, syncPolicy);
  running = next.catch((error: unknown) => console.warn('Konferenzlotse: policy', error));
  return next;
}

/** Follows the policy: at start-up, on install, and whenever it or a host permission changes. */
export function followPolicy(): void {
  const sync = () => void queueSyncPolicy().catch(() => {});
  browser.runtime.onStartup.addListener(sync);
  browser.runtime.onInstalled.addListener(sync);
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  watchPolicy(sync);
}
