import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A thin layer over the two browser drivers (Playwright for Chromium, puppeteer-core over
 * WebDriver BiDi for Firefox), so a case in cases.ts is written once and runs in both. It speaks
 * only of what a person sees and does: go to a page, read the overlay and its shadow content,
 * click and type (trusted input, as a person's), open the extension's pages and popup.
 */

export type Engine = 'chromium' | 'firefox';

/** Long enough for the detector (document_idle) and the background to have acted. */
export const SETTLE_MS = 750;

/** Something on a page: a CSS selector, in the page or in the overlay's shadow root. */
export interface Target {
  css: string;
  /** Only elements whose accessible text (aria-label, else text) contains this. */
  text?: string;
  /** Look inside `<konferenzlotse-ui>`'s shadow root (top frame) instead of the document. */
  overlay?: boolean;
}

export interface OverlayHost {
  /** `top` or the host of the frame that holds it. */
  frame: string;
  platform: string | null;
  phase: string | null;
  /** Inside the shadow root (its first element), or on the host where an older build puts it. */
  role: string | null;
}

export interface Tab {
  goto(url: string): Promise<void>;
  /** Every overlay host in every frame of the tab. */
  overlays(): Promise<OverlayHost[]>;
  count(target: Target): Promise<number>;
  /** Text of the first match (null where there is none). */
  text(target: Target): Promise<string | null>;
  /** Texts of all matches. */
  texts(target: Target): Promise<string[]>;
  attr(target: Target, name: string): Promise<string | null>;
  /** Computed style properties of the first match. */
  style(target: Target, properties: string[]): Promise<Record<string, string> | null>;
  /** Does the focused element (through shadow roots) match? */
  focused(target: Target): Promise<boolean>;
  /** A trusted mouse click in the middle of the first match. */
  click(target: Target): Promise<void>;
  /** Clicks into a field, clears it and types (trusted key events). */
  fill(target: Target, value: string): Promise<void>;
  press(key: string): Promise<void>;
  /** A `data-*` value of the page's body (the fixtures count their own actions there). */
  bodyData(name: string): Promise<string | undefined>;
  close(): Promise<void>;
}

export interface Driver {
  /** The test's tab: blank at the start. */
  page: Tab;
  /** An extension page (`/options.html`, say) in a new tab. */
  extensionPage(path: string): Promise<Tab>;
  /** The toolbar popup for the active tab (in a window of its own: a driver cannot click the toolbar). */
  openPopup(): Promise<Tab>;
  /** Writes extension storage.local as the extension's own pages would. */
  setStorage(values: Record<string, unknown>): Promise<void>;
  getStorage(key: string): Promise<unknown>;
  /** Errors the extension logged and uncaught errors in pages, during this test. */
  errors: string[];
  /** Tabs and windows open (the harness's own excepted). */
  tabCount(): Promise<number>;
  /** Which browser process this is (the same for tests that share it). */
  browserId: string;
}

/** What both Playwright's Page and puppeteer's Page offer, as far as the cases need it. */
export interface PageLike {
  evaluate(fn: (arg: never) => unknown, arg: unknown): Promise<unknown>;
  frames(): { evaluate(fn: (arg: never) => unknown, arg: unknown): Promise<unknown>; url(): string }[];
  mainFrame(): unknown;
  mouse: { click(x: number, y: number): Promise<unknown> };
  keyboard: { press(key: string): Promise<unknown>; type(text: string): Promise<unknown> };
  close(): Promise<unknown>;
}

type Query =
  | { kind: 'count' | 'text' | 'texts' | 'rect' | 'focused'; target: Target }
  | { kind: 'attr'; target: Target; name: string }
  | { kind: 'style'; target: Target; properties: string[] };

/** Runs in the page (serialised: everything it uses is inside). */
function inPage(query: Query): unknown {
  const { target } = query;
  const host = document.querySelector('konferenzlotse-ui');
  const root: ParentNode | null | undefined = target.overlay ? host?.shadowRoot : document;
  const label = (el: Element) => (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
  const all = root ? [...root.querySelectorAll(target.css)].filter((el) => target.text === undefined || label(el).includes(target.text)) : [];
  const first = all[0] as HTMLElement | undefined;
  switch (query.kind) {
    case 'count':
      return all.length;
    case 'text':
      return first ? (first.textContent ?? '').replace(/\s+/g, ' ').trim() : null;
    case 'texts':
      return all.map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim());
    case 'attr':
      return first ? first.getAttribute(query.name) : null;
    case 'style': {
      if (!first) return null;
      const style = getComputedStyle(first);
      return Object.fromEntries(query.properties.map((p) => [p, style.getPropertyValue(p)]));
    }
    case 'rect': {
      if (!first) return null;
      first.scrollIntoView({ block: 'center', inline: 'center' });
      const r = first.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2, width: r.width, height: r.height };
    }
    case 'focused': {
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return Boolean(active && all.includes(active));
    }
  }
}

function overlaysInFrame(): Omit<OverlayHost, 'frame'>[] {
  return [...document.querySelectorAll('konferenzlotse-ui')].map((host) => ({
    platform: host.getAttribute('data-platform'),
    phase: host.getAttribute('data-phase'),
    role: host.shadowRoot?.querySelector('[data-role]')?.getAttribute('data-role') ?? host.getAttribute('data-role'),
  }));
}

/** One Tab implementation over either driver's page. */
export class DriverTab implements Tab {
  constructor(
    readonly raw: PageLike,
    private readonly navigate: (url: string) => Promise<void>,
  ) {}

  goto(url: string) {
    return this.navigate(url);
  }

  async overlays(): Promise<OverlayHost[]> {
    const found: OverlayHost[] = [];
    const main = this.raw.mainFrame();
    for (const frame of this.raw.frames()) {
      let hosts: Omit<OverlayHost, 'frame'>[] = [];
      try {
        hosts = (await frame.evaluate(overlaysInFrame as (arg: never) => unknown, null)) as typeof hosts;
      } catch {
        continue; // a frame that went away while we looked
      }
      for (const host of hosts) found.push({ frame: frame === main ? 'top' : new URL(frame.url()).host, ...host });
    }
    return found;
  }

  private query<T>(query: Query): Promise<T> {
    return this.raw.evaluate(inPage as (arg: never) => unknown, query) as Promise<T>;
  }

  count(target: Target) {
    return this.query<number>({ kind: 'count', target });
  }

  text(target: Target) {
    return this.query<string | null>({ kind: 'text', target });
  }

  texts(target: Target) {
    return this.query<string[]>({ kind: 'texts', target });
  }

  attr(target: Target, name: string) {
    return this.query<string | null>({ kind: 'attr', target, name });
  }

  style(target: Target, properties: string[]) {
    return this.query<Record<string, string> | null>({ kind: 'style', target, properties });
  }

  focused(target: Target) {
    return this.query<boolean>({ kind: 'focused', target });
  }

  async click(target: Target) {
    // Wait for the element, as a person would wait to see it.
    const deadline = Date.now() + 10_000;
    for (;;) {
      const rect = await this.query<{ x: number; y: number; width: number; height: number } | null>({ kind: 'rect', target });
      if (rect && rect.width > 0 && rect.height > 0) {
        await this.raw.mouse.click(rect.x, rect.y);
        return;
      }
      if (Date.now() > deadline) throw new Error(`nothing to click: ${JSON.stringify(target)}`);
      await sleep(100);
    }
  }

  async fill(target: Target, value: string) {
    await this.click(target);
    await this.raw.evaluate(() => {
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) active.select();
    }, null);
    await this.raw.keyboard.press('Backspace');
    await this.raw.keyboard.type(value);
  }

  async press(key: string) {
    await this.raw.keyboard.press(key);
  }

  async bodyData(name: string) {
    return (await this.raw.evaluate((n: string) => document.body.dataset[n], name)) as string | undefined;
  }

  async close() {
    await this.raw.close();
  }
}
