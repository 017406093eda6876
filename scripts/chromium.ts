import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
/** The end-to-end build: the shipped extension plus the test hosts (see wxt.config.ts). */
export const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3-e2e');

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
/** Debian ships Chromium's UI languages apart; without them every extension runs in English. */
const DEBIAN_GERMAN_LOCALE = '/usr/lib/chromium/locales/de.pak';

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || DEBIAN_CHROMIUM;
}

export function assertChromium(): void {
  const path = chromiumPath();
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}.\n` +
        'Install the Debian/Ubuntu packages "chromium" and "chromium-l10n"\n' +
        '(sudo apt-get install -y chromium chromium-l10n), or point the CHROMIUM_PATH\n' +
        'environment variable at a Chromium binary.',
    );
  }
  if (path === DEBIAN_CHROMIUM && !existsSync(DEBIAN_GERMAN_LOCALE)) {
    throw new Error(
      `Chromium's German UI language is missing (${DEBIAN_GERMAN_LOCALE}).\n` +
        'Install the Debian/Ubuntu package "chromium-l10n" (sudo apt-get install -y chromium-l10n).',
    );
  }
}

export interface LaunchOptions {
  hostResolverRules: string;
  headless: boolean;
  /** Browser UI language: decides the extension's language (de or en). */
  language?: 'de' | 'en';
  /** Reuse a profile directory (e.g. to test a browser restart). */
  userDataDir?: string;
  /** Another build of the extension (e.g. a copy with an id of its own, for an admin policy). */
  extensionDir?: string;
}

/**
 * Debian's Chromium with the built extension. Every host name resolves to the fixture
 * server, so nothing leaves the machine, whatever a page or the browser asks for.
 */
export async function launchWithExtension(options: LaunchOptions): Promise<BrowserContext> {
  assertChromium();
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run "npm run build:e2e" first.`);
  }
  const language = options.language ?? 'de';
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'konferenzlotse-profile-'));
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: options.headless,
    ignoreDefaultArgs: ['--disable-extensions'],
    ignoreHTTPSErrors: true,
    locale: language === 'de' ? 'de-DE' : 'en-US',
    viewport: { width: 1280, height: 800 },
    env: { ...process.env, LANGUAGE: language, LANG: language === 'de' ? 'de_DE.UTF-8' : 'en_US.UTF-8' },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=${options.hostResolverRules}`,
      `--lang=${language}`,
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** The extension's service worker (its id is in the URL). */
export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  const running = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  return running ?? context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith('chrome-extension://') });
}

/** The extension's id, from its service worker's address. */
export async function extensionId(context: BrowserContext): Promise<string> {
  return new URL((await extensionWorker(context)).url()).host;
}

/** Ids of the extension's registered detectors (the background registers them for user-added and policy hosts). */
export async function registeredScripts(context: BrowserContext): Promise<string[]> {
  const worker = await extensionWorker(context);
  return worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    return (await api.scripting.getRegisteredContentScripts()).map((s) => s.id);
  });
}

/**
 * Opens the toolbar popup for the active tab. Playwright cannot click the toolbar, so the popup
 * page opens in a window of its own; it speaks about the last focused normal window's tab.
 */
export async function openPopup(context: BrowserContext): Promise<Page> {
  const worker = await extensionWorker(context);
  const opened = context.waitForEvent('page', { predicate: (p) => p.url().includes('/popup.html') });
  await worker.evaluate(() => {
    const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    return api.windows.create({ url: api.runtime.getURL('/popup.html'), type: 'popup', width: 420, height: 700 });
  });
  const popup = await opened;
  await popup.waitForLoadState();
  return popup;
}

/** The onboarding tab the extension opens on first install. */
export async function firstRunPage(context: BrowserContext): Promise<Page> {
  const isOnboarding = (p: Page) => p.url().includes('/onboarding.html');
  const page = context.pages().find(isOnboarding) ?? (await context.waitForEvent('page', { predicate: isOnboarding, timeout: 10_000 }));
  // Closing an extension page while it loads leaves Chromium's extension pages without their
  // messages (chrome.i18n answers ""), so it is closed only once loaded.
  await page.waitForLoadState();
  return page;
}
