import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { detect, sameDetection, type Detection } from '../lib/detect';
import { KNOWN_CONFERENCE_MATCHES } from '../lib/hosts';
import type { DetectedMessage } from '../lib/messages';

/** Roots of the conference single-page apps; their subtrees change with the meeting's state. */
const APP_ROOTS = '#react, #app';
/** Mutations are batched: at most one detection pass per interval. */
const THROTTLE_MS = 30;

/**
 * Tiny and framework-free: runs on matched hosts, tells the background what it finds.
 * The overlay (Preact) is injected by the background only after a positive detection.
 */
export default defineContentScript({
  matches: [...KNOWN_CONFERENCE_MATCHES],
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main(ctx) {
    let last: Detection | null = null;
    let pending = false;

    const check = () => {
      pending = false;
      const found = detect(document, new URL(location.href));
      if (sameDetection(found, last)) return;
      last = found;
      const message: DetectedMessage = { type: 'kl:detected', detection: found };
      browser.runtime.sendMessage(message).catch(() => {
        // The background is restarting or the extension was reloaded: the next change retries.
      });
    };

    const schedule = () => {
      if (pending || ctx.isInvalid) return;
      pending = true;
      ctx.setTimeout(check, THROTTLE_MS);
    };

    check();
    const root = document.querySelector(APP_ROOTS);
    if (root) {
      const observer = new MutationObserver(schedule);
      observer.observe(root, { childList: true, subtree: true });
      ctx.onInvalidated(() => observer.disconnect());
    }
    ctx.addEventListener(window, 'wxt:locationchange', schedule);
  },
});
