import { browser } from 'wxt/browser';
import type { ProfileKey } from '../../lib/profiles/key';

/** Requests for the same profile within this time open nothing more. */
export const SUMMARY_WINDOW_MS = 5000;

/** The summary tab last opened for each profile, and when. */
const opened = new Map<ProfileKey, { at: number; tab: Promise<number | undefined> }>();

export const summaryUrl = (key: ProfileKey) => `${browser.runtime.getURL('/summary.html')}?profile=${encodeURIComponent(key)}`;

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
 * Opens a profile's printable summary in a tab: at most one per profile. A request while that
 * tab is open focuses it; requests within a few seconds of the last opening open nothing else,
 * however many arrive (a page cannot flood the browser with tabs through the overlay).
 */
export async function openSummary(key: ProfileKey, now = Date.now()): Promise<void> {
  const last = opened.get(key);
  if (last && now - last.at < SUMMARY_WINDOW_MS) {
    await focus(await last.tab);
    return;
  }
  const entry = {
    at: now,
    tab: (async () => {
      if (last && (await focus(await last.tab))) return last.tab;
      return (await browser.tabs.create({ url: summaryUrl(key) })).id;
    })(),
  };
  opened.set(key, entry);
  await entry.tab;
}

/** Forgets every opened tab (tests). */
export function resetSummaries(): void {
  opened.clear();
}
