import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { forgetTab, watchProfileChanges } from './overlay';
import { followPolicy } from './policy';
import { onMessage } from './protocol';
import { syncSites } from './sites';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener(onMessage);
  watchProfileChanges();

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
