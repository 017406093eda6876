import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { extensionWorker, launchWithExtension, ROOT } from '../../scripts/chromium';
import { installPolicy, keysOfLinuxPolicy, managedExtensionCopy, policyDirProblem } from '../../scripts/policy';
import { expect, firstRunPage, openPopup, registeredScripts, test, ui } from './extension';

/**
 * A managed browser: Chromium reads a real policy file from /etc/chromium/policies/managed/ for
 * a copy of the end-to-end build with an id of its own, so no other test's browser sees it. The
 * file, the copy and the browser are removed afterwards, also when the test fails.
 */
const SAMPLE = join(ROOT, 'docs', 'admin', 'linux', 'konferenzlotse.json');
const SCHOOL_ROOM = 'https://meet.gymnasium-musterstadt.de/Mathe7b';

interface Managed {
  id: string;
  /** Starts the browser (again, on the same profile directory). */
  launch(): Promise<BrowserContext>;
}

const problem = policyDirProblem();

const managedTest = test.extend<{ managed(keys: Record<string, unknown>): Managed }>({
  managed: async ({ server }, use) => {
    const cleanups: (() => unknown)[] = [];
    await use((keys) => {
      const copy = managedExtensionCopy();
      cleanups.push(copy.remove);
      const policy = installPolicy(copy.id, keys);
      cleanups.push(policy.remove);
      const userDataDir = mkdtempSync(join(tmpdir(), 'konferenzlotse-managed-profile-'));
      return {
        id: copy.id,
        launch: async () => {
          const context = await launchWithExtension({ hostResolverRules: server.hostResolverRules, headless: true, userDataDir, extensionDir: copy.dir });
          cleanups.push(() => context.close());
          return context;
        },
      };
    });
    // Browsers first, then the policy file and the copy.
    for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => {});
  },
});

managedTest.skip(problem !== null, problem ?? '');

async function options(context: BrowserContext, id: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/options.html`);
  return page;
}

managedTest('the sample policy: its profile applies on the school host with no user step, also after a restart', async ({ managed }) => {
  test.setTimeout(120_000); // two browser starts and an accessibility check
  const browser = managed(keysOfLinuxPolicy(SAMPLE));
  let context = await browser.launch();

  // The first-run page asks once for the host that is not granted yet (the e2e build pre-grants
  // meet.gymnasium-musterstadt.de, as the one click would); the locked role shows as set.
  const firstRun = await firstRunPage(context);
  await expect(firstRun.getByTestId('policy-activation').getByRole('button')).toHaveText('Ihre Schule nutzt Konferenzlotse auf bbb.gymnasium-musterstadt.de – einschalten');
  await expect(firstRun.getByTestId('role-locked')).toHaveText('Von Ihrer Schule festgelegt.');
  expect((await new AxeBuilder({ page: firstRun }).analyze()).violations).toEqual([]);
  await firstRun.close();

  await expect.poll(() => registeredScripts(context)).toContain('policy:https://meet.gymnasium-musterstadt.de');
  const worker = await extensionWorker(context);
  const badge = () =>
    worker.evaluate(() => (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome.action.getBadgeText({}));
  await expect.poll(badge).toBe('!');

  const page = await context.newPage();
  await page.goto(SCHOOL_ROOM);
  await expect(ui(page)).toHaveAttribute('data-platform', 'jitsi');
  await expect(ui(page).getByTestId('notice')).toHaveAttribute('data-profile', /gymnasium-musterstadt-beispiel/);

  // The popup: the school's profile applies by policy, the host still waiting is offered, no school picker.
  const popup = await openPopup(context);
  await expect(popup.getByTestId('popup-applies')).toHaveAttribute('data-reason', 'policy');
  await expect(popup.getByTestId('policy-activation').getByRole('button')).toHaveText('Ihre Schule nutzt Konferenzlotse auf bbb.gymnasium-musterstadt.de – einschalten');
  await expect(popup.getByTestId('summary')).toHaveAttribute('data-profile', 'gymnasium-musterstadt-beispiel');
  await expect(popup.getByTestId('school-picker')).toHaveCount(0);
  await popup.close();
  await context.close();

  // Chromium loads an unpacked extension anew at each start (a store install keeps its registered
  // scripts): the background registers the detector again from the policy before the page opens.
  context = await browser.launch();
  await expect.poll(() => registeredScripts(context)).toContain('policy:https://meet.gymnasium-musterstadt.de');
  const again = await context.newPage();
  await again.goto(SCHOOL_ROOM);
  await expect(ui(again).getByTestId('notice')).toHaveAttribute('data-profile', /gymnasium-musterstadt-beispiel/);
});

managedTest('the locked role cannot be changed in the options page', async ({ managed }) => {
  const browser = managed({ role: 'teacher', roleLocked: true });
  const context = await browser.launch();
  const page = await options(context, browser.id);
  const section = page.getByTestId('policy');
  await expect(section.getByRole('heading')).toHaveText('Vorgaben Ihrer Schule (Richtlinie)');
  await expect(section.getByTestId('policy-role')).toHaveText('Lehrkraft – von Ihrer Schule festgelegt, nicht änderbar');
  await expect(page.getByTestId('role-locked')).toHaveText('Von Ihrer Schule festgelegt.');
  await expect(page.getByLabel('Lehrkraft')).toBeChecked();
  for (const label of ['Schülerin oder Schüler', 'Eltern']) await expect(page.getByLabel(label, { exact: true })).toBeDisabled();
  // Even a click that reaches the disabled input changes nothing.
  await page.getByLabel('Schülerin oder Schüler').click({ force: true });
  await expect(page.getByLabel('Lehrkraft')).toBeChecked();
  await page.reload();
  await expect(page.getByLabel('Lehrkraft')).toBeChecked();
});

managedTest('a malformed policy shows its problems with their paths and leaves imported profiles and settings untouched', async ({ managed }) => {
  test.setTimeout(120_000); // two browser starts and an accessibility check
  const school = keysOfLinuxPolicy(SAMPLE).profile as string;
  const browser = managed({
    profile: '{ "format": 1, kaputt',
    profiles: ['{}', school],
    hosts: [{ origin: '*' }, { origin: 'http://meet.schule.de' }, { origin: 'https://*.co.uk' }, { origin: 'https://meet.gymnasium-musterstadt.de', platform: 'jitsi' }],
    role: 'hausmeister',
    roleLocked: true,
  });
  let context = await browser.launch();
  let page = await options(context, browser.id);
  const problems = page.getByTestId('policy-problems');
  const items = problems.getByRole('listitem');
  await expect(items).toContainText([
    'profile: Das ist kein gültiges JSON (Fehler in Zeile 1, Spalte 16).',
    'profiles[0] › format: Pflichtangabe fehlt.',
    'hosts[0].origin: Alle Seiten freizugeben ist nicht möglich',
    'hosts[1].origin: Nur Adressen mit https:// sind möglich',
    'hosts[2].origin: Das ist eine öffentliche Endung',
    'role: Nicht erlaubt. Möglich sind: student, teacher, parent.',
    'roleLocked: roleLocked wirkt nur zusammen mit einer gültigen Rolle',
  ]);
  const count = await items.count();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  // What is valid still applies.
  await expect(page.getByTestId('policy-profiles')).toHaveText(/Gymnasium Musterstadt \(Beispiel\)/);
  await expect(page.getByTestId('policy-hosts').getByRole('listitem')).toHaveCount(1);

  // The user's own settings: an imported profile and a role (not locked: the policy's role is invalid).
  const own = JSON.stringify({
    format: 1, id: 'eigene-schule', version: 3, kind: 'institution', language: 'de',
    institution: { name: 'Eigene Schule' }, deployments: [{ platform: 'bbb' }],
  });
  await page.getByLabel('… oder JSON hier einfügen').fill(own);
  await page.getByRole('button', { name: 'Importieren' }).click();
  await expect(page.getByTestId('import-result')).toContainText('wurde gespeichert');
  await page.getByLabel('Eltern', { exact: true }).check();
  await expect(page.getByText('Gespeichert: Eltern.')).toBeVisible();
  await context.close();

  context = await browser.launch();
  page = await options(context, browser.id);
  await expect(page.getByTestId('policy-problems').getByRole('listitem')).toHaveCount(count);
  await expect(page.locator('li[data-profile="eigene-schule"]')).toContainText('Eigene Schule');
  await expect(page.getByLabel('Eltern', { exact: true })).toBeChecked();
});
