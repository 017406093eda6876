import { browser } from 'wxt/browser';
import type { Detection } from '../../lib/detect';
import { DETECTION_KEY } from '../../lib/messages';
import { sendToBackground } from '../../lib/state/messaging';
import { pickFrame, type FrameReport, type TabFrames } from '../../lib/tabs';

const DETECTOR_FILE = '/detector.js';

/** Runs in the tab's frames (serialized): the detector's latest finding there, and where. */
function readDetection(key: string): { detection: Detection; url: string } | null {
  const detection = (globalThis as Record<symbol, { detection: Detection | null } | undefined>)[Symbol.for(key)]?.detection;
  return detection ? { detection, url: location.href } : null;
}

/**
 * The tab the popup speaks about: the active tab of the last focused normal window. The toolbar
 * popup is no window of its own, so that is the last focused window; a popup page opened in a
 * window of its own (as the tests do) speaks about the focused normal window, else the newest.
 * No `windowTypes` filter: Firefox's `getLastFocused` rejects it, and its `getAll` answers [] to
 * `['normal']`.
 */
export async function activeTab() {
  const last = await browser.windows.getLastFocused();
  let windowId = last.id;
  if (last.type !== 'normal') {
    const normal = (await browser.windows.getAll()).filter((w) => w.type === 'normal');
    windowId = (normal.find((w) => w.focused) ?? normal.at(-1))?.id;
  }
  if (windowId === undefined) return undefined;
  const [tab] = await browser.tabs.query({ active: true, windowId });
  return tab;
}

/** The conference the background already knows for this tab (where the detector runs anyway). */
export async function knownConference(tabId: number): Promise<FrameReport | null> {
  return (await sendToBackground({ type: 'kl:tab-conference', tabId })) ?? null;
}

/**
 * Elsewhere, the detector runs once in every frame of the tab, through the activeTab grant the
 * toolbar click gave, and the frame that holds the conference answers.
 */
export async function checkOnce(tabId: number): Promise<FrameReport | null> {
  await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [DETECTOR_FILE] });
  const results = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, func: readDetection, args: [DETECTION_KEY] });
  const frames: TabFrames = {};
  for (const { frameId, result } of results) if (result) frames[frameId] = result as FrameReport;
  const winner = pickFrame(frames);
  return winner === null ? null : (frames[winner] ?? null);
}
