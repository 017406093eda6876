import { browser } from 'wxt/browser';
import { patternOf, scriptIdOf } from '../../lib/sites';
import { userSites } from '../../lib/state/storage';

const DETECTOR_FILE = 'detector.js';

async function registeredIds(): Promise<Set<string>> {
  const scripts = await browser.scripting.getRegisteredContentScripts();
  return new Set(scripts.map((s) => s.id));
}

async function hasPermission(origin: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [patternOf(origin)] });
}

/**
 * The detector for a site the user switched on. Registered scripts persist across browser
 * restarts; `syncSites` re-creates any a browser dropped.
 */
async function register(origin: string): Promise<void> {
  if ((await registeredIds()).has(scriptIdOf(origin))) return;
  await browser.scripting.registerContentScripts([
    {
      id: scriptIdOf(origin),
      matches: [patternOf(origin)],
      js: [DETECTOR_FILE],
      allFrames: true,
      runAt: 'document_idle',
      persistAcrossSessions: true,
    },
  ]);
}

/** After the user granted the host permission (in the options page or popup). */
export async function addSite(origin: string): Promise<boolean> {
  if (!(await hasPermission(origin))) return false;
  await register(origin);
  await userSites.update((sites) => (sites.includes(origin) ? sites : [...sites, origin].sort()));
  return true;
}

export async function removeSite(origin: string): Promise<void> {
  if ((await registeredIds()).has(scriptIdOf(origin))) {
    await browser.scripting.unregisterContentScripts({ ids: [scriptIdOf(origin)] });
  }
  await userSites.update((sites) => sites.filter((o) => o !== origin));
  await browser.permissions.remove({ origins: [patternOf(origin)] }).catch(() => false);
}

/** Stored sites, granted permissions and registered scripts agree again (start-up, revocation). */
export async function syncSites(): Promise<void> {
  const revoked: string[] = [];
  for (const origin of await userSites.getValue()) {
    if (await hasPermission(origin)) {
      await register(origin);
    } else {
      revoked.push(origin);
      if ((await registeredIds()).has(scriptIdOf(origin))) await browser.scripting.unregisterContentScripts({ ids: [scriptIdOf(origin)] });
    }
  }
  // Only what changed is written: a stored value that cannot be read stays for the options page.
  if (revoked.length) await userSites.update((sites) => sites.filter((o) => !revoked.includes(o)));
}
