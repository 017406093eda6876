import { browser } from 'wxt/browser';
import type { ProfileKey } from '../../lib/profiles/key';
import { profilePageUrl } from '../../lib/state/pages';

/** The summary tab opened for each profile (a promise: requests can arrive while it opens). */
const opened = new Map<ProfileKey, Promise<number | undefined>>();

export const summaryUrl = (key: ProfileKey) => profilePageUrl('/summary.html', key);

async function focus(tabId: number | undefined): Promise<boolean> {
  if (tabId === undefined) return false;
  try {
    const tab = await browser.tabs.update(tabId, { active: true });
    if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true }).catch(() => undefined);
    return tab !== undefined;
  } catch {
    // The tab was closed.
    return false;
  }
}

/**
 * Opens a profile's printable summary in a tab: at most one per profile. While that tab is open
 * (or still opening) every further request focuses it, however many arrive at once, so nothing
 * can flood the browser with tabs through the overlay; once the person closed it, the next request
 * opens a new one.
 */
export async function openSummary(key: ProfileKey): Promise<void> {
  const last = opened.get(key);
  const next = (async () => {
    if (last && (await focus(await last))) return last;
    return (await browser.tabs.create({ url: summaryUrl(key) })).id;
  })();
  opened.set(key, next);
  await next;
}

/** Forgets every opened tab (tests). */
export function resetSummaries(): void {
  opened.clear();
}
