import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { DETECTION_GLOBAL, type DetectedMessage, type DetectorHandle } from '../lib/messages';
import { MIN_DELAY_MS, watch } from '../lib/watch';

/**
 * The detector: tiny and framework-free, so it is an unlisted script rather than a WXT content
 * script (whose context helper alone would take a third of the size budget). wxt.config.ts
 * declares it for the known hosts (every frame); the background registers it for sites users
 * add; the popup runs it once through activeTab. It tells the background what it finds each
 * time the page changes (lib/watch.ts follows the page); the overlay (Preact) is injected only
 * after a positive detection.
 */
export default defineUnlistedScript(() => {
  const scope = globalThis as Record<symbol, DetectorHandle | undefined>;
  // Another copy in this frame (static and user-registered, or run again by the popup): the
  // newest one takes over.
  scope[DETECTION_GLOBAL]?.stop();

  const watcher = watch({
    report(detection) {
      // The extension was reloaded or removed: this copy has no one to talk to.
      if (!browser.runtime?.id) return handle.stop();
      const message: DetectedMessage = { type: 'kl:detected', detection };
      browser.runtime.sendMessage(message).catch(() => {
        // The background is restarting; the next change reports again.
      });
    },
  });

  // Single-page apps move between rooms and screens through the history API: the page is read
  // again once the app rendered the new address (the watcher then reports it again).
  let href = location.href;
  const onLocation = () => {
    if (location.href !== href) setTimeout(watcher.read, MIN_DELAY_MS);
    href = location.href;
  };
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  const poll = navigation ? undefined : setInterval(onLocation, 1000);
  navigation?.addEventListener('navigatesuccess', onLocation);

  const handle: DetectorHandle = {
    get detection() {
      return watcher.detection;
    },
    read: watcher.read,
    stop() {
      watcher.stop();
      clearInterval(poll);
      navigation?.removeEventListener('navigatesuccess', onLocation);
      if (scope[DETECTION_GLOBAL] === handle) delete scope[DETECTION_GLOBAL];
    },
  };
  scope[DETECTION_GLOBAL] = handle;
  watcher.read();
});
