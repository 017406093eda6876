import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { launchWithExtension, ROOT } from '../../scripts/chromium';
import { flat, pdfPages } from '../../scripts/pdf';
import type { Profile } from '../../lib/profiles/schema';
import { expect, extensionId, firstRunPage, openPopup, test, ui } from './extension';

const GECKO_ID = 'konferenzlotse@konferenzlotse';

// Long forms typed key by key: give a loaded two-core machine time.
test.describe.configure({ timeout: 120_000 });
/** A bundled profile as its file has it (each file is named by its id). */
const bundled = (id: string): Profile => JSON.parse(readFileSync(join(ROOT, 'lib', 'profiles', 'bundled', `${id}.json`), 'utf8'));

async function openEditor(context: BrowserContext, page: Page): Promise<void> {
  await page.goto(`chrome-extension://${await extensionId(context)}/editor.html`);
  await expect(page.getByTestId('art13-panel')).toBeVisible();
}

/** A value in the extension's local storage, read from one of its pages. */
async function stored<T>(page: Page, key: string): Promise<T | undefined> {
  return page.evaluate(async (k) => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
    return (await api.storage.local.get(k))[k];
  }, key) as Promise<T | undefined>;
}

/** The imported profiles as stored: the index names them, each is stored whole under its own key. */
async function storedProfiles(page: Page): Promise<Profile[] | undefined> {
  const index = await stored<{ id: string }[]>(page, 'profiles');
  if (!index) return undefined;
  return Promise.all(index.map(async ({ id }) => (await stored<Profile>(page, `profile:${id}`))!));
}

type StoredDraft = { draft: Record<string, unknown> } | undefined;

/** Presses Tab (Shift+Tab with `back`) until the element with this id has focus, as a keyboard user would. */
async function tabTo(page: Page, id: string, back = false): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (await page.evaluate((target) => document.activeElement?.id === target, id)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`#${id} is not reached with the keyboard`);
}

async function typeAt(page: Page, id: string, text: string): Promise<void> {
  await tabTo(page, id);
  await page.keyboard.type(text);
}

/** Presses Enter on an add button and expects focus in the new entry's first field. */
async function addWith(page: Page, button: string, first: string): Promise<void> {
  await tabTo(page, button);
  await page.keyboard.press('Enter');
  await expect(page.locator(`#${first}`)).toBeFocused();
}

async function startFrom(page: Page, key: string): Promise<void> {
  await page.locator('#start-profile').selectOption(key);
  await page.getByRole('button', { name: 'Als Vorlage nehmen (Kopie mit neuer id)' }).click();
  await expect(page.getByTestId('start-status')).toContainText('übernommen');
}

test('a complete profile from empty, by keyboard only: the Art. 13 panel fills, the preview follows, and once saved it applies on its conference page', async ({ context, page, consoleErrors }) => {
  test.setTimeout(300_000);
  await openEditor(context, page);
  const panel = page.getByTestId('art13-panel');
  const count = page.getByTestId('art13-count');
  const notice = page.getByTestId('preview-notice').getByTestId('notice');
  const summary = page.getByTestId('preview-summary');
  await expect(panel.locator('li[data-status="missing"]')).toHaveCount(10);
  await expect(count).toHaveText('Angegeben: 0 von 10 Punkten');
  await expect(notice).toContainText('Verantwortlich: nicht angegeben');

  await typeAt(page, 'default-source-document', 'Datenschutzhinweise Videokonferenz der Realschule Musterstadt');
  await typeAt(page, 'f-id', 'realschule-musterstadt');
  await typeAt(page, 'f-institution-name', 'Realschule Musterstadt');
  await expect(summary.locator('.institution')).toHaveText('Gilt für: Realschule Musterstadt');
  await typeAt(page, 'f-deployments-0-platform', 'BigBlueButton (G');
  await expect(page.locator('#f-deployments-0-platform')).toHaveValue('greenlight');
  await addWith(page, 'add-f-deployments-0-hosts', 'f-deployments-0-hosts-0');
  await expect(page.getByTestId('announcer')).toHaveText('Hostname 1 hinzugefügt.');
  await page.keyboard.type('greenlight.schule-musterstadt.de');

  await addWith(page, 'add-f-controller', 'f-controller-name');
  await page.keyboard.type('Realschule Musterstadt, vertreten durch die Schulleitung');
  await expect(panel.locator('li[data-item="controller"]')).toHaveAttribute('data-status', 'present');
  await expect(count).toHaveText('Angegeben: 1 von 10 Punkten');
  await expect(notice).toContainText('Verantwortlich: Realschule Musterstadt, vertreten durch die Schulleitung');
  await expect(summary.locator('[data-row="controller"]')).toContainText('Realschule Musterstadt, vertreten durch die Schulleitung');

  await addWith(page, 'add-f-dpo', 'f-dpo-name');
  await page.keyboard.type('Datenschutzbeauftragte des Schulträgers');
  await typeAt(page, 'f-dpo-email', 'datenschutz@realschule-musterstadt.de');
  await addWith(page, 'add-f-purposes', 'f-purposes-0-text-de');
  await page.keyboard.type('Unterricht und Sprechstunden per Video.');
  await addWith(page, 'add-f-legalBases', 'f-legalBases-0-basis');
  await page.keyboard.type('Einw');
  await expect(page.locator('#f-legalBases-0-basis')).toHaveValue('consent');
  await typeAt(page, 'f-legalBases-0-text-de', 'Die Teilnahme beruht auf Ihrer Einwilligung.');
  await addWith(page, 'add-f-access', 'f-access-0-text-de');
  await page.keyboard.type('Alle im Raum sehen und hören einander.');
  await addWith(page, 'add-f-thirdCountryTransfer', 'f-thirdCountryTransfer-text-de');
  await page.keyboard.type('Es gehen keine Daten in Länder außerhalb des EWR.');
  await expect(notice.getByTestId('notice-kept')).toContainText('nicht angegeben');
  await addWith(page, 'add-f-retention', 'f-retention-0-category');
  await page.keyboard.type('Chat');
  await expect(page.locator('#f-retention-0-category')).toHaveValue('chat');
  await typeAt(page, 'f-retention-0-maxDays', '7');
  await typeAt(page, 'f-retention-0-text-de', 'Der Chat wird nach spätestens 7 Tagen gelöscht.');
  await expect(notice.getByTestId('notice-kept')).toContainText('Am längsten gespeichert: Chat – höchstens 7 Tage.');
  await addWith(page, 'add-f-rights', 'f-rights-text-de');
  await page.keyboard.type('Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung und Widerspruch.');
  await addWith(page, 'add-f-withdrawConsent', 'f-withdrawConsent-text-de');
  await page.keyboard.type('Die Einwilligung kann jederzeit beim Sekretariat widerrufen werden.');
  await addWith(page, 'add-f-complaint', 'f-complaint-authority');
  await page.keyboard.type('Landesbeauftragte für den Datenschutz');
  await typeAt(page, 'f-complaint-text-de', 'Sie können sich bei der Aufsichtsbehörde beschweren.');

  await expect(panel.locator('li[data-status="present"]')).toHaveCount(10);
  await expect(count).toHaveText('Angegeben: 10 von 10 Punkten');
  await expect(page.getByTestId('error-summary')).toHaveText('Keine Fehler: Das Profil kann gespeichert werden.');

  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-result')).toHaveText('Gespeichert: „Realschule Musterstadt“ (Version 1). Das Profil gilt ab jetzt wie jedes importierte Profil.');
  await expect(page.getByTestId('letter-link')).toHaveAttribute('href', /\/letter\.html\?profile=imported%3Arealschule-musterstadt$/);
  await expect.poll(async () => (await storedProfiles(page))?.map((p) => p.id)).toEqual(['realschule-musterstadt']);
  const saved = (await storedProfiles(page))![0]!;
  expect(saved.controller).toEqual({ name: 'Realschule Musterstadt, vertreten durch die Schulleitung', source: [{ document: 'Datenschutzhinweise Videokonferenz der Realschule Musterstadt' }] });
  expect(saved.deployments).toEqual([{ platform: 'greenlight', hosts: ['greenlight.schule-musterstadt.de'] }]);

  await page.goto('https://greenlight.schule-musterstadt.de/rooms/abc-def-ghi/join');
  const live = ui(page).getByTestId('notice');
  await expect(live).toHaveAttribute('data-profile', 'realschule-musterstadt@1');
  await expect(live).toContainText('Verantwortlich: Realschule Musterstadt, vertreten durch die Schulleitung');
  await expect(live.getByTestId('notice-kept')).toContainText('höchstens 7 Tage');
  expect(consoleErrors).toEqual([]);
});

test('list entries are added, moved and removed by keyboard; each change is announced and focus stays with the list', async ({ context, page }) => {
  await openEditor(context, page);
  const announcer = page.getByTestId('announcer');
  for (const [i, text] of ['A', 'B', 'C'].entries()) {
    await addWith(page, 'add-f-purposes', `f-purposes-${i}-text-de`);
    await page.keyboard.type(`Zweck ${text}`);
  }
  await expect(announcer).toHaveText('Zweck 3 hinzugefügt.');
  const values = () => page.locator('[id^="f-purposes-"][id$="-text-de"]').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));

  await tabTo(page, 'up-f-purposes-2');
  await expect(page.locator('#up-f-purposes-2')).toHaveAccessibleName('Zweck 3 nach oben');
  await page.keyboard.press('Enter');
  await expect(announcer).toHaveText('Zweck 3 verschoben, jetzt an Stelle 2.');
  expect(await values()).toEqual(['Zweck A', 'Zweck C', 'Zweck B']);
  await expect(page.locator('#up-f-purposes-1')).toBeFocused();
  await page.keyboard.press('Enter');
  expect(await values()).toEqual(['Zweck C', 'Zweck A', 'Zweck B']);
  // At the top there is no "up" any more: focus moves to the same entry's "down".
  await expect(page.locator('#down-f-purposes-0')).toBeFocused();

  await tabTo(page, 'rm-f-purposes-0');
  await page.keyboard.press('Enter');
  await expect(announcer).toHaveText('Zweck 1 entfernt.');
  expect(await values()).toEqual(['Zweck A', 'Zweck B']);
  await expect(page.locator('#f-purposes-0-text-de')).toBeFocused();
  await tabTo(page, 'rm-f-purposes-1');
  await page.keyboard.press('Enter');
  await tabTo(page, 'rm-f-purposes-0', true);
  await page.keyboard.press('Enter');
  expect(await values()).toEqual([]);
  await expect(page.locator('#add-f-purposes')).toBeFocused();
  await expect(page.getByTestId('art13-panel').locator('li[data-item="purposes"]')).toHaveAttribute('data-status', 'missing');
});

test('each Art. 13 item leads to its field', async ({ context, page }) => {
  await openEditor(context, page);
  const panel = page.getByTestId('art13-panel');
  await panel.getByRole('button', { name: 'Datenschutzbeauftragte Person' }).click();
  await expect(page.locator('#add-f-dpo')).toBeFocused();
  await expect(panel.locator('li[data-item="dpo"] .hint')).toHaveText('Wie die oder der Datenschutzbeauftragte zu erreichen ist (Abs. 1 lit. b).');
  await startFrom(page, 'bundled:gs-hallermund-springe');
  await panel.getByRole('button', { name: 'Speicherdauer' }).click();
  await expect(page.locator('#f-retention-0-category')).toBeFocused();
  await expect(panel.locator('li[data-item="rights"]')).toHaveAttribute('data-status', 'missing');
  await panel.getByRole('button', { name: 'Rechte der Betroffenen (Art. 15–21)' }).click();
  await expect(page.locator('#add-f-rights')).toBeFocused();
});

test('an invalid field shows its message and blocks saving, nothing else: the other fields and the draft keep their values, also after a reload', async ({ context, page }) => {
  page.on('dialog', (dialog) => void dialog.accept());
  await openEditor(context, page);
  await startFrom(page, 'bundled:gs-hallermund-springe');
  await expect(page.locator('#f-id')).toHaveValue('gs-hallermund-springe-kopie');
  const email = page.locator('#f-dpo-email');
  await email.fill('keine-adresse');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAttribute('aria-describedby', 'e-dpo-email');
  await expect(page.locator('#e-dpo-email')).toHaveText('Keine gültige E-Mail-Adresse.');
  await expect(page.getByTestId('art13-panel').locator('li[data-item="dpo"]')).toHaveAttribute('data-status', 'invalid');
  await expect(page.getByTestId('error-summary').locator('li')).toHaveText(['Datenschutzbeauftragte Person › E-Mail: Keine gültige E-Mail-Adresse. dpo.email']);
  // The preview leaves out exactly the part with the error.
  await expect(page.getByTestId('preview-omitted')).toHaveText('Die Vorschau lässt 1 Angabe mit Fehlern weg.');
  await expect(page.getByTestId('preview-summary').locator('[data-row="dpo"]')).toHaveText(/^Datenschutzbeauftragte PersonPatrick Albers$/);

  await page.getByTestId('save').click();
  await expect(page.getByTestId('save-result')).toHaveText('Nicht gespeichert: 1 Fehler. Ihr Entwurf bleibt, wie er ist; die Fehler stehen oben.');
  await expect(page.getByTestId('error-summary')).toBeFocused();
  expect(await storedProfiles(page)).toBeUndefined();
  await expect(page.locator('#f-controller-name')).toHaveValue(bundled('gs-hallermund-springe').controller!.name);
  await expect(page.locator('#f-institution-name')).toHaveValue('GS Hallermund');
  await expect.poll(async () => ((await stored<StoredDraft>(page, 'editorDraft'))?.draft.dpo as { email?: string })?.email).toBe('keine-adresse');

  await page.reload();
  await expect(email).toHaveValue('keine-adresse');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#f-controller-name')).toHaveValue(bundled('gs-hallermund-springe').controller!.name);
  await page.getByTestId('error-summary').getByRole('button', { name: 'Datenschutzbeauftragte Person › E-Mail' }).click();
  await expect(email).toBeFocused();

  await email.fill('datenschutz@gs-hallermund.de');
  await expect(email).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByTestId('save').click();
  await expect(page.getByTestId('save-result')).toContainText('Gespeichert: „GS Hallermund“ (Version 1).');
  await expect.poll(async () => (await storedProfiles(page))?.[0]?.dpo?.email).toBe('datenschutz@gs-hallermund.de');
});

test('an imported profile opens for editing under its own id, and saving it replaces it', async ({ context, page }) => {
  await page.goto(`chrome-extension://${await extensionId(context)}/options.html`);
  const profile = { ...bundled('kmz-zollernalbkreis'), id: 'kmz-eigen', version: 3 };
  await page.getByLabel('… oder JSON hier einfügen').fill(JSON.stringify(profile));
  await page.getByRole('button', { name: 'Importieren' }).click();
  await expect(page.getByTestId('import-result')).toContainText('wurde gespeichert');
  await openEditor(context, page);
  await page.locator('#start-profile').selectOption('imported:kmz-eigen');
  await page.getByRole('button', { name: 'Dieses importierte Profil bearbeiten' }).click();
  await expect(page.locator('#f-id')).toHaveValue('kmz-eigen');
  await expect(page.getByTestId('letter-link')).toHaveAttribute('href', /profile=imported%3Akmz-eigen$/);
  await page.locator('#f-version').fill('4');
  await page.getByTestId('save').click();
  await expect(page.getByTestId('save-result')).toContainText('(Version 4)');
  await expect.poll(async () => (await storedProfiles(page))?.map((p) => `${p.id}@${p.version}`)).toEqual(['kmz-eigen@4']);
});

test('leaving the editor with unsaved changes asks first', async ({ context, page }) => {
  await openEditor(context, page);
  await typeAt(page, 'f-id', 'ungespeichert');
  const dialog = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const asked = await dialog;
  expect(asked.type()).toBe('beforeunload');
  await asked.dismiss();
});

test('a draft survives a browser restart', async ({ server }) => {
  const userDataDir = mkdtempSync(join(tmpdir(), 'konferenzlotse-editor-restart-'));
  const launch = () => launchWithExtension({ hostResolverRules: server.hostResolverRules, headless: true, userDataDir });
  let context = await launch();
  await (await firstRunPage(context)).close();
  let page = await context.newPage();
  await openEditor(context, page);
  await page.locator('#f-id').fill('nach-dem-neustart');
  await page.locator('#f-institution-name').fill('Schule nach dem Neustart');
  await page.locator('#add-f-purposes').click();
  await page.locator('#f-purposes-0-text-de').fill('Noch nicht fertig');
  await expect.poll(async () => (await stored<StoredDraft>(page, 'editorDraft'))?.draft.purposes).toEqual([{ text: { de: 'Noch nicht fertig' }, source: [{ document: '' }] }]);
  await context.close();

  context = await launch();
  try {
    page = await context.newPage();
    await openEditor(context, page);
    await expect(page.locator('#f-id')).toHaveValue('nach-dem-neustart');
    await expect(page.locator('#f-institution-name')).toHaveValue('Schule nach dem Neustart');
    await expect(page.locator('#f-purposes-0-text-de')).toHaveValue('Noch nicht fertig');
    await expect(page.locator('#e-purposes-0-source-0-document')).toHaveText('Pflichtangabe fehlt.');
  } finally {
    await context.close();
  }
});

test('a bundled profile as a template: the exported file re-imports to an identical profile, and the policy snippets parse and name it', async ({ context, page }) => {
  const id = await extensionId(context);
  await openEditor(context, page);
  await startFrom(page, 'bundled:lindgren-grundschule-berlin');
  await expect(page.getByTestId('start-status')).toHaveText('Vorlage „Astrid-Lindgren-Grundschule am Ritterfeld“ übernommen, neue id: lindgren-grundschule-berlin-kopie.');
  await expect(page.getByTestId('error-summary')).toHaveText('Keine Fehler: Das Profil kann gespeichert werden.');

  const download = page.waitForEvent('download');
  await page.getByTestId('export').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('lindgren-grundschule-berlin-kopie.json');
  const path = join(mkdtempSync(join(tmpdir(), 'konferenzlotse-export-')), file.suggestedFilename());
  await file.saveAs(path);
  const exported = JSON.parse(readFileSync(path, 'utf8')) as Profile;
  expect(exported).toEqual({ ...bundled('lindgren-grundschule-berlin'), id: 'lindgren-grundschule-berlin-kopie', version: 1 });

  const chrome = JSON.parse(await page.locator('#chrome-text').inputValue());
  const forChrome = chrome['3rdparty'].extensions[id];
  expect(JSON.parse(forChrome.profile)).toEqual(exported);
  expect(forChrome.hosts).toEqual([{ origin: 'https://lernraum.lindgrenschule.de', platform: 'nextcloud-bbb' }]);
  const firefox = JSON.parse(await page.locator('#firefox-text').inputValue());
  expect(JSON.parse(firefox.policies['3rdparty'].Extensions[GECKO_ID].profile).id).toBe('lindgren-grundschule-berlin-kopie');
  await page.getByTestId('policy-firefox').getByRole('button').click();
  await expect(page.getByTestId('policy-firefox').getByRole('status')).toHaveText('Kopiert.');

  await page.goto(`chrome-extension://${id}/options.html`);
  await page.locator('#import-file').setInputFiles(path);
  await expect(page.getByTestId('import-result')).toContainText('wurde gespeichert');
  const imported = (await storedProfiles(page))!;
  expect(imported).toEqual([exported]);
});

test.describe("the parents' letter printed to PDF", () => {
  const printed = async (context: BrowserContext, page: Page, key: string) => {
    await page.goto(`chrome-extension://${await extensionId(context)}/letter.html?profile=${encodeURIComponent(key)}`);
    await expect(page.getByTestId('letter')).toBeVisible();
    const pages = await pdfPages(context, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    // A4: 210 x 297 mm, in points.
    for (const { width, height } of pages) expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    return flat(pages.map((p) => p.text).join('\n'));
  };

  const retentionLines = (page: Page) => page.getByTestId('letter-retention').evaluateAll((items) => items.map((li) => li.textContent ?? ''));
  const gaps = (page: Page) => page.locator('[data-gap]').evaluateAll((items) => items.map((g) => g.getAttribute('data-gap')));

  test('GS Hallermund (consent): the controller, every retention line, the consent form, and "nicht angegeben" for each gap', async ({ context, page }) => {
    const text = await printed(context, page, 'bundled:gs-hallermund-springe');
    const profile = bundled('gs-hallermund-springe');
    expect(text).toContain(profile.controller!.name);
    const lines = await retentionLines(page);
    expect(lines).toHaveLength(profile.retention!.length);
    for (const line of lines) expect(text).toContain(flat(line));
    expect(text).toContain('Einwilligung in die Teilnahme an Videokonferenzen');
    expect(text).toContain('Die Einwilligung ist freiwillig. Sie können sie jederzeit ohne Angabe von Gründen mit Wirkung für die Zukunft widerrufen.');
    for (const line of ['Vor- und Nachname des Kindes', 'Klasse', 'Ort, Datum', 'Unterschrift der Erziehungsberechtigten']) expect(text).toContain(line);
    expect(await gaps(page)).toEqual(['rights', 'complaint']);
    expect(text.match(/nicht angegeben/g)).toHaveLength(2);
    expect(text).toMatch(/9\. Rechte der Betroffenen \(Art\. 15–21\) \(Art\. 13 Abs\. 2 lit\. b DSGVO\) nicht angegeben/);
    expect(text).not.toContain('Drucken');
  });

  test('Astrid-Lindgren-Grundschule (no consent) and Kreismedienzentrum (no legal basis named): no consent form; each gap shown', async ({ context, page }) => {
    let text = await printed(context, page, 'bundled:lindgren-grundschule-berlin');
    expect(text).toContain(bundled('lindgren-grundschule-berlin').controller!.name);
    for (const line of await retentionLines(page)) expect(text).toContain(flat(line));
    expect(await retentionLines(page)).toHaveLength(bundled('lindgren-grundschule-berlin').retention!.length);
    expect(text).not.toContain('Einwilligung in die Teilnahme');
    expect(text).toContain('Entfällt: Die Verarbeitung stützt sich nicht auf eine Einwilligung.');
    expect(text.match(/nicht angegeben/g)?.length ?? 0).toBe((await gaps(page)).length);

    text = await printed(context, page, 'bundled:kmz-zollernalbkreis');
    expect(text).not.toContain('Einwilligung in die Teilnahme');
    const kmzGaps = await gaps(page);
    expect(kmzGaps).toEqual(expect.arrayContaining(['legalBasis', 'withdrawConsent']));
    expect(text.match(/nicht angegeben/g)).toHaveLength(kmzGaps.length);
    for (const line of await retentionLines(page)) expect(text).toContain(flat(line));
  });
});

test.describe('axe-core finds no violations', () => {
  test('editor, empty and with an error', async ({ context, page }) => {
    await openEditor(context, page);
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.locator('#f-id').fill('Kein gültiger Name!');
    await page.locator('#add-f-dpo').click();
    await page.locator('#f-dpo-name').fill('Datenschutz');
    await page.locator('#f-dpo-email').fill('keine-adresse');
    await page.locator('#add-f-purposes').click();
    await page.locator('#add-f-purposes').click();
    await expect(page.locator('#e-dpo-email')).toBeVisible();
    await expect(page.locator('#e-id')).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });

  test("parents' letter", async ({ context, page }) => {
    await page.goto(`chrome-extension://${await extensionId(context)}/letter.html?profile=bundled%3Ahannover-bildungsbuero`);
    await expect(page.getByTestId('letter-consent')).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });
});

test('the editor and the letter are reached from the options page and from the popup', async ({ context, page }) => {
  const id = await extensionId(context);
  await page.goto(`chrome-extension://${id}/options.html`);
  const links = page.getByTestId('editor-links');
  await expect(links.getByRole('link', { name: 'Profil erstellen oder bearbeiten' })).toHaveAttribute('href', `chrome-extension://${id}/editor.html`);
  await links.getByLabel('Elternbrief mit Einwilligung für').selectOption('bundled:hannover-bildungsbuero');
  await expect(links.getByRole('link', { name: 'Elternbrief öffnen' })).toHaveAttribute('href', `chrome-extension://${id}/letter.html?profile=bundled%3Ahannover-bildungsbuero`);

  await page.goto('https://lernraum.lindgrenschule.de/apps/bbb/b/k7Tq2WxPm9aZr4Hs');
  await expect(ui(page)).toHaveAttribute('data-platform', 'nextcloud-bbb');
  const popup = await openPopup(context);
  await expect(popup.getByTestId('summary-letter')).toHaveAttribute('href', `chrome-extension://${id}/letter.html?profile=bundled%3Alindgren-grundschule-berlin`);
  await popup.close();
});
