import { render } from 'preact';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { Overlay, type OverlayActions } from '../../components/Overlay';
import type { Platform } from '../../lib/detect';
import { DETECTION_GLOBAL, isMessage, type DetectorHandle, type RenderMessage } from '../../lib/messages';
import { placePanels } from '../../lib/placement';
import { LEAVE_CONTROLS, shouldGuard } from '../../lib/rules/leave';
import { KEY_REGIONS, keyRegionBoxes } from '../../lib/rules/regions';
import { createOverlayStore } from '../../lib/state/overlay';
import { t } from '../../lib/state/i18n';
import { acknowledgeNotice, forgetTicks, loadRoomMemory, openSummary, rememberChecklistOpen, saveTicks, setGuardOff } from '../../lib/state/room';
import { keepShadowHost, type HostKeeper, type OverlayHost } from './host';
import css from './style.css?inline';

const LOADED = Symbol.for('konferenzlotse.overlay');
const lang = t('htmlLang') === 'en' ? 'en' : 'de';

/**
 * How often the overlay looks again at the page's layout (a chat opened, a dialog closed), its
 * host and the extension. Resizes and every new detection are followed at once anyway.
 */
const TICK_MS = 2000;

/** The extension is still there (a reload or an update leaves old content scripts without it). */
function extensionAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}

/**
 * The in-page UI. Not in the manifest: the background injects it into a frame only after the
 * detector found a conference there, then sends it what to show.
 *
 * It does not use WXT's content-script context (`ctx`): that context stops a script as soon as
 * the page dispatches one DOM event named after the extension id (`…:wxt:content-script-started`),
 * which would take the overlay and the leave-last guard down at the page's word. A second copy
 * of this script in the same frame shares this isolated world and finds the first one by a global
 * symbol the page cannot reach; the overlay stops only when the extension runtime is gone.
 */
export default defineContentScript({
  // Injected by the background; the hosts it may run on are the manifest's host permissions.
  registration: 'runtime',
  matches: [],
  noScriptStartedPostMessage: true,
  main() {
    const scope = globalThis as { [LOADED]?: true };
    if (scope[LOADED]) return;
    scope[LOADED] = true;

    const store = createOverlayStore();
    let keeper: HostKeeper | null = null;
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

    /** Every action here follows a trusted event in the UI (components/ check `isTrusted`). */
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
      toggleChecklist() {
        const { roomKey } = store.getState();
        const open = store.getState().toggleChecklist();
        void rememberChecklistOpen(roomKey, open);
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
      if (!control) return;
      // The page as it is at this click: in a busy meeting the last report may lag by a second.
      const detector = (globalThis as Record<symbol, DetectorHandle | undefined>)[DETECTION_GLOBAL];
      const detection = detector ? detector.read() : store.getState().detection;
      if (!detection || !shouldGuard(detection, store.getState().guardOff)) return;
      if (!extensionAlive()) return stop();
      event.preventDefault();
      event.stopImmediatePropagation();
      store.getState().holdLeave(control);
    };
    window.addEventListener('click', guard, true);
    window.addEventListener('keydown', guard, true);

    /** Places the panels beside the platform's key regions, in the window as it is now (an unchanged place changes nothing in the store). */
    const place = (platform: Platform | undefined = store.getState().detection?.platform) => {
      if (!platform) return;
      const root = document.documentElement;
      const viewport = { width: root.clientWidth || window.innerWidth, height: root.clientHeight || window.innerHeight };
      const regions = keyRegionBoxes(document, KEY_REGIONS[platform]);
      store.getState().setPlacement({ ...placePanels(viewport, regions), viewport: `${window.innerWidth}x${window.innerHeight}` });
    };
    let frame = 0;
    const onResize = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => place());
    };
    window.addEventListener('resize', onResize);

    const overlay = () => <Overlay store={store} t={t} lang={lang} actions={actions} />;

    /** Writes what the page may know (platform, phase) on the host; the role stays inside. */
    const label = (host: OverlayHost) => {
      const { detection, role } = store.getState();
      if (!detection) return;
      const set = (element: HTMLElement, name: 'platform' | 'phase' | 'role', value: string) => {
        if (element.dataset[name] !== value) element.dataset[name] = value;
      };
      set(host.element, 'platform', detection.platform);
      set(host.element, 'phase', detection.phase);
      set(host.container, 'role', role);
    };

    const unmount = () => {
      if (!keeper) return;
      render(null, keeper.host.container);
      keeper.dispose();
      keeper = null;
    };

    const sync = () => {
      if (!store.getState().detection) return unmount();
      if (!keeper) {
        keeper = keepShadowHost(css, (host, old) => {
          render(null, old.container);
          render(overlay(), host.container);
          label(host);
        });
        render(overlay(), keeper.host.container);
      }
      label(keeper.host);
    };
    store.subscribe(sync);

    /** The background's message plus what this browser remembers for the profile and room. */
    const show = async (message: RenderMessage) => {
      const { profile, profileKey, roomKey } = message;
      const memory = await loadRoomMemory(profileKey, profile?.version ?? 0, roomKey);
      // Measured before the panels show, so they appear in their place.
      place(message.detection?.platform);
      store.getState().show({
        detection: message.detection,
        role: message.role,
        profile,
        profileKey,
        roomKey,
        acknowledged: memory.acknowledged,
        ticks: memory.ticks,
        guardOff: memory.guardOff,
        checklistOpen: memory.checklistOpen,
      });
    };

    const onMessage = (message: unknown) => {
      if (isMessage(message) && message.type === 'kl:render') void show(message);
    };
    browser.runtime.onMessage.addListener(onMessage);

    const tick = setInterval(() => {
      if (!extensionAlive()) return stop();
      if (!keeper || document.hidden) return;
      keeper.check();
      place();
    }, TICK_MS);

    /** The extension was reloaded, updated or removed: this copy leaves the page. */
    function stop() {
      clearInterval(tick);
      cancelAnimationFrame(frame);
      try {
        browser.runtime.onMessage.removeListener(onMessage);
      } catch {
        // Without a runtime there is no listener left to remove.
      }
      window.removeEventListener('click', guard, true);
      window.removeEventListener('keydown', guard, true);
      window.removeEventListener('resize', onResize);
      unmount();
      delete scope[LOADED];
    }
  },
});
