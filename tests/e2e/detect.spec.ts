import type { Page } from '@playwright/test';
import type { Detection } from '../../lib/detect';
import { extensionWorker } from '../../scripts/chromium';
import { DEMO_PAGES } from '../fixtures/sites';
import { expect, extensionWorlds, SETTLE_MS, test, ui } from './extension';

type Chrome = typeof import('wxt/browser').browser;

/**
 * What the background holds for this page's top frame: the detector's last report (the
 * background keeps each frame's report with its address in session storage).
 */
async function reported(page: Page): Promise<Detection | null> {
  const worker = await extensionWorker(page.context());
  const stored = await worker.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.storage.session.get(null));
  const url = page.url();
  for (const frames of Object.values(stored)) {
    for (const report of Object.values((frames ?? {}) as Record<string, { url?: string; detection?: Detection }>)) {
      if (report?.url === url && report.detection) return report.detection;
    }
  }
  return null;
}

/** The badge text of the page's tab: a platform's short name once something was detected. */
async function badge(page: Page): Promise<string> {
  const worker = await extensionWorker(page.context());
  return worker.evaluate(async (url) => {
    const api = (globalThis as unknown as { chrome: Chrome }).chrome;
    const [tab] = (await api.tabs.query({})).filter((t) => t.url === url);
    return tab?.id === undefined ? 'no tab' : api.action.getBadgeText({ tabId: tab.id });
  }, page.url());
}

test.describe('a conference faked on a matched host', () => {
  for (const spoof of DEMO_PAGES.filter((page) => page.title.startsWith('Spoof:'))) {
    test(`gets no notice and no alarm: ${spoof.title}`, async ({ page, consoleErrors }) => {
      await page.goto(spoof.url);
      await page.waitForTimeout(SETTLE_MS);
      // The detector ran there, and found nothing: no overlay, no badge, nothing reported.
      expect(await extensionWorlds(page)).toHaveLength(1);
      await expect(ui(page)).toHaveCount(0);
      expect(await badge(page)).toBe('');
      expect(await reported(page)).toBeNull();
      expect(consoleErrors).toEqual([]);
    });
  }
});

test.describe('the detection follows the page', () => {
  test('after the page re-renders its body, a changed head count is read', async ({ page, consoleErrors }) => {
    await page.goto('https://bbb.schule-musterstadt.de/html5client/?sessionToken=notrecording');
    await expect(ui(page)).toHaveAttribute('data-phase', 'meeting');
    await expect.poll(() => reported(page)).toMatchObject({ platform: 'bbb', phase: 'meeting', participants: 3 });

    // A framework re-rendering the whole body: the app root the detector watched is gone.
    await page.evaluate(() => {
      document.body.innerHTML = document.body.innerHTML;
    });
    await page.evaluate(() => document.querySelector('[data-test-users-count]')?.setAttribute('data-test-users-count', '4'));
    await expect.poll(() => reported(page)).toMatchObject({ phase: 'meeting', participants: 4 });
    // And it goes on following the new root.
    await page.evaluate(() => document.querySelector('[data-test-users-count]')?.setAttribute('data-test-users-count', '5'));
    await expect.poll(() => reported(page)).toMatchObject({ participants: 5 });
    expect(consoleErrors).toEqual([]);
  });

  test("reads BigBlueButton 2.x's head count when only the heading's text changes", async ({ page }) => {
    await page.goto('https://bbb.schule-musterstadt.de/html5client/join?sessionToken=v2-moderator');
    await expect.poll(() => reported(page)).toMatchObject({ platform: 'bbb', participants: 3 });
    await page.evaluate(() => {
      const heading = document.querySelector('[data-test="userList"] h2');
      (heading?.firstChild as Text).data = 'Teilnehmer (4)';
    });
    await expect.poll(() => reported(page)).toMatchObject({ participants: 4 });
  });

  test('reports a change promptly during a mutation storm in the meeting', async ({ page }) => {
    await page.goto('https://bbb.schule-musterstadt.de/html5client/?sessionToken=recording');
    await expect.poll(() => reported(page)).toMatchObject({ participants: 3, recording: true });
    // 20,000 nodes inside the app root and 1000 mutations every 100 ms, none of them read.
    await page.evaluate(() => {
      const box = document.createElement('div');
      box.hidden = true;
      const texts: Text[] = [];
      for (let i = 0; i < 20_000; i++) texts.push(box.appendChild(document.createElement('span')).appendChild(document.createTextNode('')));
      document.getElementById('app')?.append(box);
      let k = 0;
      setInterval(() => {
        for (let i = 0; i < 1000; i++) texts[(k++ * 7919) % texts.length]!.data = String(k);
      }, 100);
    });
    await page.waitForTimeout(1500);
    await page.evaluate(() => {
      document.querySelector('[data-test-users-count]')?.setAttribute('data-test-users-count', '6');
      document.querySelector('[data-test="recordingIndicator"] [role="button"]')?.setAttribute('aria-label', 'Aufzeichnung starten');
    });
    await expect.poll(() => reported(page)).toMatchObject({ participants: 6, recording: false });
  });
});
