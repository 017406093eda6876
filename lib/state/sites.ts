import { browser } from 'wxt/browser';
import type { SiteMessage } from '../messages';

/**
 * Switches the extension on for a site: the browser asks the user for this one origin (call it
 * straight from a click or submit: a prompt needs a user gesture), then the background registers
 * the detector. False when the user refused.
 */
export async function switchOnSite(origin: string, pattern: string): Promise<boolean> {
  if (!(await browser.permissions.request({ origins: [pattern] }))) return false;
  const message: SiteMessage = { type: 'kl:add-site', origin };
  return Boolean(await browser.runtime.sendMessage(message));
}

/** Switches a user-added site off again (script, stored entry and permission). */
export async function switchOffSite(origin: string): Promise<void> {
  const message: SiteMessage = { type: 'kl:remove-site', origin };
  await browser.runtime.sendMessage(message);
}
