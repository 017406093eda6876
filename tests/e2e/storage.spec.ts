import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { launchWithExtension } from '../../scripts/chromium';
import type { FixtureServer } from '../../scripts/fixture-server';
import { expect, extensionId, firstRunPage, openPopup, SETTLE_MS, test, ui } from './extension';

/**
 * Damaged storage, a full quota and concurrent imports: the product keeps working, the options
 * page shows what it cannot read and repairs it, and nothing valid is lost.
 */

const JITSI = 'https://meet.jit.si/Mathe7b';
const USER_SITE = 'https://meet.gymnasium-musterstadt.de/Mathe7b';

type Chrome = typeof import('wxt/browser').browser;

const profileJson = (id: string, name: string, hosts = ['meet.gymnasium-musterstadt.de']) =>
  JSON.stringify({
    format: 1,
    id,
    version: 1,
    kind: 'institution',
    language: 'de',
    institution: { name, town: 'Musterstadt' },
    deployments: [{ platform: 'jitsi', hosts }],
    controller: { name, source: [{ document: 'Datenschutzhinweise' }] },
  });

async function optionsPage(context: BrowserContext, page?: Page): Promise<Page> {
  const options = page ?? (await context.newPage());
  await options.goto(`chrome-extension://${await extensionId(context)}/options.html`);
  await expect(options.getByRole('heading', { level: 1 })).toBeVisible();
  return options;
}

async function importText(options: Page, json: string) {
  await options.getByLabel('… oder JSON hier einfügen').fill(json);
  await options.getByRole('button', { name: 'Importieren' }).click();
}

const getLocal = (page: Page, key: string) => page.evaluate(async (k) => (await (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.get(k))[k], key);
const setLocal = (page: Page, values: Record<string, unknown>) => page.evaluate((v) => (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.set(v), values);

/** The role the overlay shows: inside the shadow root (on its first element), else on the host. */
const roleOf = (page: Page) =>
  page.evaluate(() => {
    const host = document.querySelector('konferenzlotse-ui');
    const inside = host?.shadowRoot?.firstElementChild?.getAttribute('data-role');
    return inside ?? host?.getAttribute('data-role') ?? null;
  });

/** The product works: overlay on a conference page (with a real role), the popup's summary. */
async function productWorks(context: BrowserContext, page: Page) {
  await page.goto(JITSI);
  await expect(ui(page)).toHaveAttribute('data-platform', 'jitsi');
  await expect(ui(page).getByTestId('notice')).toBeVisible();
  expect(['student', 'teacher', 'parent']).toContain(await roleOf(page));
  // The popup speaks about the active tab of the last focused window.
  await page.bringToFront();
  const popup = await openPopup(context);
  await expect(popup.getByTestId('summary').locator('.institution')).toContainText('Jitsi Meet (allgemein)');
  await popup.close();
}

/** The options page shows the damage of `key` beside everything readable, and repairs it. */
async function optionsShowAndRepair(options: Page, key: string) {
  await optionsPage(options.context(), options);
  const repair = options.getByTestId('repair');
  await expect(repair).toBeVisible();
  await expect(repair.locator(`li[data-item="${key}"]`).first()).toBeVisible();
  // The rest of the page works.
  await expect(options.getByTestId('profiles').locator('li[data-profile="generic-jitsi"]')).toBeVisible();
  await expect(options.getByRole('radio').first()).toBeVisible();
  await expect(options.getByTestId('sites')).toBeVisible();
  await repair.getByRole('button', { name: 'Reparieren', exact: true }).click();
  await expect(options.getByTestId('repair-status')).toHaveText('Repariert. Alles Lesbare ist erhalten.');
  await expect(repair.locator('li')).toHaveCount(0);
  await options.reload();
  await expect(options.getByTestId('profiles')).toBeVisible();
  await expect(options.getByTestId('repair')).toBeHidden();
}

interface Corruption {
  key: string;
  /** Wrong values: the first is stored before the restart, the others after it. */
  values: unknown[];
  /** Valid data stored first, which must survive (returns the damaged value to store instead of values[0]). */
  prepare?(options: Page): Promise<unknown>;
  /** What of the valid data must still work after the restart. */
  kept?(context: BrowserContext, page: Page, options: Page): Promise<void>;
}

const CORRUPTIONS: Corruption[] = [
  {
    key: 'profiles',
    values: [null, 'x', 42, {}, [null], [{}]],
    async prepare(options) {
      await importText(options, profileJson('gymnasium-musterstadt', 'Gymnasium Musterstadt'));
      await expect(options.getByTestId('import-result')).toContainText('wurde gespeichert');
      return [...((await getLocal(options, 'profiles')) as unknown[]), null, {}, 'x'];
    },
    async kept(_context, _page, options) {
      await optionsPage(options.context(), options);
      await expect(options.locator('li[data-profile="gymnasium-musterstadt"]')).toContainText('Gymnasium Musterstadt');
      const summary = await options.context().newPage();
      await summary.goto(`chrome-extension://${await extensionId(options.context())}/summary.html?profile=imported:gymnasium-musterstadt`);
      await expect(summary.getByTestId('summary').locator('.institution')).toContainText('Gymnasium Musterstadt');
      await summary.close();
    },
  },
  {
    key: 'userSites',
    values: [null, 'x', { a: 1 }],
    async prepare(options) {
      await options.getByLabel('Adresse der Konferenz-Seite').fill('meet.gymnasium-musterstadt.de');
      await options.getByRole('button', { name: 'Hinzufügen' }).click();
      await expect(options.locator('#site-notice')).toHaveText('meet.gymnasium-musterstadt.de wurde hinzugefügt.');
      return [...((await getLocal(options, 'userSites')) as unknown[]), 42, 'kein origin', null];
    },
    async kept(_context, page, options) {
      // The user's own site is still detected after the restart, and still listed.
      await page.goto(USER_SITE);
      await expect(ui(page)).toHaveAttribute('data-platform', 'jitsi');
      await optionsPage(options.context(), options);
      await expect(options.getByTestId('sites').getByRole('listitem')).toContainText(['meet.gymnasium-musterstadt.de']);
    },
  },
  { key: 'role', values: [42, 'admin', ['parent']] },
  { key: 'chosenSchool', values: [42, ['gs-hallermund-springe'], 'Keine Schule!'] },
  { key: 'confirmedSites', values: ['x', [null], { 'kein origin': 'gs-hallermund-springe', 'https://meet.jit.si': 42 }] },
  {
    key: 'acknowledgements',
    values: [{ 'bundled:generic-jitsi': 'eins', 'generic-bbb': [] }, 'x', [1]],
  },
  { key: 'checklist', values: [42, { 'jitsi:meet.jit.si:Mathe7b': 'x' }, [[]]] },
  { key: 'leaveGuardOff', values: ['x', { 'jitsi:meet.jit.si:Mathe7b': 1 }, [true]] },
  { key: 'panels', values: [7, { 'jitsi:meet.jit.si:Mathe7b': 'offen' }, [true]] },
];

async function launch(server: FixtureServer, userDataDir: string) {
  return launchWithExtension({ hostResolverRules: server.hostResolverRules, headless: true, userDataDir });
}

test.describe('each stored value with wrong types, after a browser restart, leaves the product working', () => {
  for (const c of CORRUPTIONS) {
    test(`local:${c.key}`, async ({ server }) => {
      test.setTimeout(150_000); // two browser starts and several checks
      const userDataDir = mkdtempSync(join(tmpdir(), 'konferenzlotse-damaged-'));
      let context = await launch(server, userDataDir);
      try {
        await (await firstRunPage(context)).close();
        let options = await optionsPage(context);
        const damaged = c.prepare ? await c.prepare(options) : c.values[0];
        await setLocal(options, { [c.key]: damaged });
        await context.close();

        context = await launch(server, userDataDir);
        const page = context.pages()[0] ?? (await context.newPage());
        await productWorks(context, page);
        options = await context.newPage();
        if (c.kept) await c.kept(context, page, options);
        await optionsShowAndRepair(options, c.key);
        if (c.kept) await c.kept(context, page, options);

        // The other wrong types, one after the other.
        for (const value of c.values.slice(1)) {
          await setLocal(options, { [c.key]: value });
          await productWorks(context, page);
          await optionsShowAndRepair(options, c.key);
        }
      } finally {
        await context.close();
      }
    });
  }

  test('a damaged session value (what a tab reported) is passed over', async ({ context, page }) => {
    await page.goto(JITSI);
    await expect(ui(page)).toHaveAttribute('data-platform', 'jitsi');
    const options = await optionsPage(context);
    await options.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: Chrome }).chrome;
      const tabs = await api.tabs.query({ url: 'https://meet.jit.si/*' });
      const values: Record<string, unknown> = {};
      for (const tab of tabs) values[`tab:${tab.id}`] = { 0: { detection: { platform: 'zoom' }, url: 42 }, x: 'y' };
      await api.storage.session.set(values);
    });
    await page.bringToFront();
    const popup = await openPopup(context);
    // The popup checks the page itself where the background's record cannot be read.
    await expect(popup.getByTestId('summary').locator('.institution')).toContainText('Jitsi Meet (allgemein)');
    await expect(popup.getByTestId('popup-status')).toContainText('erkannt');
  });
});

test('a full storage: the import says "not saved", the earlier "saved" is gone, nothing is lost', async ({ context, page }) => {
  test.setTimeout(90_000); // 10 MB written to the extension's storage
  const options = await optionsPage(context, page);
  const result = options.getByTestId('import-result');
  await importText(options, profileJson('gymnasium-musterstadt', 'Gymnasium Musterstadt'));
  await expect(result).toContainText('wurde gespeichert');

  // Fill the extension's storage up to its quota from the options page.
  const { used, quota } = await options.evaluate(async () => {
    const local = (globalThis as unknown as { chrome: Chrome }).chrome.storage.local;
    let size = 1 << 20;
    let i = 0;
    while (size >= 8) {
      try {
        await local.set({ [`filler-${i++}`]: 'x'.repeat(size) });
      } catch {
        size = Math.floor(size / 2);
      }
    }
    return { used: await local.getBytesInUse(null), quota: local.QUOTA_BYTES };
  });
  expect(quota - used).toBeLessThan(200);

  await importText(options, profileJson('realschule-musterstadt', 'Realschule Musterstadt'));
  await expect(result).toHaveText('Nicht gespeichert: Der Speicher ist voll. Ihre bisherigen Profile bleiben unverändert.');
  await expect(result).not.toContainText('wurde gespeichert');
  await expect(options.locator('li[data-profile="gymnasium-musterstadt"]')).toBeVisible();
  await expect(options.locator('li[data-profile="realschule-musterstadt"]')).toHaveCount(0);
  await options.reload();
  await expect(options.locator('li[data-profile="gymnasium-musterstadt"]')).toContainText('Gymnasium Musterstadt');
  expect(await getLocal(options, 'profile:gymnasium-musterstadt')).toEqual(expect.objectContaining({ id: 'gymnasium-musterstadt' }));

  // Room made: the same import is saved.
  await options.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.remove(['filler-0', 'filler-1']));
  await importText(options, profileJson('realschule-musterstadt', 'Realschule Musterstadt'));
  await expect(result).toHaveText('Profil „Realschule Musterstadt“ (Version 1) wurde gespeichert.');
});

test('two imports at the same moment (file and paste) both land', async ({ context, page }) => {
  const options = await optionsPage(context, page);
  for (let round = 0; round < 5; round++) {
    const pasted = `paste-schule-${round}`;
    const filed = `datei-schule-${round}`;
    await options.getByLabel('… oder JSON hier einfügen').fill(profileJson(pasted, `Eingefügt ${round}`));
    // In one task: the file arrives and the pasted text is submitted.
    await options.evaluate((json) => {
      const input = document.getElementById('import-file') as HTMLInputElement;
      const transfer = new DataTransfer();
      transfer.items.add(new File([json], 'schule.json', { type: 'application/json' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      document.querySelector<HTMLFormElement>('[data-testid="profile-import"] form')!.requestSubmit();
    }, profileJson(filed, `Datei ${round}`));
    await expect(options.locator(`li[data-profile="${pasted}"]`)).toHaveCount(1);
    await expect(options.locator(`li[data-profile="${filed}"]`)).toHaveCount(1);
  }
  await options.reload();
  await expect(options.locator('li[data-profile^="paste-schule-"]')).toHaveCount(5);
  await expect(options.locator('li[data-profile^="datei-schule-"]')).toHaveCount(5);
});

test('50 scripted summary requests open at most one tab', async ({ context, page }) => {
  await page.goto(JITSI);
  const notice = ui(page).getByTestId('notice');
  await expect(notice.getByRole('button', { name: 'Alle Datenschutz-Angaben' })).toBeVisible();
  const summaries = () => context.pages().filter((p) => p.url().includes('/summary.html'));
  // The page's own script presses the button 50 times.
  await page.evaluate(() => {
    const root = document.querySelector('konferenzlotse-ui')!.shadowRoot!;
    const more = [...root.querySelectorAll<HTMLButtonElement>('[data-testid="notice"] button')].find((b) => b.textContent === 'Alle Datenschutz-Angaben')!;
    for (let i = 0; i < 50; i++) more.click();
  });
  // And the person, quickly, ten times.
  for (let i = 0; i < 10; i++) await notice.getByRole('button', { name: 'Alle Datenschutz-Angaben' }).click();
  await expect.poll(() => summaries().length).toBe(1);
  await page.waitForTimeout(SETTLE_MS);
  expect(summaries()).toHaveLength(1);
  await expect(summaries()[0]!.getByTestId('summary').locator('.institution')).toContainText('Jitsi Meet (allgemein)');
  expect(summaries()[0]!.url()).toContain('?profile=bundled%3Ageneric-jitsi');
});

test('an imported profile that reuses a bundled id has its own summary page and its own acknowledgement', async ({ context, page }) => {
  test.setTimeout(60_000);
  await page.goto(JITSI);
  await expect(ui(page).getByTestId('notice')).toHaveAttribute('data-profile', 'generic-jitsi@2');
  await ui(page).getByRole('button', { name: 'Verstanden' }).click();
  await expect(ui(page).getByTestId('notice')).toHaveCount(0);
  const options = await optionsPage(context);
  await expect.poll(async () => JSON.stringify(await getLocal(options, 'acknowledgements'))).toBe('{"bundled:generic-jitsi":2}');

  // The same id and version as the bundled generic Jitsi profile, with a school's own text.
  await importText(options, profileJson('generic-jitsi', 'Schule mit eigenem Jitsi', ['meet.jit.si']).replace('"version":1', '"version":2'));
  await expect(options.getByTestId('import-result')).toContainText('wurde gespeichert');

  // Its notice opens: the bundled profile's acknowledgement is not its own.
  await page.reload();
  const notice = ui(page).getByTestId('notice');
  await expect(notice).toHaveAttribute('data-profile', 'generic-jitsi@2');
  await expect(notice).toContainText('Schule mit eigenem Jitsi');
  await notice.getByRole('button', { name: 'Alle Datenschutz-Angaben' }).click();
  const summary = await context.waitForEvent('page', { predicate: (p) => p.url().includes('/summary.html') });
  expect(summary.url()).toContain('?profile=imported%3Ageneric-jitsi');
  await expect(summary.getByTestId('summary').locator('.institution')).toContainText('Schule mit eigenem Jitsi');

  const id = await extensionId(context);
  await options.goto(`chrome-extension://${id}/summary.html?profile=bundled:generic-jitsi`);
  await expect(options.getByTestId('summary').locator('.institution')).toContainText('Jitsi Meet (allgemein)');
});

test('extension pages render under their strict CSP and may connect nowhere', async ({ context, page }) => {
  const id = await extensionId(context);
  const violations: string[] = [];
  context.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(`${message.location().url}: ${message.text()}`);
  });
  for (const name of ['options', 'onboarding', 'summary', 'popup']) {
    await page.goto(`chrome-extension://${id}/${name}.html${name === 'summary' ? '?profile=bundled:gs-hallermund-springe' : ''}`);
    await expect(page.locator('main')).toBeVisible();
    // The stylesheet applies (the page's own padding and colours, not the browser's defaults).
    expect(await page.evaluate(() => getComputedStyle(document.body).paddingTop)).not.toBe('8px');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim())).toBe('#1f4fbf');
  }
  expect(violations).toEqual([]);
  // A request from an extension page is refused by the browser, even to a host the extension may access.
  const outcome = await page.evaluate(() =>
    fetch('https://meet.jit.si/Mathe7b').then(
      () => 'sent',
      () => 'refused',
    ),
  );
  expect(outcome).toBe('refused');
  await expect.poll(() => violations.some((v) => v.includes('connect-src'))).toBe(true);
});
