import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { extensionWorker, firstRunPage, launchWithExtension } from '../../scripts/chromium';

export { extensionId, firstRunPage, openPopup } from '../../scripts/chromium';
import { startFixtureServer, type FixtureServer } from '../../scripts/fixture-server';

interface TestFixtures {
  /** Browser UI language for this test. */
  language: 'de' | 'en';
  /** Leave the first-run onboarding tab open (closed otherwise, so tests start from one tab). */
  keepOnboarding: boolean;
  /** Errors the extension logged, and uncaught exceptions in pages, during the test. */
  consoleErrors: string[];
}

interface WorkerFixtures {
  server: FixtureServer;
}

/** Chromium with the built extension, every host name mapped to the local fixture server. */
export const test = base.extend<TestFixtures & { context: BrowserContext; page: Page }, WorkerFixtures>({
  server: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies first.
    async ({}, use) => {
      const server = await startFixtureServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  language: ['de', { option: true }],
  keepOnboarding: [false, { option: true }],
  context: async ({ server, language, keepOnboarding }, use) => {
    const context = await launchWithExtension({ hostResolverRules: server.hostResolverRules, headless: true, language });
    // A fresh profile is a first install: the extension opens its onboarding tab.
    const onboarding = await firstRunPage(context);
    if (!keepOnboarding) await onboarding.close();
    await use(context);
    await context.close();
  },
  consoleErrors: async ({ context }, use) => {
    const errors: string[] = [];
    // Pages may log errors of their own (a fixture's iframe autofocus, say); the extension's
    // are those logged from its files, anything its service worker logs, and any uncaught
    // exception (a broken page is the extension's fault until shown otherwise).
    context.on('console', (message) => {
      if (message.type() === 'error' && message.location().url.startsWith('chrome-extension://')) errors.push(`content: ${message.text()}`);
    });
    context.on('weberror', (error) => errors.push(`uncaught: ${error.error().message}`));
    (await extensionWorker(context)).on('console', (message) => {
      if (message.type() === 'error') errors.push(`service worker: ${message.text()}`);
    });
    await use(errors);
  },
  page: async ({ context }, use) => {
    const page = context.pages().find((p) => !p.url().includes('/onboarding.html')) ?? (await context.newPage());
    await use(page);
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

/** Long enough for the detector (document_idle) and the background to have acted. */
export const SETTLE_MS = 750;
