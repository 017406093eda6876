import { browser } from 'wxt/browser';
import type { Detection } from '../../lib/detect';
import { DETECTION_KEY, type SiteMessage, type TabDetectionMessage } from '../../lib/messages';
import { pickFrame, type TabFrames } from '../../lib/tabs';

const DETECTOR_FILE = '/detector.js';

/** Runs in the tab's frames (serialized): the detector's latest finding there. */
function readDetection(key: string): Detection | null {
  return (globalThis as Record<symbol, { detection: Detection | null } | undefined>)[Symbol.for(key)]?.detection ?? null;
}

/**
 * What the tab shows: known to the background where the detector runs anyway, else checked
 * once now, through the activeTab grant the toolbar click gave.
 */
export async function findConference(tabId: number): Promise<Detection | null> {
  const query: TabDetectionMessage = { type: 'kl:tab-detection', tabId };
  const known = (await browser.runtime.sendMessage(query)) as Detection | null;
  if (known) return known;
  await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [DETECTOR_FILE] });
  const results = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, func: readDetection, args: [DETECTION_KEY] });
  const frames: TabFrames = {};
  for (const { frameId, result } of results) if (result) frames[frameId] = result as Detection;
  const winner = pickFrame(frames);
  return winner === null ? null : (frames[winner] ?? null);
}

/**
 * "Always on this site": the browser asks the user for this one origin (call it straight from
 * the click, a prompt needs a user gesture); the background then registers the detector.
 */
export async function switchOnAlways(origin: string, pattern: string): Promise<boolean> {
  if (!(await browser.permissions.request({ origins: [pattern] }))) return false;
  const message: SiteMessage = { type: 'kl:add-site', origin };
  return Boolean(await browser.runtime.sendMessage(message));
}
