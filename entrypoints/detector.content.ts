import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { detect, findAppRoot, sameDetection, type Detection } from '../lib/detect';
import { KNOWN_CONFERENCE_MATCHES } from '../lib/hosts';
import { DETECTION_GLOBAL, type DetectedMessage } from '../lib/messages';

/** Mutations are batched: at most one detection pass per interval. */
const THROTTLE_MS = 30;
/** What the live state is read from; other attribute changes are ignored. */
const OBSERVED = {
  childList: true,
  subtree: true,
  attributes: true,
  attributeFilter: ['aria-pressed', 'aria-label', 'class', 'data-test', 'data-test-users-count', 'hidden'],
};

/**
 * Tiny and framework-free: runs on matched hosts (every frame), and once on any page where the
 * toolbar button was used. Tells the background what it finds each time the page changes;
 * the overlay (Preact) is injected by the background only after a positive detection.
 */
export default defineContentScript({
  matches: [...KNOWN_CONFERENCE_MATCHES],
  allFrames: true,
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main(ctx) {
    // Static, user-registered and toolbar-run copies share this isolated world: run once.
    const scope = globalThis as Record<symbol, Detection | null | undefined>;
    if (DETECTION_GLOBAL in scope) return;

    let last: Detection | null = null;
    scope[DETECTION_GLOBAL] = null;
    let pending = false;
    let lastPass = 0;
    let root: Element | null = null;
    const observer = new MutationObserver(() => schedule());

    /** Watches the app root; stops when the page has no conference app any more. */
    const watch = () => {
      if (root?.isConnected) return;
      observer.disconnect();
      root = findAppRoot(document);
      if (root) observer.observe(root, OBSERVED);
    };

    const check = (force = false) => {
      pending = false;
      lastPass = performance.now();
      watch();
      const found = detect(document, new URL(location.href));
      if (!force && sameDetection(found, last)) return;
      last = found;
      scope[DETECTION_GLOBAL] = found;
      const message: DetectedMessage = { type: 'kl:detected', detection: found };
      browser.runtime.sendMessage(message).catch(() => {
        // The extension is reloading; its new copy starts over.
      });
    };

    /** The first change is read at once (after the current task); a burst then waits its turn. */
    const schedule = () => {
      if (pending || ctx.isInvalid) return;
      pending = true;
      ctx.setTimeout(check, Math.max(0, lastPass + THROTTLE_MS - performance.now()));
    };

    check();
    // Single-page apps move between rooms and screens through the history API; the background
    // forgets a tab's frames when its address changes, so the finding is sent again.
    ctx.addEventListener(window, 'wxt:locationchange', () => ctx.setTimeout(() => check(true), THROTTLE_MS));
    ctx.onInvalidated(() => {
      observer.disconnect();
      delete scope[DETECTION_GLOBAL];
    });
  },
});
