import { browser } from 'wxt/browser';
import type { BackgroundMessage, ContentMessage, PageMessage, Reply } from '../messages';

/** Sends a message to the background and gives its typed reply. */
export async function sendToBackground<M extends ContentMessage | PageMessage>(message: M): Promise<Reply<M>> {
  return (await browser.runtime.sendMessage(message)) as Reply<M>;
}

/** Sends a message to the content script of one frame. */
export async function sendToFrame(tabId: number, frameId: number, message: BackgroundMessage): Promise<void> {
  await browser.tabs.sendMessage(tabId, message, { frameId });
}
