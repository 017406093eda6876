import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { Detection } from '../lib/detect';
import { isMessage, type RenderMessage, type Role } from '../lib/messages';

const OVERLAY_FILE = '/content-scripts/overlay.js';
const DEFAULT_ROLE: Role = 'student';

async function sendRender(tabId: number, frameId: number, detection: Detection | null): Promise<void> {
  const message: RenderMessage = { type: 'kl:render', detection, role: DEFAULT_ROLE };
  await browser.tabs.sendMessage(tabId, message, { frameId });
}

/** Shows the overlay in the frame that found a conference, injecting it on first use. */
async function onDetected(tabId: number, frameId: number, detection: Detection | null): Promise<void> {
  try {
    await sendRender(tabId, frameId, detection);
  } catch {
    // No overlay in that frame yet.
    if (!detection) return;
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [OVERLAY_FILE] });
    await sendRender(tabId, frameId, detection);
  }
}

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isMessage(message) || message.type !== 'kl:detected') return undefined;
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.id !== browser.runtime.id) return undefined;
    onDetected(tabId, sender.frameId ?? 0, message.detection).catch((error: unknown) => {
      console.warn('Konferenzlotse: overlay not shown', error);
    });
    return undefined;
  });
});
