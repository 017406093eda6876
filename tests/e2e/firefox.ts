import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, Page } from 'puppeteer-core';
import { startConnectProxy, type ConnectProxy } from '../../scripts/connect-proxy';
import type { FixtureServer } from '../../scripts/fixture-server';
import { launchFirefox, type FirefoxLaunchOptions } from '../../scripts/firefox';
import { DriverTab, type Driver, type PageLike } from './driver';

type Language = 'de' | 'en';


async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeout = 15_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Firefox: timed out waiting for ${what}`);
    await sleep(50);
  }
}

async function locationOf(page: Page): Promise<string | null> {
  return page.evaluate(() => (document.readyState === 'complete' ? location.href : null)).catch(() => null);
}

/**
 * Firefox over BiDi reports no navigation events for extension pages (they load in the
 * extension process), so puppeteer's goto never resolves there: start it, and wait for the page
 * itself instead.
 */
async function openExtensionUrl(page: Page, url: string): Promise<void> {
  void page.goto(url, { timeout: 60_000 }).catch(() => {});
  await waitFor(url, async () => (await locationOf(page)) === url);
}

/** The extension's part of what Firefox prints (stdout/stderr, with the console prefs set). */
export function extensionError(line: string): string | null {
  // Uncaught errors and rejections, in an extension context or in a page.
  const uncaught = /^JavaScript error: ((?:moz-extension|https?):\/\/\S*?), line \d+: (.*)$/.exec(line);
  if (uncaught) return `uncaught: ${uncaught[2]} (${uncaught[1]})`;
  // console.error from content (pages and the extension); Firefox's own modules log as "Name: ".
  const logged = /^console\.error: (.*)$/.exec(line);
  if (logged && !/^\(?[\w.]+:\s*\)?$/.test(logged[1]!.trim()) && !/^\w+: /.test(logged[1]!)) return `console: ${logged[1]}`;
  if (/Managed storage manifest not found/.test(line)) return `managed storage: ${line}`;
  return null;
}

/**
 * One Firefox with the extension and its own proxy: a control page (the options page, in a
 * popup window of its own, so it is never "the tab" the popup speaks about) reads and resets the
 * extension's state between tests.
 */
export class FirefoxSession {
  /** Every line Firefox printed, and the current test's extension errors. */
  readonly output: string[] = [];
  private errors: string[] | null = null;
  private origins: string[] = [];
  private control!: Page;
  private testPage: Page | null = null;
  private static started = 0;
  readonly id = `firefox-${process.pid}-${++FirefoxSession.started}`;

  private constructor(
    readonly browser: Browser,
    readonly base: string,
    readonly proxy: ConnectProxy,
  ) {
    const process = browser.process();
    for (const stream of [process?.stdout, process?.stderr]) {
      if (!stream) continue;
      createInterface({ input: stream }).on('line', (line) => {
        this.output.push(line);
        const error = extensionError(line);
        if (error) this.errors?.push(error);
      });
    }
  }

  static async start(server: FixtureServer, options: Omit<FirefoxLaunchOptions, 'proxyPort'> = {}): Promise<FirefoxSession> {
    const proxy = await startConnectProxy(server.port);
    try {
      const { browser, base } = await launchFirefox({ ...options, proxyPort: proxy.port });
      const session = new FirefoxSession(browser, base, proxy);
      await session.openControl();
      return session;
    } catch (error) {
      await proxy.close();
      throw error;
    }
  }

  /** The first tab becomes the control page, moved into a popup window of its own. */
  private async openControl(): Promise<void> {
    const [first] = await this.browser.pages();
    await openExtensionUrl(first!, `${this.base}/options.html`);
    const known = new Set(await this.browser.pages());
    const url = `${this.base}/options.html?control`;
    await first!.evaluate(async (u: string) => {
      await browser.windows.create({ url: u, type: 'popup', width: 500, height: 400 });
    }, url);
    this.control = await waitFor('the control page', async () => {
      for (const page of await this.browser.pages()) if (!known.has(page) && (await locationOf(page)) === url) return page;
      return null;
    });
    this.origins = await this.controlEval(async () => (await browser.permissions.getAll()).origins ?? []);
  }

  /** Runs in the control page, with the extension's `browser` API. */
  controlEval<T, A = null>(fn: (arg: A) => Promise<T> | T, arg?: A): Promise<T> {
    return this.control.evaluate(fn as (arg: unknown) => Promise<T>, arg ?? null) as Promise<T>;
  }

  /**
   * A first install's state for the next test: one blank tab, no other tab or window, empty
   * storage.local and storage.session, no registered content scripts, only the manifest's host
   * permissions. False where that could not be restored (the session is then replaced).
   * `keepState` only gives the one blank tab (a restart test reads what the last run stored).
   */
  async reset({ keepState = false } = {}): Promise<boolean> {
    // A normal window of its own: a new tab would land in the last focused window, the control's.
    const page = await this.browser.newPage({ type: 'window' });
    const clean = await this.controlEval(
      async ({ origins, keepState }) => {
        // The test's tab is the one just opened: the newest (tab ids only grow).
        const self = await browser.tabs.getCurrent();
        const test = (await browser.tabs.query({})).filter((t) => t.id !== self?.id).sort((a, b) => b.id! - a.id!)[0];
        if (!self || !test?.id) return false;
        for (const window of await browser.windows.getAll({ populate: true })) {
          if (window.id === self.windowId) continue;
          if (window.id !== test.windowId) {
            await browser.windows.remove(window.id!);
            continue;
          }
          const others = (window.tabs ?? []).filter((t) => t.id !== test.id).map((t) => t.id!);
          if (others.length) await browser.tabs.remove(others);
        }
        await browser.tabs.update(test.id, { active: true });
        await browser.windows.update(test.windowId!, { focused: true });
        if (keepState) return true;
        await browser.scripting.unregisterContentScripts();
        const granted = (await browser.permissions.getAll()).origins ?? [];
        const extra = granted.filter((o) => !origins.includes(o));
        if (extra.length) await browser.permissions.remove({ origins: extra }).catch(() => false);
        let empty = false;
        for (let i = 0; i < 20 && !empty; i++) {
          await Promise.all([browser.storage.local.clear(), browser.storage.session.clear()]);
          await new Promise((done) => setTimeout(done, 100));
          const [local, session] = await Promise.all([browser.storage.local.get(null), browser.storage.session.get(null)]);
          empty = Object.keys(local).length === 0 && Object.keys(session).length === 0;
        }
        const now = (await browser.permissions.getAll()).origins ?? [];
        const scripts = await browser.scripting.getRegisteredContentScripts();
        return empty && scripts.length === 0 && now.length === origins.length && origins.every((o) => now.includes(o));
      },
      { origins: this.origins, keepState },
    );
    // Puppeteer's own list of pages must agree: only the control page and the test's tab.
    for (const other of await this.browser.pages()) if (other !== page && other !== this.control) await other.close().catch(() => {});
    this.testPage = page;
    return clean;
  }

  private tab(page: Page): DriverTab {
    return new DriverTab(
      page as unknown as PageLike,
      async (url) => {
        if (url.startsWith('moz-extension:')) await openExtensionUrl(page, url);
        else await page.goto(url);
      },
    );
  }

  /** The driver for one test: its errors are those Firefox printed from now until `release`. */
  driver(): Driver {
    const errors: string[] = [];
    this.errors = errors;
    const session = this;
    return {
      page: this.tab(this.testPage!),
      errors,
      browserId: this.id,
      async tabCount() {
        return session.controlEval(async () => {
          const self = await browser.tabs.getCurrent();
          return (await browser.tabs.query({})).filter((t) => t.id !== self?.id).length;
        });
      },
      async extensionPage(path) {
        const page = await session.browser.newPage({ type: 'window' });
        await openExtensionUrl(page, `${session.base}${path}`);
        return session.tab(page);
      },
      async openPopup() {
        const known = new Set(await session.browser.pages());
        const url = `${session.base}/popup.html`;
        await session.controlEval(async (u: string) => {
          await browser.windows.create({ url: u, type: 'popup', width: 420, height: 700 });
        }, url);
        const popup = await waitFor('the popup', async () => {
          for (const page of await session.browser.pages()) if (!known.has(page) && (await locationOf(page)) === url) return page;
          return null;
        });
        return session.tab(popup);
      },
      setStorage(values) {
        return session.controlEval(async (v: Record<string, unknown>) => browser.storage.local.set(v), values);
      },
      getStorage(key) {
        return session.controlEval(async (k: string) => (await browser.storage.local.get(k))[k], key);
      },
    };
  }

  release(): void {
    this.errors = null;
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => {});
    await this.proxy.close();
  }
}

/** One Firefox per UI language and Playwright worker, reset between tests like Chromium's. */
export class FirefoxSessions {
  private readonly sessions = new Map<Language, Promise<FirefoxSession>>();

  constructor(private readonly server: FixtureServer) {}

  async acquire(language: Language): Promise<{ driver: Driver; session: FirefoxSession; release(): void }> {
    let pending = this.sessions.get(language);
    if (!pending) {
      pending = FirefoxSession.start(this.server, { language });
      this.sessions.set(language, pending);
    }
    const session = await pending;
    if (!(await session.reset().catch(() => false))) {
      await session.close();
      this.sessions.delete(language);
      return this.acquire(language);
    }
    return { driver: session.driver(), session, release: () => session.release() };
  }

  async close(): Promise<void> {
    for (const pending of this.sessions.values()) await (await pending).close();
  }
}

declare const browser: typeof import('wxt/browser').browser;
