import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/chromium';
import { expect, extensionId, test } from './extension';

const school = (changes: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: 1,
    id: 'gymnasium-musterstadt',
    version: 1,
    kind: 'institution',
    language: 'de',
    institution: { name: 'Gymnasium Musterstadt', town: 'Musterstadt' },
    deployments: [{ platform: 'jitsi', hosts: ['meet.gymnasium-musterstadt.de'] }],
    ...changes,
  });

test('hostile imports are refused with their paths in the options page, and nothing is lost', async ({ context, page }) => {
  await page.goto(`chrome-extension://${await extensionId(context)}/options.html`);
  const paste = page.getByLabel('… oder JSON hier einfügen');
  const result = page.getByTestId('import-result');
  const profiles = page.getByTestId('profiles').locator('li[data-profile]');

  await paste.fill(school());
  await page.getByRole('button', { name: 'Importieren' }).click();
  await expect(result).toContainText('wurde gespeichert');
  // The list follows storage, after the message: the saved profile is listed before counting.
  await expect(page.locator('li[data-profile="gymnasium-musterstadt"]')).toHaveCount(1);
  const count = await profiles.count();

  const hostile: [string, string][] = [
    [school({ institution: { name: 'Schule\u202Eeluhcs' } }), 'institution.name: Enthält Steuerzeichen der Schreibrichtung'],
    [school({ institution: { name: '\u200B\u200B' } }), 'institution.name: Enthält nur unsichtbare Zeichen.'],
    [school({ deployments: [{ platform: 'jitsi', hosts: ['*.co.uk'] }] }), 'deployments[0].hosts[0]: Das ist eine öffentliche Endung'],
    [school({ deployments: [{ platform: 'jitsi', hosts: [`${'a'.repeat(64)}.schule.de`] }] }), 'deployments[0].hosts[0]: Ein Teil des Hostnamens'],
    [school().replace('"version":1', '"version":1e300'), 'version: Die Zahl ist zu groß: höchstens 2147483647.'],
    [school().replace('Musterstadt"}', 'Musterstadt\\ud800"}'), 'institution.town: Der Text ist nicht als UTF-8 gespeichert'],
    [school({ logo: 'x', farbe: 'blau' }), 'farbe: Unbekanntes Feld'],
    ['{\n  "id": x\n}', 'ganzes Profil: Das ist kein gültiges JSON (Fehler in Zeile 2, Spalte 9).'],
  ];
  for (const [input, message] of hostile) {
    await paste.fill(input);
    await page.getByRole('button', { name: 'Importieren' }).click();
    await expect(result).toContainText('Nicht importiert');
    await expect(result.getByRole('listitem').filter({ hasText: message })).toHaveCount(1);
  }
  // Both unknown fields are named, not only the first.
  await paste.fill(school({ logo: 'x', farbe: 'blau' }));
  await page.getByRole('button', { name: 'Importieren' }).click();
  await expect(result.getByRole('listitem')).toHaveText([/^logo: Unbekanntes Feld/, /^farbe: Unbekanntes Feld/]);

  // A Latin-1 file is refused instead of read with "�".
  const latin1 = Buffer.concat([Buffer.from(school().replace('Musterstadt"}', 'M')), Buffer.from([0xfc]), Buffer.from('nster"}')]).toString('latin1');
  await page.getByLabel('Profil-Datei (JSON)').setInputFiles({ name: 'schule.json', mimeType: 'application/json', buffer: Buffer.from(latin1, 'latin1') });
  await expect(result).toContainText('ganzes Profil: Der Text ist nicht als UTF-8 gespeichert');

  // Nothing was lost.
  await expect(profiles).toHaveCount(count);
  await expect(page.locator('li[data-profile="gymnasium-musterstadt"]')).toContainText('Gymnasium Musterstadt');
  await page.reload();
  await expect(page.locator('li[data-profile="gymnasium-musterstadt"]')).toContainText('Gymnasium Musterstadt');
});

test('an import that replaces a bundled profile says so', async ({ context, page }) => {
  const bundled = JSON.parse(readFileSync(join(ROOT, 'lib', 'profiles', 'bundled', 'gs-hallermund-springe.json'), 'utf8')) as { id: string; version: number; institution: { name: string } };
  await page.goto(`chrome-extension://${await extensionId(context)}/options.html`);
  await page.getByLabel('… oder JSON hier einfügen').fill(JSON.stringify({ ...bundled, version: bundled.version + 1 }));
  await page.getByRole('button', { name: 'Importieren' }).click();
  await expect(page.getByTestId('import-replaced')).toHaveText(
    `Hinweis: Es ersetzt das mitgelieferte Profil „${bundled.institution.name}“ mit derselben Kennung (${bundled.id}). Entfernen Sie das importierte Profil, um wieder das mitgelieferte zu nutzen.`,
  );
});
