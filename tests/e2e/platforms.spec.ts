import type { Page } from '@playwright/test';
import { DEMO_PAGES, SITES } from '../fixtures/sites';
import { expect, extensionWorlds, SETTLE_MS, test } from './extension';
import { shownRole } from './overlay-helpers';

/** Overlay hosts in every frame of the tab, with the frame they are in. */
async function overlays(page: Page) {
  const found: { frame: string; platform: string | null; phase: string | null; role: string | null }[] = [];
  for (const frame of page.frames()) {
    for (const host of await frame.locator('konferenzlotse-ui').all()) {
      found.push({
        frame: frame === page.mainFrame() ? 'top' : new URL(frame.url()).host,
        platform: await host.getAttribute('data-platform'),
        phase: await host.getAttribute('data-phase'),
        role: await shownRole(host).getAttribute('data-role'),
      });
    }
  }
  return found;
}

const activation = (url: string) => SITES.find((s) => s.host === new URL(url).host)?.activation;

test.describe('each platform under its host', () => {
  for (const demo of DEMO_PAGES.filter((d) => d.expect)) {
    test(`${demo.title}: ${demo.expect!.platform} / ${demo.expect!.phase}`, async ({ page, consoleErrors }) => {
      await page.goto(demo.url);
      await expect.poll(() => overlays(page)).toEqual([
        expect.objectContaining({ platform: demo.expect!.platform, phase: demo.expect!.phase, role: 'student' }),
      ]);
      // Still exactly one a moment later: no second frame or second injection adds one.
      await page.waitForTimeout(SETTLE_MS);
      expect(await overlays(page)).toHaveLength(1);
      expect(consoleErrors).toEqual([]);
    });
  }
});

test('an embedded Jitsi gets its one overlay inside the conference frame', async ({ page }) => {
  await page.goto('https://portal.gymnasium-musterstadt.de/unterricht/mathe7b');
  await expect.poll(() => overlays(page)).toEqual([expect.objectContaining({ frame: 'meet.jit.si', platform: 'jitsi' })]);
  await expect(page.locator('konferenzlotse-ui')).toHaveCount(0);
});

test.describe('where the extension stays out', () => {
  for (const demo of DEMO_PAGES.filter((d) => !d.expect)) {
    const matched = ['known', 'e2e'].includes(activation(demo.url) ?? 'none');
    test(`${matched ? 'detector runs but shows nothing' : 'no content script at all'}: ${demo.title}`, async ({ page, consoleErrors }) => {
      await page.goto(demo.url);
      await page.waitForTimeout(SETTLE_MS);
      expect(await extensionWorlds(page)).toHaveLength(matched ? 1 : 0);
      expect(await overlays(page)).toEqual([]);
      expect(consoleErrors).toEqual([]);
    });
  }
});
