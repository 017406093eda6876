import { test as base, expect, type BrowserContext, type ConsoleMessage, type Page, type WebError, type Worker } from '@playwright/test';
import { extensionWorker, firstRunPage, launchWithExtension, openPopup } from '../../scripts/chromium';
import { startFixtureServer, type FixtureServer } from '../../scripts/fixture-server';
import { DriverTab, type Driver, type Engine, type PageLike } from './driver';
import { FirefoxSessions } from './firefox';

export { extensionId, firstRunPage, openPopup, registeredScripts } from '../../scripts/chromium';

type Language = 'de' | 'en';

/**
 * Time a test may spend starting its browser where none is running yet (the first test of a
 * worker, or one that needs its own): two browsers starting on two loaded cores take a while.
 */
export const LAUNCH_MS = 120_000;

interface TestFixtures {
  /** Browser UI language for this test. */
  language: Language;
  /** Leave the first-run onboarding tab open (closed otherwise, so tests start from one tab). */
  keepOnboarding: boolean;
  /** Errors the extension logged, and uncaught exceptions in pages, during the test. */
  consoleErrors: string[];
  context: BrowserContext;
  page: Page;
  /** The same test in either browser: see cases.ts. */
  driver: Driver;
}

interface WorkerFixtures {
  server: FixtureServer;
  /** Which browser the project runs (playwright.config.ts). */
  engine: Engine;
  /** One Chromium per UI language, started on first use and shared by the worker's tests. */
  chromiumSessions: ChromiumSessions;
  /** The same for Firefox (only the Firefox project uses it). */
  firefoxSessions: FirefoxSessions;
}

/**
 * A browser per worker, not per test. Between tests the extension is put back to a first
 * install's state: every tab and window closed but one blank tab, storage.local and
 * storage.session empty (so the role is the default and no site, profile or acknowledgement is
 * left), no registered content scripts, no host permission beyond the manifest's, no cookies.
 * The background's in-memory caches are derived from storage and dropped when it changes, so
 * they go with it. Where the state cannot be restored, the browser is replaced.
 */
class ChromiumSessions {
  private readonly sessions = new Map<Language, Promise<{ context: BrowserContext; origins: string[] }>>();

  constructor(private readonly server: FixtureServer) {}

  private async launch(language: Language) {
    const context = await launchWithExtension({ hostResolverRules: this.server.hostResolverRules, headless: true, language });
    await (await firstRunPage(context)).close();
    const worker = await extensionWorker(context);
    const origins = await worker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
      return (await api.permissions.getAll()).origins ?? [];
    });
    return { context, origins };
  }

  /** The worker's browser for this language, reset for the next test. */
  async acquire(language: Language): Promise<BrowserContext> {
    let session = this.sessions.get(language);
    if (!session) {
      session = this.launch(language);
      this.sessions.set(language, session);
    }
    const { context, origins } = await session;
    if (await resetChromium(context, origins)) return context;
    // Something could not be put back: a new browser, as a new test would have had it.
    await context.close().catch(() => {});
    this.sessions.delete(language);
    return this.acquire(language);
  }

  async close() {
    for (const session of this.sessions.values()) await (await session).context.close().catch(() => {});
  }
}

/** Puts the extension in a shared browser back to a first install's state; false if it could not. */
async function resetChromium(context: BrowserContext, origins: string[]): Promise<boolean> {
  const blank = await context.newPage();
  for (const page of context.pages()) if (page !== blank) await page.close();
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  await context.clearCookies();
  await context.clearPermissions();
  const worker = await extensionWorker(context);
  return worker.evaluate(async (manifestOrigins) => {
    const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    await api.scripting.unregisterContentScripts();
    const granted = (await api.permissions.getAll()).origins ?? [];
    const extra = granted.filter((o) => !manifestOrigins.includes(o));
    if (extra.length) await api.permissions.remove({ origins: extra }).catch(() => false);
    // A closed tab's last report may still be on its way to storage: clear until it stays empty.
    let empty = false;
    for (let i = 0; i < 20 && !empty; i++) {
      await Promise.all([api.storage.local.clear(), api.storage.session.clear()]);
      await new Promise((done) => setTimeout(done, 100));
      const [local, session] = await Promise.all([api.storage.local.get(null), api.storage.session.get(null)]);
      empty = Object.keys(local).length === 0 && Object.keys(session).length === 0;
    }
    const now = (await api.permissions.getAll()).origins ?? [];
    const scripts = await api.scripting.getRegisteredContentScripts();
    const windows = await api.windows.getAll();
    return (
      empty &&
      scripts.length === 0 &&
      windows.length === 1 &&
      now.length === manifestOrigins.length &&
      manifestOrigins.every((o) => now.includes(o))
    );
  }, origins);
}

/**
 * Pages may log errors of their own (a fixture's iframe autofocus, say); the extension's are
 * those logged from its files, anything its service worker logs, and any uncaught exception (a
 * broken page is the extension's fault until shown otherwise). Only one test's: `stop` removes
 * the listeners from the shared browser.
 */
async function watchErrors(context: BrowserContext): Promise<{ errors: string[]; stop(): void }> {
  const errors: string[] = [];
  const onConsole = (message: ConsoleMessage) => {
    if (message.type() === 'error' && message.location().url.startsWith('chrome-extension://')) errors.push(`content: ${message.text()}`);
  };
  const onWebError = (error: WebError) => errors.push(`uncaught: ${error.error().message}`);
  const onWorkerConsole = (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(`service worker: ${message.text()}`);
  };
  context.on('console', onConsole);
  context.on('weberror', onWebError);
  const worker: Worker = await extensionWorker(context);
  worker.on('console', onWorkerConsole);
  return {
    errors,
    stop() {
      context.off('console', onConsole);
      context.off('weberror', onWebError);
      worker.off('console', onWorkerConsole);
    },
  };
}

const browserIds = new WeakMap<BrowserContext, string>();
let launched = 0;

/** Browser-driver cases (cases.ts) over Chromium's shared or own browser. */
function chromiumDriver(context: BrowserContext, page: Page, errors: string[]): Driver {
  const tab = (p: Page) =>
    new DriverTab(
      p as unknown as PageLike,
      async (url) => void (await p.goto(url)),
    );
  const worker = () => extensionWorker(context);
  const base = async () => `chrome-extension://${new URL((await worker()).url()).host}`;
  if (!browserIds.has(context)) browserIds.set(context, `chromium-${process.pid}-${++launched}`);
  return {
    page: tab(page),
    errors,
    browserId: browserIds.get(context)!,
    async tabCount() {
      return context.pages().length;
    },
    async extensionPage(path) {
      const p = await context.newPage();
      await p.goto(`${await base()}${path}`);
      return tab(p);
    },
    async openPopup() {
      return tab(await openPopup(context));
    },
    async setStorage(values) {
      await (await worker()).evaluate(async (v) => {
        const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
        await api.storage.local.set(v);
      }, values);
    },
    async getStorage(key) {
      return (await worker()).evaluate(async (k) => {
        const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
        return (await api.storage.local.get(k))[k];
      }, key);
    },
  };
}

/** Chromium with the built extension, every host name mapped to the local fixture server. */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  server: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies first.
    async ({}, use) => {
      const server = await startFixtureServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  engine: ['chromium', { option: true, scope: 'worker' }],
  chromiumSessions: [
    async ({ server }, use) => {
      const sessions = new ChromiumSessions(server);
      await use(sessions);
      await sessions.close();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  firefoxSessions: [
    async ({ server }, use) => {
      const sessions = new FirefoxSessions(server);
      await use(sessions);
      await sessions.close();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  language: ['de', { option: true }],
  keepOnboarding: [false, { option: true }],
  context: async ({ server, language, keepOnboarding, chromiumSessions }, use, testInfo) => {
    // Starting a browser is not the test's time.
    testInfo.setTimeout(testInfo.timeout + LAUNCH_MS);
    if (!keepOnboarding) {
      await use(await chromiumSessions.acquire(language));
      return;
    }
    // A first install needs a browser of its own: the onboarding tab opens only once.
    const context = await launchWithExtension({ hostResolverRules: server.hostResolverRules, headless: true, language });
    await firstRunPage(context);
    await use(context);
    await context.close();
  },
  consoleErrors: async ({ context }, use) => {
    const watch = await watchErrors(context);
    await use(watch.errors);
    watch.stop();
  },
  page: async ({ context }, use) => {
    const page = context.pages().find((p) => !p.url().includes('/onboarding.html')) ?? (await context.newPage());
    await use(page);
  },
  driver: async ({ engine, language, chromiumSessions, firefoxSessions }, use, testInfo) => {
    testInfo.setTimeout(testInfo.timeout + LAUNCH_MS);
    if (engine === 'firefox') {
      const session = await firefoxSessions.acquire(language);
      await use(session.driver);
      session.release();
      return;
    }
    const context = await chromiumSessions.acquire(language);
    const watch = await watchErrors(context);
    await use(chromiumDriver(context, context.pages()[0]!, watch.errors));
    watch.stop();
  },
});

export { expect };

export const ui = (page: Page) => page.locator('konferenzlotse-ui');

/**
 * Origins of the extension's isolated worlds in the page's main frame: proof that a content
 * script ran there (or did not).
 */
export async function extensionWorlds(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const origins: string[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    if (context.origin.startsWith('chrome-extension://')) origins.push(context.origin);
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Runtime.disable');
  await cdp.detach();
  return origins;
}

export { SETTLE_MS } from './driver';
