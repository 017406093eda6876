import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { GECKO_ID } from '../lib/editor/policy';
import { ROOT } from './chromium';

/** The Firefox end-to-end build (`wxt build -b firefox --mode e2e`). */
export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output', 'firefox-mv3-e2e');
/** A fixed internal uuid, so extension pages have a known address (moz-extension://<uuid>/). */
export const FIREFOX_UUID = '6d1c0b8e-4f53-4d8e-9a55-0b1f6a6c2f10';

const DEBIAN_FIREFOX = '/usr/bin/firefox-esr';
/** Debian ships Firefox's German UI apart; without it every extension runs in English. */
const DEBIAN_GERMAN_LANGPACK = '/usr/lib/firefox-esr/browser/extensions/langpack-de@firefox-esr.mozilla.org.xpi';

export function firefoxPath(): string {
  return process.env.FIREFOX_PATH || DEBIAN_FIREFOX;
}

export function assertFirefox(): void {
  const path = firefoxPath();
  if (!existsSync(path)) {
    throw new Error(
      `Firefox not found at ${path}.\n` +
        'Install the Debian/Ubuntu packages "firefox-esr" and "firefox-esr-l10n-de"\n' +
        '(sudo apt-get install -y firefox-esr firefox-esr-l10n-de), or point the FIREFOX_PATH\n' +
        'environment variable at a Firefox (140 or newer) binary.',
    );
  }
  if (path === DEBIAN_FIREFOX && !existsSync(DEBIAN_GERMAN_LANGPACK)) {
    throw new Error(
      `Firefox's German UI language is missing (${DEBIAN_GERMAN_LANGPACK}).\n` +
        'Install the Debian/Ubuntu package "firefox-esr-l10n-de" (sudo apt-get install -y firefox-esr-l10n-de).',
    );
  }
}

/**
 * Preferences that keep Firefox from asking anything of the network by itself (on top of the
 * ones puppeteer sets), send everything else through the test proxy, and let the tests use the
 * extension as a person who clicked "allow" would.
 */
export function firefoxPrefs(proxyPort: number, language: 'de' | 'en', extensionId = GECKO_ID): Record<string, unknown> {
  return {
    // Every request goes through the local proxy, localhost included; nothing goes direct.
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.share_proxy_settings': false,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    'network.proxy.failover_direct': false,
    // No DNS over HTTPS, no DNS prefetch, no speculative or predicted connections.
    'network.trr.mode': 5,
    'network.dns.disablePrefetch': true,
    'network.dns.disablePrefetchFromHTTPS': true,
    'network.prefetch-next': false,
    'network.predictor.enabled': false,
    'network.http.speculative-parallel-limit': 0,
    'browser.urlbar.speculativeConnect.enabled': false,
    'browser.places.speculativeConnect.enabled': false,
    // No captive-portal or connectivity checks.
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'captivedetect.canonicalURL': '',
    // No telemetry, studies, pings or crash reports.
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.archive.enabled': false,
    'toolkit.telemetry.server': '',
    'datareporting.healthreport.uploadEnabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'app.shield.optoutstudies.enabled': false,
    'app.normandy.enabled': false,
    'browser.ping-centre.telemetry': false,
    'browser.newtabpage.activity-stream.feeds.telemetry': false,
    'browser.newtabpage.activity-stream.telemetry': false,
    'browser.crashReports.unsubmittedCheck.enabled': false,
    // No remote settings, no updates of the browser, its add-ons or its blocklists.
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
    'app.update.disabledForTesting': true,
    'app.update.auto': false,
    'extensions.update.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'extensions.blocklist.enabled': false,
    'extensions.systemAddon.update.enabled': false,
    'media.gmp-manager.updateEnabled': false,
    'browser.search.update': false,
    'browser.region.update.enabled': false,
    'browser.region.network.url': '',
    'security.remote_settings.crlite_filters.enabled': false,
    'security.remote_settings.intermediates.enabled': false,
    'security.OCSP.enabled': 0,
    // No safe-browsing lists or look-ups.
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.safebrowsing.downloads.remote.enabled': false,
    'browser.safebrowsing.blockedURIs.enabled': false,
    'browser.safebrowsing.update.enabled': false,
    'browser.safebrowsing.provider.google.updateURL': '',
    'browser.safebrowsing.provider.google4.updateURL': '',
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    // A quiet start page.
    'browser.newtabpage.enabled': false,
    'browser.startup.page': 0,
    'browser.aboutwelcome.enabled': false,
    'trailhead.firstrun.didSeeAboutWelcome': true,
    // The extension: MV3 host permissions granted at install (as a person would, once), a
    // clicked permissions.request answered without the prompt a test cannot click, a fixed
    // address for its pages, and its storage kept across a restart (a temporary install is
    // removed when the browser closes).
    'extensions.originControls.grantByDefault': true,
    'extensions.webextOptionalPermissionPrompts': false,
    'extensions.webextensions.uuids': JSON.stringify({ [extensionId]: FIREFOX_UUID }),
    'extensions.webextensions.keepStorageOnUninstall': true,
    'extensions.webextensions.keepUuidOnUninstall': true,
    // Console messages and uncaught errors of pages and extension contexts go to stdout, where the
    // tests read the extension's errors (WebDriver BiDi reports none from extension contexts).
    'devtools.console.stdout.content': true,
    'devtools.console.stdout.chrome': false,
    'messaging-system.rsexperimentloader.enabled': false,
    // The UI language decides the extension's language.
    'intl.locale.requested': language === 'de' ? 'de' : 'en-US',
    'intl.accept_languages': language === 'de' ? 'de-DE, de' : 'en-US, en',
  };
}

export interface FirefoxLaunchOptions {
  proxyPort: number;
  language?: 'de' | 'en';
  /** Reuse a profile directory (e.g. to test a browser restart). */
  userDataDir?: string;
  /** The built extension to install (a copy with another gecko id, say). */
  extensionDir?: string;
  extensionId?: string;
}

export interface FirefoxWithExtension {
  browser: Browser;
  /** moz-extension://<uuid> */
  base: string;
  userDataDir: string;
}

/**
 * Debian's Firefox ESR over WebDriver BiDi with the built extension installed temporarily (it is
 * unsigned). Every request goes through the test proxy, which serves only the fixture hosts.
 */
export async function launchFirefox(options: FirefoxLaunchOptions): Promise<FirefoxWithExtension> {
  assertFirefox();
  const extensionDir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run "npm run build:e2e" first.`);
  }
  const language = options.language ?? 'de';
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'konferenzlotse-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: firefoxPath(),
    headless: true,
    acceptInsecureCerts: true,
    userDataDir,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: firefoxPrefs(options.proxyPort, language, options.extensionId),
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1', LANGUAGE: language, LANG: language === 'de' ? 'de_DE.UTF-8' : 'en_US.UTF-8' },
    defaultViewport: { width: 1280, height: 800 },
  });
  await browser.installExtension(extensionDir);
  return { browser, base: `moz-extension://${FIREFOX_UUID}`, userDataDir };
}
