import { render } from 'preact';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { Overlay, type OverlayActions } from '../../components/Overlay';
import { t } from '../../lib/i18n';
import { isMessage, type OpenSummaryMessage, type RenderMessage } from '../../lib/messages';
import { LEAVE_CONTROLS, shouldGuard } from '../../lib/rules/leave';
import { createOverlayStore } from '../../lib/state/overlay';
import { acknowledgements, checklistTicks, guardOff } from '../../lib/state/storage';
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
        const { profile } = store.getState();
        store.getState().acknowledge();
        if (profile) void acknowledgements.getValue().then((acks) => acknowledgements.setValue({ ...acks, [profile.id]: profile.version }));
      },
      tick(id, checked) {
        const { roomKey } = store.getState();
        store.getState().setTick(id, checked);
        const ticks = store.getState().ticks;
        void checklistTicks.getValue().then((all) => checklistTicks.setValue({ ...all, [roomKey]: ticks }));
      },
      resetTicks() {
        const { roomKey } = store.getState();
        store.getState().resetTicks();
        void checklistTicks.getValue().then(({ [roomKey]: _, ...rest }) => checklistTicks.setValue(rest));
      },
      openSummary() {
        const id = store.getState().profile?.id;
        if (!id) return;
        const message: OpenSummaryMessage = { type: 'kl:open-summary', profileId: id };
        void browser.runtime.sendMessage(message);
      },
      guardOff(off) {
        const { roomKey } = store.getState();
        store.getState().setGuardOff(off);
        void guardOff.getValue().then(({ [roomKey]: _, ...rest }) => guardOff.setValue(off ? { ...rest, [roomKey]: true } : rest));
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
      const [acks, ticks, off] = await Promise.all([acknowledgements.getValue(), checklistTicks.getValue(), guardOff.getValue()]);
      const { profile, roomKey } = message;
      store.getState().show({
        detection: message.detection,
        role: message.role,
        profile,
        roomKey,
        acknowledged: profile ? acks[profile.id] === profile.version : false,
        ticks: ticks[roomKey] ?? {},
        guardOff: off[roomKey] === true,
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
