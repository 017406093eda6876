import { browser } from 'wxt/browser';
import type { Detection } from '../../lib/detect';
import type { RenderMessage } from '../../lib/messages';
import { BADGE_TEXT, PLATFORM_NAME } from '../../lib/platforms';
import type { ProfileKey } from '../../lib/profiles/key';
import type { ProfileChoice } from '../../lib/profiles/match';
import type { Profile } from '../../lib/profiles/schema';
import { t } from '../../lib/state/i18n';
import { effectiveRole } from '../../lib/state/managed';
import { sendToFrame } from '../../lib/state/messaging';
import { loadProfile, loadProfileChoice, resolveAndLoad } from '../../lib/state/profiles';
import { isProfileStorageKey, tabFrames } from '../../lib/state/storage';
import { pickFrame, type FrameReport, type TabFrames } from '../../lib/tabs';

const OVERLAY_FILE = '/content-scripts/overlay.js';

/** Removes the overlay from a frame that no longer holds the conference. */
async function sendRemove(tabId: number, frameId: number): Promise<void> {
  await sendToFrame(tabId, frameId, { type: 'kl:render', detection: null, role: 'student', profile: null, profileKey: null, roomKey: '' });
}

/** Stored values that decide which profile applies (local area); the admin policy is the managed area. */
const CHOICE_KEYS = new Set(['chosenSchool', 'confirmedSites']);
const touchesProfiles = (changes: Record<string, unknown>, area: string) =>
  area === 'managed' || (area === 'local' && Object.keys(changes).some((key) => CHOICE_KEYS.has(key) || isProfileStorageKey(key)));

/**
 * Profiles and choice, read once and again only after a profile-related value changes (not on
 * the per-tab session writes every detection makes).
 */
let choiceCache: Promise<ProfileChoice> | null = null;
/** Whole profiles read so far (an imported one is read and validated once, not per detection). */
const profileCache = new Map<ProfileKey, Promise<Profile | null>>();

/** Forgets what was read when a profile-related value changes (the background calls it at start). */
export function watchProfileChanges(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (!touchesProfiles(changes, area)) return;
    choiceCache = null;
    profileCache.clear();
  });
}

function cachedProfile(key: ProfileKey): Promise<Profile | null> {
  let loading = profileCache.get(key);
  if (!loading) {
    loading = loadProfile(key);
    profileCache.set(key, loading);
  }
  return loading;
}

function profileChoice(): Promise<ProfileChoice> {
  if (!choiceCache) {
    const loading = loadProfileChoice();
    choiceCache = loading;
    // A failed read is tried again next time.
    loading.catch(() => {
      if (choiceCache === loading) choiceCache = null;
    });
  }
  return choiceCache;
}

/** What the overlay needs: the detection, the user's role and the profile that applies. */
async function renderMessage(report: FrameReport): Promise<RenderMessage> {
  const [{ role }, choice] = await Promise.all([effectiveRole(), profileChoice()]);
  const url = new URL(report.url || 'about:blank');
  const { detection } = report;
  const match = url.protocol.startsWith('http') ? await resolveAndLoad(url, detection.platform, choice, cachedProfile) : null;
  return {
    type: 'kl:render',
    detection,
    role,
    profile: match?.profile ?? null,
    profileKey: match?.key ?? null,
    roomKey: `${detection.platform}:${url.host}:${detection.room ?? ''}`,
  };
}

/** Shows the overlay in a frame, injecting it on first use. */
async function render(tabId: number, frameId: number, report: FrameReport): Promise<void> {
  const message = await renderMessage(report);
  try {
    await sendToFrame(tabId, frameId, message);
  } catch {
    // No overlay in that frame yet.
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [OVERLAY_FILE] });
    await sendToFrame(tabId, frameId, message);
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
