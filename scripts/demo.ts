/**
 * npm run demo: the built extension on the demo conference pages.
 * With a display, a Chromium window opens on every demo page; without one (or with --headless)
 * each page is visited, screenshotted to demo-output/ and described, then the demo exits.
 * Options: --headless, --lang=en.
 */
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { DEMO_PAGES, type DemoPage } from '../tests/fixtures/sites';
import { launchWithExtension, ROOT } from './chromium';
import { startFixtureServer } from './fixture-server';

const OUTPUT = join(ROOT, 'demo-output');
const SETTLE_MS = 750;

const args = process.argv.slice(2);
const headless = args.includes('--headless') || !process.env.DISPLAY;
const language = args.includes('--lang=en') ? 'en' : 'de';

/** What the extension shows on the page: platform/phase of the overlay, or nothing. */
async function observe(page: Page, demo: DemoPage): Promise<string> {
  const host = page.locator('konferenzlotse-ui');
  if (demo.expect) {
    await host.and(page.locator(`[data-phase="${demo.expect.phase}"]`)).waitFor({ timeout: 5_000 }).catch(() => {});
  } else {
    await page.waitForTimeout(SETTLE_MS);
  }
  if ((await host.count()) === 0) return 'nothing';
  const [platform, phase, role] = await Promise.all(
    ['data-platform', 'data-phase', 'data-role'].map((name) => host.getAttribute(name)),
  );
  const notice = (await host.getByTestId('notice').count()) > 0 ? ', join notice' : '';
  return `${platform} / ${phase} / ${role}${notice}`;
}

async function runHeadless(context: BrowserContext): Promise<boolean> {
  mkdirSync(OUTPUT, { recursive: true });
  let allAsExpected = true;
  const page = context.pages()[0] ?? (await context.newPage());
  for (const [index, demo] of DEMO_PAGES.entries()) {
    await page.goto(demo.url);
    const seen = await observe(page, demo);
    const expected = demo.expect ? `${demo.expect.platform} / ${demo.expect.phase}` : 'nothing';
    const ok = demo.expect ? seen.startsWith(expected) : seen === 'nothing';
    allAsExpected &&= ok;
    const file = join(OUTPUT, `${String(index + 1).padStart(2, '0')}-${new URL(demo.url).host}${new URL(demo.url).pathname.replaceAll('/', '_')}.png`);
    await page.screenshot({ path: file });
    console.log(`${ok ? '✔' : '✘'} ${demo.title}\n    page:       ${demo.url}\n    detected:   ${seen}${ok ? '' : `   (expected ${expected})`}\n    screenshot: ${relative(process.cwd(), file)}`);
  }
  return allAsExpected;
}

async function runHeaded(context: BrowserContext): Promise<void> {
  const first = context.pages()[0] ?? (await context.newPage());
  for (const [index, demo] of DEMO_PAGES.entries()) {
    const page = index === 0 ? first : await context.newPage();
    await page.goto(demo.url);
    console.log(`  ${demo.url}  (${demo.title})`);
  }
  await first.bringToFront();
  console.log('\nClose the browser window to end the demo.');
  await new Promise<void>((done) => context.on('close', () => done()));
}

const server = await startFixtureServer();
let exitCode = 0;
try {
  console.log(`Konferenzlotse demo: ${DEMO_PAGES.length} pages served from 127.0.0.1:${server.port}; no request leaves this machine.\n`);
  const context = await launchWithExtension({ hostResolverRules: server.hostResolverRules, headless, language });
  if (headless) {
    exitCode = (await runHeadless(context)) ? 0 : 1;
    await context.close();
    console.log(exitCode === 0 ? '\nEvery page showed what it should.' : '\nSome pages did not show what they should.');
  } else {
    await runHeaded(context);
  }
} catch (error) {
  console.error((error as Error).message);
  exitCode = 1;
} finally {
  await server.close();
}
process.exit(exitCode);
