import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '../../lib/messages';
import { extensionWorker } from '../../scripts/chromium';
import { expect, extensionId, firstRunPage, test, ui } from './extension';

const JITSI_MODERATOR = 'https://meet.jit.si/Sprechstunde7b';
const JITSI_PARTICIPANT = 'https://meet.jit.si/Englisch7b';
const BBB_RECORDABLE = 'https://bbb.schule-musterstadt.de/html5client/?sessionToken=notrecording';
const BBB_ALONE = 'https://bbb.schule-musterstadt.de/html5client/?sessionToken=alone';

/** Stores a setting as the options page would (WXT's `local:role` is the key `role`). */
async function setLocal(context: BrowserContext, values: Record<string, unknown>) {
  const id = await extensionId(context);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/options.html`);
  await page.evaluate((v) => (globalThis as unknown as { chrome: { storage: { local: { set(v: unknown): Promise<void> } } } }).chrome.storage.local.set(v), values);
  await page.close();
}

const counter = (page: Page, name: 'fixtureLeft' | 'fixtureEnded') => page.evaluate((n) => document.body.dataset[n], name);

/**
 * "Verstanden", then wait until the acknowledgement is stored: the notice closes at once, the
 * write to extension storage follows, and a reload before it lands would ask again.
 */
async function acknowledge(page: Page) {
  await ui(page).getByRole('button', { name: 'Verstanden' }).click();
  await expect(ui(page).getByTestId('notice')).toHaveCount(0);
  await expect.poll(() => storedJson(page.context(), 'acknowledgements')).not.toBe('{}');
}

/** A value in the extension's local storage, as JSON text ("{}" where there is none). */
async function storedJson(context: BrowserContext, key: string): Promise<string> {
  const worker = await extensionWorker(context);
  return worker.evaluate(async (name) => {
    const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    return JSON.stringify((await api.storage.local.get(name))[name] ?? {});
  }, key);
}

test('the first-run page asks for the role; the options page shows and changes it', async ({ context }) => {
  const id = await extensionId(context);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/onboarding.html`);
  await page.getByLabel('Lehrkraft').check();
  await expect(page.getByRole('status')).toContainText('Gespeichert: Lehrkraft.');
  await page.goto(`chrome-extension://${id}/options.html`);
  await expect(page.getByLabel('Lehrkraft')).toBeChecked();
  await page.getByLabel('Eltern').check();
  await page.goto(JITSI_PARTICIPANT);
  await expect(ui(page)).toHaveAttribute('data-role', 'parent');
});

test.describe('first install', () => {
  test.use({ keepOnboarding: true });
  test('opens the role question', async ({ context }) => {
    const onboarding = await firstRunPage(context);
    await expect(onboarding.getByRole('heading', { level: 1 })).toHaveText('Wer nutzt diesen Browser?');
    await expect(onboarding.getByLabel('Schülerin oder Schüler')).toBeChecked();
  });
});

for (const role of ['student', 'teacher', 'parent'] as Role[]) {
  for (const url of [JITSI_MODERATOR, BBB_RECORDABLE]) {
    test(`${role} on ${new URL(url).host}: the notice shows once and the acknowledgement survives a reload`, async ({ context, page }) => {
      await setLocal(context, { role });
      await page.goto(url);
      await expect(ui(page)).toHaveAttribute('data-role', role);
      const notice = ui(page).getByTestId('notice');
      await expect(notice).toBeVisible();
      await expect(notice.getByTestId('notice-facts')).toContainText('Verarbeitet werden:');
      await acknowledge(page);
      await page.reload();
      await expect(ui(page)).toHaveAttribute('data-phase', 'meeting');
      await expect(ui(page).getByRole('button', { name: 'Datenschutz-Hinweis zeigen' })).toBeVisible();
      await expect(notice).toHaveCount(0);
      await expect(ui(page).getByTestId('checklist')).toHaveCount(role === 'teacher' ? 1 : 0);
    });
  }
}

test('a new profile version brings the notice back', async ({ context, page }) => {
  const bumped = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'lib', 'profiles', 'bundled', 'generic-jitsi.json'), 'utf8')) as { version: number };
  await page.goto(JITSI_PARTICIPANT);
  await expect(ui(page).getByTestId('notice')).toHaveAttribute('data-profile', `generic-jitsi@${bumped.version}`);
  await acknowledge(page);
  bumped.version += 1;
  const options = await context.newPage();
  await options.goto(`chrome-extension://${await extensionId(context)}/options.html`);
  await options.getByLabel('… oder JSON hier einfügen').fill(JSON.stringify(bumped));
  await options.getByRole('button', { name: 'Importieren' }).click();
  await expect(options.getByTestId('import-result')).toContainText('wurde gespeichert');
  await options.close();
  await page.reload();
  await expect(ui(page).getByTestId('notice')).toHaveAttribute('data-profile', `generic-jitsi@${bumped.version}`);
});

test('the family rule carries the school sanction from the profile', async ({ context, page }) => {
  await setLocal(context, { confirmedSites: { 'https://meet01.videoconference.iserv.eu': 'gs-hallermund-springe' } });
  await page.goto('https://meet01.videoconference.iserv.eu/html5client/join?sessionToken=iserv');
  const rule = ui(page).locator('.rules [data-rule="family-privacy"]');
  await expect(rule).toContainText('Hältst du dich nicht daran, kann die Schule dich von Videokonferenzen ausschließen');
  await expect(rule).toHaveAttribute('data-origin', 'school');
  await expect(ui(page).locator('.rules [data-rule="keep-private"]')).toContainText('Rat von Konferenzlotse');
  await expect(ui(page).getByTestId('notice-facts')).toContainText('Verantwortlich: GS Hallermund');
});

test('a recording starting is announced at once; a teacher hears when the profile forbids it', async ({ context, page }) => {
  await setLocal(context, { role: 'teacher', confirmedSites: { 'https://bbb.schule-musterstadt.de': 'lindgren-grundschule-berlin' } });
  await page.goto(BBB_RECORDABLE);
  await acknowledge(page);
  await expect(ui(page).getByTestId('recording-reminder')).toHaveCount(0);
  await page.locator('[data-test="recordingIndicator"] [role="button"]').click();
  const reminder = ui(page).getByTestId('recording-reminder');
  await expect(reminder).toContainText('Diese Konferenz wird gerade aufgezeichnet.');
  await expect(reminder).toHaveAttribute('role', 'alert');
  await expect(reminder.getByTestId('recording-conflict')).toBeVisible();
  const checklist = ui(page).getByTestId('checklist');
  await checklist.getByRole('button', { name: /Raum-Checkliste/ }).click();
  await expect(checklist.locator('[data-item="no-recording"]')).toHaveAttribute('data-checked', 'false');
  await page.locator('[data-test="recordingIndicator"] [role="button"]').click();
  await expect(reminder).toHaveCount(0);
  await expect(checklist.locator('[data-item="no-recording"]')).toHaveAttribute('data-checked', 'true');
});

test('a student sees the recording reminder too, without the teacher line', async ({ page }) => {
  await page.goto(BBB_RECORDABLE);
  await page.locator('[data-test="recordingIndicator"] [role="button"]').click();
  await expect(ui(page).getByTestId('recording-reminder')).toBeVisible();
  await expect(ui(page).getByTestId('recording-conflict')).toHaveCount(0);
});

test('the checklist ticks itself from the security button and keeps manual ticks per room', async ({ context, page }) => {
  await setLocal(context, { role: 'teacher' });
  await page.goto(JITSI_MODERATOR);
  await acknowledge(page);
  const checklist = ui(page).getByTestId('checklist');
  await checklist.getByRole('button', { name: /Raum-Checkliste \(\d von 9\)/ }).click();
  const secured = checklist.locator('[data-item="protected"]');
  await expect(secured).toHaveAttribute('data-checked', 'false');
  await page.locator('div.toolbox-button[aria-label="Sicherheitsoptionen"]').click();
  await expect(secured).toHaveAttribute('data-checked', 'true');
  await expect(secured).toHaveAttribute('data-auto', 'true');
  await checklist.getByLabel('Kameras zu Beginn für alle ausgeschaltet').check();
  // The tick is stored after it shows; reload only once it is.
  await expect.poll(() => storedJson(context, 'checklist')).toContain('"camera-off":true');
  await page.reload();
  await ui(page).getByTestId('checklist').getByRole('button', { name: /Raum-Checkliste/ }).click();
  await expect(ui(page).getByLabel('Kameras zu Beginn für alle ausgeschaltet')).toBeChecked();
  await ui(page).getByRole('button', { name: 'Häkchen für diesen Raum zurücksetzen' }).click();
  await expect(ui(page).getByLabel('Kameras zu Beginn für alle ausgeschaltet')).not.toBeChecked();
});

test.describe('leave-last guard', () => {
  const leaveJitsi = async (page: Page) => {
    await page.locator('.hangup-menu-button').click();
    await page.locator('button.hangup-menu-item[aria-label="Konferenz verlassen"]').click();
  };

  test('holds a moderator with 3 in the room; "leave anyway" runs the page handler once', async ({ page, consoleErrors }) => {
    await page.goto(JITSI_MODERATOR);
    await acknowledge(page);
    await leaveJitsi(page);
    const guard = ui(page).getByTestId('leave-guard');
    await expect(guard).toBeVisible();
    await expect(guard).toContainText('Es sind noch 2 andere Personen im Raum.');
    expect(await counter(page, 'fixtureLeft')).toBe('0');
    await guard.getByRole('button', { name: 'Trotzdem verlassen' }).click();
    await expect(guard).toHaveCount(0);
    expect(await counter(page, 'fixtureLeft')).toBe('1');
    expect(await counter(page, 'fixtureEnded')).toBe('0');
    expect(consoleErrors).toEqual([]);
  });

  test('"end for everyone" reaches the page\'s own end action', async ({ page }) => {
    await page.goto(JITSI_MODERATOR);
    await acknowledge(page);
    await leaveJitsi(page);
    await ui(page).getByRole('button', { name: 'Konferenz für alle beenden' }).click();
    expect(await counter(page, 'fixtureEnded')).toBe('1');
    expect(await counter(page, 'fixtureLeft')).toBe('0');
  });

  test('"stay" and Escape keep the moderator in, focus back on the control', async ({ page }) => {
    await page.goto(JITSI_MODERATOR);
    await acknowledge(page);
    await leaveJitsi(page);
    const guard = ui(page).getByTestId('leave-guard');
    await expect(guard).toBeVisible();
    // Escape reaches the guard only once it holds the focus.
    await expect.poll(() => ui(page).evaluate((host) => Boolean(host.shadowRoot?.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await expect(guard).toHaveCount(0);
    await expect(page.locator('button.hangup-menu-item[aria-label="Konferenz verlassen"]')).toBeFocused();
    expect(await counter(page, 'fixtureLeft')).toBe('0');
  });

  test('lets a moderator alone go', async ({ page }) => {
    await page.goto(JITSI_MODERATOR);
    await acknowledge(page);
    await page.evaluate(() => document.querySelector('[aria-label^="Anwesenheitsliste"]')?.setAttribute('aria-label', 'Anwesenheitsliste öffnen. 1 anwesend'));
    await expect.poll(() => page.evaluate(() => document.querySelector('[aria-label^="Anwesenheitsliste"]')?.getAttribute('aria-label'))).toContain('1 anwesend');
    await page.waitForTimeout(300);
    await leaveJitsi(page);
    expect(await counter(page, 'fixtureLeft')).toBe('1');
    await expect(ui(page).getByTestId('leave-guard')).toHaveCount(0);
  });

  test('lets a participant go', async ({ page }) => {
    await page.goto(JITSI_PARTICIPANT);
    await acknowledge(page);
    await page.locator('.hangup-button').click();
    expect(await counter(page, 'fixtureLeft')).toBe('1');
    await expect(ui(page).getByTestId('leave-guard')).toHaveCount(0);
  });

  test('BigBlueButton: holds the leave, ends through its own confirmation', async ({ page }) => {
    await page.goto(BBB_RECORDABLE);
    await acknowledge(page);
    await page.locator('[data-test="leaveMeetingDropdown"]').click();
    await page.locator('[data-test="directLogoutButton"]').click();
    const guard = ui(page).getByTestId('leave-guard');
    await expect(guard).toBeVisible();
    await guard.getByRole('button', { name: 'Konferenz für alle beenden' }).click();
    await page.locator('[data-test="confirmEndMeeting"]').click();
    expect(await counter(page, 'fixtureEnded')).toBe('1');
    expect(await counter(page, 'fixtureLeft')).toBe('0');
  });

  test('BigBlueButton: a moderator alone leaves without a question', async ({ page }) => {
    await page.goto(BBB_ALONE);
    await acknowledge(page);
    await page.locator('[data-test="leaveMeetingDropdown"]').click();
    await page.locator('[data-test="directLogoutButton"]').click();
    expect(await counter(page, 'fixtureLeft')).toBe('1');
  });

  test('axe-core finds no violations in the guard', async ({ page }) => {
    await page.goto(JITSI_MODERATOR);
    await acknowledge(page);
    await leaveJitsi(page);
    await expect(ui(page).getByTestId('leave-guard')).toBeVisible();
    expect((await new AxeBuilder({ page }).include('konferenzlotse-ui').analyze()).violations).toEqual([]);
  });
});

test('after the meeting a card tells what is deleted when', async ({ page }) => {
  await page.goto('https://bbb.schule-musterstadt.de/html5client/?sessionToken=ended');
  const card = ui(page).getByTestId('ended');
  await expect(card).toContainText('Die Konferenz ist beendet');
});

test('axe-core finds no violations in the notice with its details and the open checklist', async ({ context, page }) => {
  await setLocal(context, { role: 'teacher' });
  await page.goto(JITSI_MODERATOR);
  await ui(page).getByText('Warum diese Regeln?').click();
  await ui(page).getByTestId('checklist').getByRole('button', { name: /Raum-Checkliste/ }).click();
  expect((await new AxeBuilder({ page }).include('konferenzlotse-ui').analyze()).violations).toEqual([]);
});
