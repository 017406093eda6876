import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e',
  // One browser with the extension per worker; two cores on CI.
  workers: process.env.CI ? 2 : undefined,
  fullyParallel: true,
  retries: 0,
  timeout: 30_000,
  // Two cores run two browsers at once: give a loaded machine time.
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results',
});
