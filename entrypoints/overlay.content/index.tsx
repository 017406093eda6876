import { render } from 'preact';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { Overlay, type OverlayActions } from '../../components/Overlay';
import { t } from '../../lib/state/i18n';
import { isMessage, type RenderMessage } from '../../lib/messages';
import { LEAVE_CONTROLS, shouldGuard } from '../../lib/rules/leave';
import { createOverlayStore } from '../../lib/state/overlay';
import { acknowledgeNotice, forgetTicks, loadRoomMemory, openSummary, saveTicks, setGuardOff } from '../../lib/state/room';
import { mountShadowHost } from './host';
import css from './style.css?inline';

const LOADED = Symbol.for('konferenzlotse.overlay');
const lang = t('htmlLang') === 'en' ? 'en' : 'de';

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
    /** Set while the guard lets a held click through to the page. */
    let passThrough = false;

    const controls = () => {
      const platform = store.getState().detection?.platform;
      return platform ? LEAVE_CONTROLS[platform] : undefined;
    };

    /** Replays a click on the page's own control, which our guard lets through once. */
    const clickThrough = (element: Element | null) => {
      if (!(element instanceof HTMLElement)) return;
      passThrough = true;
      try {
        element.click();
      } finally {
        passThrough = false;
      }
    };

    const actions: OverlayActions = {
      acknowledge() {
        const { profile, profileKey } = store.getState();
        store.getState().acknowledge();
        if (profile && profileKey) void acknowledgeNotice(profileKey, profile.version);
      },
      tick(id, checked) {
        const { roomKey } = store.getState();
        store.getState().setTick(id, checked);
        const ticks = store.getState().ticks;
        void saveTicks(roomKey, ticks);
      },
      resetTicks() {
        const { roomKey } = store.getState();
        store.getState().resetTicks();
        void forgetTicks(roomKey);
      },
      openSummary() {
        const key = store.getState().profileKey;
        if (key) void openSummary(key);
      },
      guardOff(off) {
        const { roomKey } = store.getState();
        store.getState().setGuardOff(off);
        void setGuardOff(roomKey, off);
      },
      leaveAnyway() {
        const held = store.getState().heldLeave;
        store.getState().holdLeave(null);
        clickThrough(held);
      },
      endForAll() {
        const end = controls()?.end;
        store.getState().holdLeave(null);
        clickThrough(end ? document.querySelector(end) : null);
      },
      stay() {
        const held = store.getState().heldLeave;
        store.getState().holdLeave(null);
        if (held instanceof HTMLElement) held.focus();
      },
      canEnd: () => Boolean(controls()?.end && document.querySelector(controls()!.end)),
    };

    /** Holds a moderator's leave (click, or Enter/Space on the control) in the capture phase. */
    const guard = (event: Event) => {
      if (passThrough || !(event.target instanceof Element)) return;
      if (event instanceof KeyboardEvent && event.key !== 'Enter' && event.key !== ' ') return;
      const leave = controls()?.leave;
      const control = leave ? event.target.closest(leave) : null;
      const { detection, guardOff: off } = store.getState();
      if (!control || !detection || !shouldGuard(detection, off)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      store.getState().holdLeave(control);
    };
    window.addEventListener('click', guard, true);
    window.addEventListener('keydown', guard, true);

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
        render(<Overlay store={store} t={t} lang={lang} actions={actions} />, host.container);
      }
      host.element.dataset.platform = detection.platform;
      host.element.dataset.phase = detection.phase;
      host.element.dataset.role = role;
    };
    store.subscribe(sync);

    /** The background's message plus what this browser remembers for the profile and room. */
    const show = async (message: RenderMessage) => {
      const { profile, profileKey, roomKey } = message;
      const memory = await loadRoomMemory(profileKey, profile?.version ?? 0, roomKey);
      store.getState().show({
        detection: message.detection,
        role: message.role,
        profile,
        profileKey,
        roomKey,
        acknowledged: memory.acknowledged,
        ticks: memory.ticks,
        guardOff: memory.guardOff,
      });
    };

    const onMessage = (message: unknown) => {
      if (isMessage(message) && message.type === 'kl:render') void show(message);
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      window.removeEventListener('click', guard, true);
      window.removeEventListener('keydown', guard, true);
      unmount();
      delete scope[LOADED];
    });
  },
});
