import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { detect, findAppRoot, sameDetection, type Detection } from '../lib/detect';
import { DETECTION_GLOBAL, type DetectedMessage, type DetectorHandle } from '../lib/messages';

/** Mutations are batched: at most one detection pass per interval. */
const THROTTLE_MS = 30;
/** What the live state is read from; other attribute changes are ignored. */
const OBSERVED: MutationObserverInit = {
  childList: true,
  subtree: true,
  attributes: true,
  attributeFilter: ['aria-pressed', 'aria-label', 'class', 'data-test', 'data-test-users-count', 'hidden'],
};

/**
 * The detector: tiny and framework-free, so it is an unlisted script rather than a WXT content
 * script (whose context helper alone would take a third of the size budget). wxt.config.ts
 * declares it for the known hosts (every frame); the background registers it for sites users
 * add; the popup runs it once through activeTab. It tells the background what it finds each
 * time the page changes; the overlay (Preact) is injected only after a positive detection.
 */
export default defineUnlistedScript(() => {
  const scope = globalThis as Record<symbol, DetectorHandle | undefined>;
  // Another copy in this frame (static and user-registered, or run again by the popup): the
  // newest one takes over.
  scope[DETECTION_GLOBAL]?.stop();

  let last: Detection | null = null;
  let pending = false;
  let lastPass = 0;
  let root: Element | null = null;
  let href = location.href;
  const observer = new MutationObserver(() => schedule());
  const timers = new Set<ReturnType<typeof setTimeout>>();

  const later = (run: () => void, delay: number) => {
    const id = setTimeout(() => {
      timers.delete(id);
      run();
    }, delay);
    timers.add(id);
  };

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
    // The extension was reloaded or removed: this copy has no one to talk to.
    if (!browser.runtime?.id) return handle.stop();
    watch();
    const found = detect(document, new URL(location.href));
    if (!force && sameDetection(found, last)) return;
    last = found;
    handle.detection = found;
    const message: DetectedMessage = { type: 'kl:detected', detection: found };
    browser.runtime.sendMessage(message).catch(() => {
      // The background is restarting; the next change reports again.
    });
  };

  /** The first change is read at once (after the current task); a burst then waits its turn. */
  const schedule = () => {
    if (pending) return;
    pending = true;
    later(check, Math.max(0, lastPass + THROTTLE_MS - performance.now()));
  };

  // Single-page apps move between rooms and screens through the history API; the background
  // forgets a tab's frames when its address changes, so the finding is sent again.
  const onLocation = () => {
    if (location.href === href) return;
    href = location.href;
    later(() => check(true), THROTTLE_MS);
  };
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  const poll = navigation ? undefined : setInterval(onLocation, 1000);
  navigation?.addEventListener('navigatesuccess', onLocation);

  const handle: DetectorHandle = {
    detection: null,
    stop() {
      observer.disconnect();
      timers.forEach(clearTimeout);
      if (poll !== undefined) clearInterval(poll);
      navigation?.removeEventListener('navigatesuccess', onLocation);
      if (scope[DETECTION_GLOBAL] === handle) delete scope[DETECTION_GLOBAL];
    },
  };
  scope[DETECTION_GLOBAL] = handle;
  check();
});
