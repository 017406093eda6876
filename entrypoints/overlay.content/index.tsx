import { render } from 'preact';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { Overlay } from '../../components/Overlay';
import { t } from '../../lib/i18n';
import { isMessage } from '../../lib/messages';
import { createOverlayStore } from '../../lib/state/overlay';
import { mountShadowHost } from './host';
import css from './style.css?inline';

const LOADED = Symbol.for('konferenzlotse.overlay');

/**
 * The in-page UI. Not in the manifest: the background injects it into a frame only after the
 * detector found a conference there, then sends it what to show.
 */
export default defineContentScript({
  // Injected by the background; the hosts it may run on are the manifest's host permissions.
  registration: 'runtime',
  matches: [],
  noScriptStartedPostMessage: true,
  main(ctx) {
    const scope = globalThis as { [LOADED]?: true };
    if (scope[LOADED]) return;
    scope[LOADED] = true;

    const store = createOverlayStore();
    let host: ReturnType<typeof mountShadowHost> | null = null;

    const unmount = () => {
      if (!host) return;
      render(null, host.container);
      host.remove();
      host = null;
    };

    const sync = () => {
      const { detection, role } = store.getState();
      if (!detection) return unmount();
      if (!host) {
        host = mountShadowHost(css);
        render(<Overlay store={store} t={t} />, host.container);
      }
      host.element.dataset.platform = detection.platform;
      host.element.dataset.phase = detection.phase;
      host.element.dataset.role = role;
    };
    store.subscribe(sync);

    const onMessage = (message: unknown) => {
      if (isMessage(message) && message.type === 'kl:render') store.getState().show(message.detection, message.role);
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      unmount();
      delete scope[LOADED];
    });
  },
});
