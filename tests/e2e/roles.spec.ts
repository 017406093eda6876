import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '../../lib/messages';
import { expect, extensionId, firstRunPage, test, ui } from './extension';
import { acknowledge, counter, setLocal, shownRole, storedJson } from './overlay-helpers';

const JITSI_MODERATOR = 'https://meet.jit.si/Sprechstunde7b';
const JITSI_PARTICIPANT = 'https://meet.jit.si/Englisch7b';
const BBB_RECORDABLE = 'https://bbb.schule-musterstadt.de/html5client/?sessionToken=notrecording';
const BBB_ALONE = 'https://bbb.schule-musterstadt.de/html5client/?sessionToken=alone';

test('the first-run page asks for the role; the options page shows and changes it', async ({ context }) => {
  const id = await extensionId(context);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/onboarding.html`);
  await page.getByLabel('Lehrkraft').check();
  await expect(page.getByRole('status')).toContainText('Gespeichert: Lehrkraft.');
  await page.goto(`chrome-extension://${id}/options.html`);
  await expect(page.getByLabel('Lehrkraft')).toBeChecked();
  await page.getByLabel('Eltern', { exact: true }).check();
  await page.goto(JITSI_PARTICIPANT);
  await expect(shownRole(ui(page))).toHaveAttribute('data-role', 'parent');
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
      await expect(shownRole(ui(page))).toHaveAttribute('data-role', role);
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
  // The tick and the open checklist are stored after they show; reload only once they are.
  await expect.poll(() => storedJson(context, 'checklist')).toContain('"camera-off":true');
  await expect.poll(() => storedJson(context, 'panels')).toBe('{"jitsi:meet.jit.si:Sprechstunde7b":true}');
  await page.reload();
  // The room's checklist opens again as the teacher left it, with the tick.
  await expect(ui(page).getByTestId('checklist')).toHaveAttribute('data-expanded', 'true');
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
    const leave = page.locator('button.hangup-menu-item[aria-label="Konferenz verlassen"]');
    const guard = ui(page).getByTestId('leave-guard');
    const stay = guard.getByRole('button', { name: 'Bleiben' });
    await leaveJitsi(page);
    // The guard opens with focus on the safest choice: Escape (and Enter by reflex) keep the moderator in.
    await expect(stay).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(guard).toHaveCount(0);
    await expect(leave).toBeFocused();
    await leave.click();
    await expect(stay).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(guard).toHaveCount(0);
    await expect(leave).toBeFocused();
    expect(await counter(page, 'fixtureLeft')).toBe('0');
    expect(await counter(page, 'fixtureEnded')).toBe('0');
  });

  test('lets a moderator go who is alone at the moment of the click, even before the last report', async ({ page }) => {
    await page.goto(JITSI_MODERATOR);
    await acknowledge(page);
    // The others leave and the moderator clicks at once: the guard reads the page as it is then.
    await page.locator('.hangup-menu-button').click();
    await page.evaluate(() => {
      document.querySelector('[aria-label^="Anwesenheitsliste"]')?.setAttribute('aria-label', 'Anwesenheitsliste öffnen. 1 anwesend');
      document.querySelector<HTMLElement>('button.hangup-menu-item[aria-label="Konferenz verlassen"]')?.click();
    });
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

test('after the meeting a card tells what is deleted when, as the school says', async ({ context, page }) => {
  const lindgren = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'lib', 'profiles', 'bundled', 'lindgren-grundschule-berlin.json'), 'utf8')) as {
    retention: { text: { de: string } }[];
  };
  await setLocal(context, { role: 'parent', confirmedSites: { 'https://bbb.schule-musterstadt.de': 'lindgren-grundschule-berlin' } });
  await page.goto('https://bbb.schule-musterstadt.de/html5client/?sessionToken=ended');
  const card = ui(page).getByTestId('ended');
  await expect(card).toContainText('Die Konferenz ist beendet');
  await expect(card.getByRole('listitem')).toHaveText(lindgren.retention.map((r) => r.text.de));
  expect(lindgren.retention.length).toBeGreaterThan(3);
});

test('axe-core finds no violations in the notice with its details and the open checklist', async ({ context, page }) => {
  await setLocal(context, { role: 'teacher' });
  await page.goto(JITSI_MODERATOR);
  await ui(page).getByText('Warum diese Regeln?').click();
  await ui(page).getByTestId('checklist').getByRole('button', { name: /Raum-Checkliste/ }).click();
  expect((await new AxeBuilder({ page }).include('konferenzlotse-ui').analyze()).violations).toEqual([]);
});
