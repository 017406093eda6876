/**
 * The single host element of all in-page UI: `<konferenzlotse-ui>` with an open shadow root,
 * kept in the page whatever the page does to it.
 *
 * Styles go in as a constructed stylesheet (adoptedStyleSheets), which a page CSP such as
 * `style-src 'self'` does not block; WXT's createShadowRootUi writes an inline <style>, which it
 * may. The host's own box is pinned twice, by `!important` rules on `:host` (a shadow tree's
 * important rules win over the page's) and by important inline declarations set through the
 * CSSOM (allowed under that CSP), so page rules such as `* { all: unset !important }` leave it
 * alone. Key events stop at the shadow root so typing in the overlay never fires the
 * conference's own keyboard shortcuts.
 *
 * The host is shown as a manual popover, in the browser's top layer: no transform, filter, clip
 * or z-index of the page's elements reaches it (a page that sets `transform` on `<html>` would
 * otherwise become the frame of every fixed element). It hangs from `<html>`, beside `<body>`,
 * so a page that re-renders its body does not even touch it. A page that removes it, moves it or replaces `<html>` gets it back at once
 * (a MutationObserver on `document` and `<html>`, child lists only). A page that defined a custom
 * element of the same name first, or keeps removing the host, gets a host with a name of its own.
 */

import { HOST_NAME } from '../../lib/messages';

export interface OverlayHost {
  element: HTMLElement;
  shadow: ShadowRoot;
  container: HTMLElement;
}

export interface HostKeeper {
  readonly host: OverlayHost;
  /** Puts the host, its content and its styles back where the page moved or removed them. */
  check(): void;
  dispose(): void;
}

/** Put back this often within a second before the host changes its name (then backs off). */
const BOUNCES_PER_SECOND = 5;

const PINNED: readonly [string, string][] = [
  ['position', 'fixed'],
  ['top', '0'],
  ['left', '0'],
  ['width', '0'],
  ['height', '0'],
  ['display', 'block'],
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['overflow', 'visible'],
  ['transform', 'none'],
  ['filter', 'none'],
  ['z-index', '2147483646'],
];

const ownName = () => `${HOST_NAME}-${Math.random().toString(36).slice(2, 10)}`;

/** A host element with our shadow root, or null where the page's own element of that name took it. */
function createHost(name: string, sheet: CSSStyleSheet): OverlayHost | null {
  const element = document.createElement(name);
  let shadow: ShadowRoot;
  try {
    shadow = element.attachShadow({ mode: 'open' });
  } catch {
    // A page-defined element of the same name attached a shadow root of its own first.
    return null;
  }
  shadow.adoptedStyleSheets = [sheet];
  const container = document.createElement('div');
  container.className = 'root';
  shadow.append(container);
  for (const type of ['keydown', 'keyup', 'keypress'] as const) {
    shadow.addEventListener(type, (event) => event.stopPropagation());
  }
  for (const [property, value] of PINNED) element.style.setProperty(property, value, 'important');
  element.popover = 'manual';
  return { element, shadow, container };
}

/** Into the top layer, above what the page put there before (a full-screen element, say). */
function raise(element: HTMLElement, again = false): void {
  try {
    if (again && element.matches(':popover-open')) element.hidePopover();
    if (element.isConnected && !element.matches(':popover-open')) element.showPopover();
  } catch {
    // Not connected yet, or a browser without popovers: the host stays a fixed element.
  }
}

/**
 * Mounts the host and keeps it mounted. `onNewHost` runs when the host had to be replaced by one
 * of another name: the caller renders into the new container.
 */
export function keepShadowHost(css: string, onNewHost: (host: OverlayHost, old: OverlayHost) => void): HostKeeper {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  let host = createHost(HOST_NAME, sheet) ?? createHost(ownName(), sheet)!;
  let bounces: number[] = [];
  let retry: ReturnType<typeof setTimeout> | undefined;
  let watched: Element | null = null;

  const observer = new MutationObserver(() => check());
  const onToggle = () => check();
  const onFullscreen = () => raise(host.element, true);
  document.addEventListener('fullscreenchange', onFullscreen);

  /** Watches `document` (for a new `<html>`), `<html>` (for the host) and our shadow root. */
  const watch = () => {
    if (watched === document.documentElement) return;
    observer.disconnect();
    watched = document.documentElement;
    observer.observe(document, { childList: true });
    if (watched) observer.observe(watched, { childList: true });
    observer.observe(host.shadow, { childList: true });
  };

  /** Hangs the host from `<html>`, in the top layer. */
  const put = () => {
    document.documentElement?.append(host.element);
    raise(host.element);
  };

  /** A new host: followed when it leaves the top layer, put in the page, watched. */
  const mount = () => {
    host.element.addEventListener('toggle', onToggle);
    put();
    watch();
  };

  const rename = () => {
    const old = host;
    host = createHost(ownName(), sheet) ?? host;
    if (host === old) return;
    old.element.removeEventListener('toggle', onToggle);
    old.element.remove();
    watched = null;
    mount();
    onNewHost(host, old);
  };

  function check() {
    watch();
    if (host.shadow.adoptedStyleSheets[0] !== sheet) host.shadow.adoptedStyleSheets = [sheet];
    if (host.container.parentNode !== host.shadow) host.shadow.append(host.container);
    if (host.element.parentNode === document.documentElement || !document.documentElement) return raise(host.element);
    const now = Date.now();
    bounces = [...bounces.filter((at) => now - at < 1000), now];
    if (bounces.length > 2 * BOUNCES_PER_SECOND) {
      // The page keeps removing even a host of our own name: back off instead of fighting.
      retry ??= setTimeout(() => {
        retry = undefined;
        put();
      }, 250);
    } else if (bounces.length > BOUNCES_PER_SECOND) {
      rename();
    } else {
      put();
    }
  }

  mount();
  // A page element of the same name may take itself out again as soon as it is connected.
  check();

  return {
    get host() {
      return host;
    },
    check,
    dispose() {
      observer.disconnect();
      clearTimeout(retry);
      document.removeEventListener('fullscreenchange', onFullscreen);
      host.element.removeEventListener('toggle', onToggle);
      host.element.remove();
    },
  };
}
