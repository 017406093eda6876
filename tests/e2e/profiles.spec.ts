import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEMO_PAGES } from '../fixtures/sites';
import { expect, extensionId, openPopup, test, ui } from './extension';

/** The institution each demo conference resolves to without a chosen school. */
const EXPECTED_INSTITUTION: Record<string, string> = {
  jitsi: 'Jitsi Meet (allgemein)',
  bbb: 'BigBlueButton (allgemein)',
  greenlight: 'BigBlueButton (allgemein)',
  'nextcloud-bbb': 'BigBlueButton (allgemein)',
  'moodle-bbb': 'BigBlueButton (allgemein)',
  iserv: 'IServ Videokonferenz (allgemein)',
};

async function waitForOverlay(page: Page) {
  await expect
    .poll(async () => {
      for (const frame of page.frames()) if ((await frame.locator('konferenzlotse-ui').count()) > 0) return true;
      return false;
    })
    .toBe(true);
}

test.describe('the popup shows the summary that applies', () => {
  for (const demo of DEMO_PAGES.filter((d) => d.expect)) {
    const lindgren = demo.url.includes('lindgrenschule');
    const institution = lindgren ? 'Astrid-Lindgren-Grundschule' : EXPECTED_INSTITUTION[demo.expect!.platform]!;
    test(`${demo.title}: ${institution}`, async ({ context, page }) => {
      await page.goto(demo.url);
      await waitForOverlay(page);
      const popup = await openPopup(context);
      const summary = popup.getByTestId('summary');
      await expect(summary.locator('.institution')).toContainText(institution);
      await expect(popup.getByTestId('popup-status')).toContainText('erkannt');
    });
  }
});

test('the school picker works by keyboard and the choice is remembered', async ({ context, page }) => {
  await page.goto('https://www.gymnasium-musterstadt.de/digitaler-unterricht');
  let popup = await openPopup(context);
  await expect(popup.getByTestId('popup-status')).toHaveText('Auf dieser Seite wurde keine Videokonferenz gefunden.');
  await expect(popup.getByTestId('summary')).toHaveCount(0);

  await popup.keyboard.press('Tab');
  await expect(popup.getByLabel('Schule suchen (Name oder Ort)')).toBeFocused();
  await popup.keyboard.type('springe');
  await expect(popup.locator('button.school')).toHaveCount(1);
  await popup.keyboard.press('Tab');
  await expect(popup.getByRole('button', { name: /GS Hallermund/ })).toBeFocused();
  await popup.keyboard.press('Enter');
  await expect(popup.getByTestId('summary').locator('.institution')).toContainText('GS Hallermund');
  await popup.close();

  popup = await openPopup(context);
  await expect(popup.getByTestId('summary').locator('.institution')).toContainText('GS Hallermund');
  await popup.close();

  // On IServ's shared servers the chosen school's facts apply only once the user says this is
  // the school's conference; until then the generic IServ profile applies and the popup says why.
  await page.goto('https://meet01.videoconference.iserv.eu/html5client/join?sessionToken=iserv');
  await expect(ui(page)).toHaveAttribute('data-platform', 'iserv');
  await expect(ui(page).getByTestId('notice')).toHaveAttribute('data-profile', /^generic-iserv@/);
  popup = await openPopup(context);
  const applies = popup.getByTestId('popup-applies');
  await expect(applies).toHaveAttribute('data-reason', 'generic');
  await expect(applies).toContainText('Ihre gewählte Schule (GS Hallermund) nennt diese Adresse nicht.');
  await expect(popup.getByTestId('summary').locator('.institution')).toContainText('IServ Videokonferenz (allgemein)');
  await popup.getByTestId('popup-confirm').click();
  await expect(applies).toHaveAttribute('data-reason', 'confirmed');
  await expect(popup.getByTestId('summary').locator('.institution')).toContainText('GS Hallermund');
  await popup.close();

  // The Hallermund notice on IServ tells what is kept longest: seven days.
  await page.reload();
  const notice = ui(page).getByTestId('notice');
  await expect(notice).toHaveAttribute('data-profile', /^gs-hallermund-springe@/);
  await expect(notice.getByTestId('notice-kept')).toContainText('Bild und Ton werden nicht gespeichert.');
  await expect(notice.getByTestId('notice-kept')).toContainText('höchstens 7 Tage');
});

test("the popup on a public server keeps the generic profile after a school is chosen, and says why", async ({ context, page }) => {
  await page.goto('https://meet.jit.si/Englisch7b');
  await expect(ui(page)).toHaveAttribute('data-platform', 'jitsi');
  let popup = await openPopup(context);
  await popup.getByText('Andere Schule wählen').click();
  await popup.getByLabel('Schule suchen (Name oder Ort)').fill('Hannover');
  await popup.getByRole('button', { name: /Landeshauptstadt Hannover/ }).click();
  await expect(popup.getByTestId('summary').locator('.institution')).toContainText('Jitsi Meet (allgemein)');
  await expect(popup.getByTestId('popup-applies')).toContainText(
    'Ihre gewählte Schule (Landeshauptstadt Hannover, Fachbereich Schule 40.13 Pädagogische Programme / Bildungsbüro) nennt diese Adresse nicht. Darum gelten hier allgemeine Angaben zu Jitsi Meet.',
  );
  await popup.close();
  popup = await openPopup(context);
  await expect(popup.getByTestId('popup-applies')).toHaveAttribute('data-reason', 'generic');
  await expect(popup.getByTestId('summary').locator('.institution')).toContainText('Jitsi Meet (allgemein)');
  await popup.close();
  await page.reload();
  await expect(ui(page).getByTestId('notice')).toHaveAttribute('data-profile', /^generic-jitsi@/);
});

test('the summary page prints every detail with its source', async ({ context, page }) => {
  const id = await extensionId(context);
  await page.goto(`chrome-extension://${id}/summary.html?profile=gs-hallermund-springe`);
  const summary = page.getByTestId('summary');
  await expect(summary.locator('.institution')).toContainText('GS Hallermund');
  await expect(summary.locator('details[open]')).toHaveCount(await summary.locator('details').count());
  await expect(summary.locator('.sources li').first()).toHaveText(
    'Quelle: Datenschutzhinweise zum IServ Videokonferenztool (GS Hallermund, Springe) – Wer ist verantwortlich für die Verarbeitung der Daten meines Kindes?',
  );
  await expect(summary).not.toContainText('seeds/');
  await expect(page.getByRole('button', { name: 'Drucken' })).toBeVisible();
});

const VALID = JSON.stringify({
  format: 1,
  id: 'gymnasium-musterstadt',
  version: 1,
  kind: 'institution',
  language: 'de',
  institution: { name: 'Gymnasium Musterstadt', town: 'Musterstadt' },
  deployments: [{ platform: 'jitsi', hosts: ['meet.gymnasium-musterstadt.de'] }],
  controller: { name: 'Gymnasium Musterstadt', source: [{ document: 'Datenschutzhinweise' }] },
});

test('import: a valid profile is saved; a bad one shows its errors and changes nothing', async ({ context, page }) => {
  await page.goto(`chrome-extension://${await extensionId(context)}/options.html`);
  const result = page.getByTestId('import-result');
  await page.getByLabel('… oder JSON hier einfügen').fill(VALID);
  await page.getByRole('button', { name: 'Importieren' }).click();
  await expect(result).toContainText('Profil „Gymnasium Musterstadt“ (Version 1) wurde gespeichert.');
  // The list shows the saved profile (it follows storage, after the message): then it is counted.
  await expect(page.locator('li[data-profile="gymnasium-musterstadt"] [data-testid="art13"]')).toContainText('Datenschutzbeauftragte Person');
  const profiles = page.getByTestId('profiles').locator('li[data-profile]');
  const count = await profiles.count();

  const bad = VALID.replace('"version":1', '"version":"zwei"').replace('meet.gymnasium-musterstadt.de', 'https://meet.x.de').replace('"Gymnasium Musterstadt","town"', '"","town"');
  await page.getByLabel('… oder JSON hier einfügen').fill(bad);
  await page.getByRole('button', { name: 'Importieren' }).click();
  await expect(result).toContainText('Nicht importiert: 3 Fehler. Ihre bisherigen Profile bleiben unverändert.');
  await expect(result.locator('li')).toContainText([
    'version: Falscher Typ: erwartet wird eine Zahl.',
    'institution.name: Darf nicht leer sein.',
    'deployments[0].hosts[0]: Kein gültiger Hostname',
  ]);
  await expect(profiles).toHaveCount(count);
  await expect(page.locator('li[data-profile="gymnasium-musterstadt"]')).toContainText('Gymnasium Musterstadt');

  await page.getByLabel('… oder JSON hier einfügen').fill('{ kein json');
  await page.getByRole('button', { name: 'Importieren' }).click();
  await expect(result).toContainText('ganzes Profil: Das ist kein gültiges JSON');
  await expect(profiles).toHaveCount(count);
});

test('a profile file is imported the same way', async ({ context, page }) => {
  await page.goto(`chrome-extension://${await extensionId(context)}/options.html`);
  await page.getByLabel('Profil-Datei (JSON)').setInputFiles({ name: 'schule.json', mimeType: 'application/json', buffer: Buffer.from(VALID) });
  await expect(page.getByTestId('import-result')).toContainText('wurde gespeichert');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Gymnasium Musterstadt exportieren' }).click();
  expect((await download).suggestedFilename()).toBe('gymnasium-musterstadt.json');
});

test.describe('accessibility (axe-core)', () => {
  test('popup with summary and school picker', async ({ context, page }) => {
    await page.goto('https://meet.jit.si/Mathe7b');
    await waitForOverlay(page);
    const popup = await openPopup(context);
    await expect(popup.getByTestId('summary')).toBeVisible();
    await popup.locator('details.change-school > summary').click();
    expect((await new AxeBuilder({ page: popup }).analyze()).violations).toEqual([]);
  });

  test('summary page', async ({ context, page }) => {
    await page.goto(`chrome-extension://${await extensionId(context)}/summary.html?profile=lindgren-grundschule-berlin`);
    await expect(page.getByTestId('summary')).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });

  test('options page, with import errors shown', async ({ context, page }) => {
    await page.goto(`chrome-extension://${await extensionId(context)}/options.html`);
    await page.getByLabel('… oder JSON hier einfügen').fill('[]');
    await page.getByRole('button', { name: 'Importieren' }).click();
    await expect(page.getByTestId('import-result')).toContainText('Nicht importiert');
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });
});
