import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { extensionId, extensionWorker, launchWithExtension } from '../../scripts/chromium';
import { expect, extensionWorlds, firstRunPage, registeredScripts, SETTLE_MS, test, ui } from './extension';

const SITE = 'https://meet.gymnasium-musterstadt.de/Mathe7b';

async function optionsPage(context: BrowserContext) {
  const id = await extensionId(context);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`chrome-extension://${id}/options.html`);
  return page;
}

test('a site the user adds works at once and after a browser restart', async ({ server }) => {
  test.setTimeout(90_000); // two browser starts
  const userDataDir = mkdtempSync(join(tmpdir(), 'konferenzlotse-restart-'));
  const launch = () => launchWithExtension({ hostResolverRules: server.hostResolverRules, headless: true, userDataDir });

  let context = await launch();
  await (await firstRunPage(context)).close();
  const page = await optionsPage(context);
  await page.goto(SITE);
  await page.waitForTimeout(SETTLE_MS);
  expect(await extensionWorlds(page)).toEqual([]);

  const options = await optionsPage(context);
  await options.getByLabel('Adresse der Konferenz-Seite').fill('meet.gymnasium-musterstadt.de');
  await options.getByRole('button', { name: 'Hinzufügen' }).click();
  await expect(options.locator('#site-notice')).toHaveText('meet.gymnasium-musterstadt.de wurde hinzugefügt.');
  await expect(options.getByTestId('sites').getByRole('listitem')).toHaveText(/meet\.gymnasium-musterstadt\.de/);

  await options.goto(SITE);
  await expect(ui(options)).toHaveAttribute('data-platform', 'jitsi');
  await context.close();

  // Chromium loads an unpacked extension anew at each start (a store install keeps its registered
  // scripts): the background registers the detector again from the stored sites.
  context = await launch();
  await expect.poll(() => registeredScripts(context)).toContain('site:https://meet.gymnasium-musterstadt.de');
  const again = context.pages()[0] ?? (await context.newPage());
  await again.goto(SITE);
  await expect(ui(again)).toHaveAttribute('data-phase', 'prejoin');
  await context.close();
});

test('removing the site switches the extension off there', async ({ context }) => {
  const options = await optionsPage(context);
  await options.getByLabel('Adresse der Konferenz-Seite').fill('https://meet.gymnasium-musterstadt.de/Mathe7b');
  await options.getByRole('button', { name: 'Hinzufügen' }).click();
  await options.getByRole('button', { name: 'meet.gymnasium-musterstadt.de entfernen' }).click();
  await expect(options.locator('#site-notice')).toHaveText('meet.gymnasium-musterstadt.de wurde entfernt.');
  await expect(options.getByText('Noch keine eigenen Seiten.')).toBeVisible();
  await options.goto(SITE);
  await options.waitForTimeout(SETTLE_MS);
  expect(await extensionWorlds(options)).toEqual([]);
});

test('bad input gets a clear message and changes nothing', async ({ context }) => {
  const options = await optionsPage(context);
  const input = options.getByLabel('Adresse der Konferenz-Seite');
  await options.getByRole('button', { name: 'Hinzufügen' }).click();
  await expect(options.locator('#site-notice')).toHaveText(/Bitte geben Sie eine Adresse ein/);
  await input.fill('ftp://dateien.schule.de');
  await input.press('Enter');
  await expect(options.locator('#site-notice')).toHaveText('Nur Adressen mit https:// oder http:// sind möglich.');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await input.fill('keine adresse');
  await input.press('Enter');
  await expect(options.locator('#site-notice')).toHaveText(/keine gültige Web-Adresse/);
  await expect(options.getByText('Noch keine eigenen Seiten.')).toBeVisible();
});

test('the badge names the platform found in the tab', async ({ context, page }) => {
  await page.goto('https://meet.jit.si/Mathe7b');
  await expect(ui(page)).toHaveCount(1);
  const worker = await extensionWorker(context);
  await expect
    .poll(() =>
      worker.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
        const [tab] = await api.tabs.query({ url: 'https://meet.jit.si/*' });
        return api.action.getBadgeText({ tabId: tab!.id! });
      }),
    )
    .toBe('JM');
});
