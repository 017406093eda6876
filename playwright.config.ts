import { defineConfig } from '@playwright/test';
import type { Engine } from './tests/e2e/driver';

export default defineConfig<object, { engine: Engine }>({
  testDir: 'tests/e2e',
  // One browser with the extension per worker (reset between tests); two cores on CI.
  workers: process.env.CI ? 2 : undefined,
  fullyParallel: true,
  retries: 0,
  timeout: 30_000,
  // Two cores run two browsers at once: give a loaded machine time.
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  projects: [
    // Every spec, in Debian's Chromium through Playwright.
    { name: 'chromium', testIgnore: /firefox\// },
    // The cases written for both browsers, and Firefox's own (the proxy, the policy file), in
    // Debian's Firefox ESR through puppeteer-core over WebDriver BiDi.
    { name: 'firefox', use: { engine: 'firefox' }, testMatch: [/cases\.spec\.ts$/, /isolation\.spec\.ts$/, /firefox\/.+\.spec\.ts$/] },
  ],
});
