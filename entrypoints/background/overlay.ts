import { browser } from 'wxt/browser';
import type { Detection } from '../../lib/detect';
import { t } from '../../lib/i18n';
import type { RenderMessage } from '../../lib/messages';
import { resolveProfile } from '../../lib/profiles/match';
import { loadProfileChoice } from '../../lib/state/profiles';
import { roleSetting, tabFrames } from '../../lib/state/storage';
import { pickFrame, type FrameReport, type TabFrames } from '../../lib/tabs';
import { BADGE_TEXT, PLATFORM_NAME } from '../../lib/platforms';

const OVERLAY_FILE = '/content-scripts/overlay.js';

/** Removes the overlay from a frame that no longer holds the conference. */
async function sendRemove(tabId: number, frameId: number): Promise<void> {
  const message: RenderMessage = { type: 'kl:render', detection: null, role: 'student', profile: null, roomKey: '' };
  await browser.tabs.sendMessage(tabId, message, { frameId });
}

/** Profiles and choice, read once and again only after the stored settings change. */
let choiceCache: ReturnType<typeof loadProfileChoice> | null = null;
browser.storage.onChanged.addListener(() => {
  choiceCache = null;
});

/** What the overlay needs: the detection, the user's role and the profile that applies. */
async function renderMessage(report: FrameReport): Promise<RenderMessage> {
  choiceCache ??= loadProfileChoice();
  const [role, choice] = await Promise.all([roleSetting.getValue(), choiceCache]);
  const url = new URL(report.url || 'about:blank');
  const { detection } = report;
  const profile = url.protocol.startsWith('http') ? (resolveProfile(url, detection.platform, choice)?.profile ?? null) : null;
  return { type: 'kl:render', detection, role, profile, roomKey: `${detection.platform}:${url.host}:${detection.room ?? ''}` };
}

/** Shows the overlay in a frame, injecting it on first use. */
async function render(tabId: number, frameId: number, report: FrameReport): Promise<void> {
  const message = await renderMessage(report);
  try {
    await browser.tabs.sendMessage(tabId, message, { frameId });
  } catch {
    // No overlay in that frame yet.
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [OVERLAY_FILE] });
    await browser.tabs.sendMessage(tabId, message, { frameId });
  }
}

async function showBadge(tabId: number, detection: Detection | null): Promise<void> {
  const text = detection ? BADGE_TEXT[detection.platform] : '';
  const title = detection ? t('badgeTitle', t(PLATFORM_NAME[detection.platform])) : t('extName');
  await Promise.all([
    browser.action.setBadgeText({ tabId, text }),
    browser.action.setBadgeBackgroundColor({ tabId, color: '#1f4fbf' }),
    browser.action.setTitle({ tabId, title }),
  ]);
}

/** One queue per tab: frames report concurrently, their updates apply in order. */
const queues = new Map<number, Promise<void>>();

function enqueue(tabId: number, job: () => Promise<void>): Promise<void> {
  const next = (queues.get(tabId) ?? Promise.resolve()).then(job, job);
  queues.set(tabId, next);
  void next.finally(() => {
    if (queues.get(tabId) === next) queues.delete(tabId);
  });
  return next;
}

/**
 * A frame reported what it shows. Exactly one frame per tab gets the overlay: the one that
 * holds the conference (pickFrame); a frame that loses that place has its overlay removed.
 */
export function onDetected(tabId: number, frameId: number, url: string, detection: Detection | null): Promise<void> {
  return enqueue(tabId, async () => {
    const item = tabFrames(tabId);
    const frames: TabFrames = { ...(await item.getValue()) };
    const before = pickFrame(frames);
    if (detection) frames[frameId] = { detection, url };
    else delete frames[frameId];
    await item.setValue(frames);

    const winner = pickFrame(frames);
    if (before !== null && before !== winner) await sendRemove(tabId, before).catch(() => {});
    const shown = winner === null ? undefined : frames[winner];
    await showBadge(tabId, shown?.detection ?? null);
    if (winner !== null && shown) await render(tabId, winner, shown);
  });
}

/** The conference a tab shows now and the address of its frame, if any (for the popup). */
export async function tabConference(tabId: number): Promise<FrameReport | null> {
  const frames = await tabFrames(tabId).getValue();
  const winner = pickFrame(frames);
  return winner === null ? null : (frames[winner] ?? null);
}

/** A new document in the tab's top frame: every frame it had is gone. */
export function forgetTab(tabId: number): Promise<void> {
  return enqueue(tabId, () => tabFrames(tabId).removeValue());
}
