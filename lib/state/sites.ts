import { browser } from 'wxt/browser';
import { sendToBackground } from './messaging';

/**
 * Switches the extension on for a site: the browser asks the user for this one origin (call it
 * straight from a click or submit: a prompt needs a user gesture), then the background registers
 * the detector. False when the user refused.
 */
export async function switchOnSite(origin: string, pattern: string): Promise<boolean> {
  if (!(await browser.permissions.request({ origins: [pattern] }))) return false;
  return Boolean(await sendToBackground({ type: 'kl:add-site', origin }));
}

/** Switches a user-added site off again (script, stored entry and permission). */
export async function switchOffSite(origin: string): Promise<void> {
  await sendToBackground({ type: 'kl:remove-site', origin });
}
