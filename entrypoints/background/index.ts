import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { isMessage, type Message } from '../../lib/messages';
import { forgetTab, onDetected, tabConference } from './overlay';
import { followPolicy, queueSyncPolicy } from './policy';
import { addSite, removeSite, syncSites } from './sites';

function fromThisExtension(sender: { id?: string }): boolean {
  return sender.id === browser.runtime.id;
}

async function answer(message: Message, sender: Parameters<Parameters<typeof browser.runtime.onMessage.addListener>[0]>[1]) {
  switch (message.type) {
    case 'kl:detected': {
      const tabId = sender.tab?.id;
      if (tabId !== undefined) await onDetected(tabId, sender.frameId ?? 0, sender.url ?? '', message.detection);
      return undefined;
    }
    case 'kl:tab-conference':
      return tabConference(message.tabId);
    case 'kl:add-site':
      return addSite(message.origin);
    case 'kl:remove-site':
      return removeSite(message.origin);
    case 'kl:policy-sync':
      return queueSyncPolicy();
    case 'kl:open-summary':
      await browser.tabs.create({ url: `${browser.runtime.getURL('/summary.html')}?profile=${encodeURIComponent(message.profileId)}` });
      return undefined;
    default:
      return undefined;
  }
}

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isMessage(message) || !fromThisExtension(sender)) return undefined;
    return answer(message, sender).catch((error: unknown) => {
      console.warn('Konferenzlotse:', message.type, error);
      return undefined;
    });
  });

  // A new document in the top frame replaces every frame the tab had.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading' && change.url) void forgetTab(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));

  browser.runtime.onStartup.addListener(() => void syncSites());
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void syncSites();
    // First install: ask who uses this browser (student, teacher or parent).
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html') });
  });
  browser.permissions.onRemoved.addListener(() => void syncSites());
  // Hosts the school's policy names (docs/admin.md).
  followPolicy();
});
