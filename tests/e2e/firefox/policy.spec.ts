import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cardOf } from '../../../lib/profiles/card';
import type { Profile } from '../../../lib/profiles/schema';
import { FIREFOX_EXTENSION_DIR } from '../../../scripts/firefox';
import { expect, test } from '../extension';
import { FirefoxSession } from '../firefox';

/**
 * Firefox reads admin policies from policies.json at start-up only; the extension's keys live
 * under 3rdparty -> Extensions -> its id. The policy file names an id no other test's Firefox
 * uses (a copy of the build with that id), so Firefox sessions running beside these never see it.
 */
const POLICY_FILE = '/usr/lib/firefox-esr/distribution/policies.json';
const POLICY_ID = 'konferenzlotse-policy@konferenzlotse';
const JITSI = 'https://meet.jit.si/Englisch7b';

const profile = (id: string, name: string): Profile => ({
  format: 1,
  id,
  version: 3,
  kind: 'institution',
  language: 'de',
  institution: { name, town: 'Musterstadt' },
  deployments: [{ platform: 'jitsi', hosts: ['meet.jit.si'] }],
  controller: { name, source: [{ document: 'Datenschutzhinweise' }] },
});

function writePolicy(keys: Record<string, unknown>) {
  writeFileSync(POLICY_FILE, JSON.stringify({ policies: { '3rdparty': { Extensions: { [POLICY_ID]: keys } } } }, null, 2));
}

/** Why the policy file cannot be written here, or null. */
function cannotWrite(): string | null {
  if (process.env.FIREFOX_PATH) return 'FIREFOX_PATH is set: the policy file belongs to Debian\'s firefox-esr';
  if (!existsSync(dirname(POLICY_FILE))) return `${dirname(POLICY_FILE)} does not exist`;
  if (existsSync(POLICY_FILE)) return `${POLICY_FILE} exists already (it is not ours to replace)`;
  try {
    writeFileSync(POLICY_FILE, '{}');
    rmSync(POLICY_FILE);
    return null;
  } catch (error) {
    return `${POLICY_FILE} cannot be written (${(error as NodeJS.ErrnoException).code}): run as root, as CI does`;
  }
}

/** The end-to-end build under the policy's extension id. */
function policyBuild(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'konferenzlotse-policy-ext-')), 'extension');
  cpSync(FIREFOX_EXTENSION_DIR, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  manifest.browser_specific_settings.gecko.id = POLICY_ID;
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

test.describe('admin policy from policies.json', () => {
  test.describe.configure({ mode: 'serial' });
  const reason = cannotWrite();
  test.skip(reason !== null, `Skipped: ${reason}`);

  let extensionDir: string;
  test.beforeAll(() => {
    extensionDir = policyBuild();
  });
  test.afterAll(() => {
    rmSync(dirname(extensionDir), { recursive: true, force: true });
  });
  test.afterEach(() => {
    rmSync(POLICY_FILE, { force: true });
  });

  test('the profile set by policy applies to the conference, in the notice and the popup', async ({ server }) => {
    test.setTimeout(90_000);
    writePolicy({ profile: JSON.stringify(profile('schule-per-richtlinie', 'Gymnasium per Richtlinie')) });
    const session = await FirefoxSession.start(server, { extensionDir, extensionId: POLICY_ID });
    try {
      expect(await session.reset()).toBe(true);
      const d = session.driver();
      await d.page.goto(JITSI);
      await expect.poll(() => d.page.attr({ overlay: true, css: '[data-testid="notice"]' }, 'data-profile')).toMatch(/schule-per-richtlinie@3$/);
      const popup = await d.openPopup();
      await expect.poll(() => popup.text({ css: '[data-testid="summary"] .institution' })).toContain('Gymnasium per Richtlinie');
      expect(d.errors).toEqual([]);
    } finally {
      await session.close();
    }
  });

  test("a malformed policy leaves the extension working and the user's profiles and settings untouched", async ({ server }) => {
    test.setTimeout(120_000);
    const userDataDir = mkdtempSync(join(tmpdir(), 'konferenzlotse-firefox-policy-'));
    const imported = profile('gymnasium-musterstadt', 'Gymnasium Musterstadt');
    try {
      // Before the policy: the user chose a role and imported a profile.
      let session = await FirefoxSession.start(server, { extensionDir, extensionId: POLICY_ID, userDataDir });
      try {
        expect(await session.reset()).toBe(true);
        const d = session.driver();
        await d.setStorage({ role: 'teacher', profiles: [cardOf(imported)], profiles$: { v: 2 }, [`profile:${imported.id}`]: imported });
        await d.page.goto(JITSI);
        await expect.poll(() => d.page.attr({ overlay: true, css: '[data-testid="notice"]' }, 'data-profile')).toMatch(/gymnasium-musterstadt@3$/);
      } finally {
        await session.close();
      }

      // The admin rolls out a broken policy: the profile is no JSON, the other keys of the wrong type.
      writePolicy({ profile: '{ "id": "kaputt", ', profiles: 'keine Liste', hosts: [{ origin: 42 }], role: 'direktor', roleLocked: 'ja' });
      session = await FirefoxSession.start(server, { extensionDir, extensionId: POLICY_ID, userDataDir });
      try {
        expect(await session.reset({ keepState: true })).toBe(true);
        const d = session.driver();
        expect(await d.getStorage('role')).toBe('teacher');
        // The profile stored before, in the shape the extension keeps it in now: an index card and the profile itself.
        expect(await d.getStorage('profiles')).toEqual([cardOf(imported)]);
        expect(await d.getStorage(`profile:${imported.id}`)).toEqual(imported);
        await d.page.goto(JITSI);
        await expect.poll(() => d.page.overlays()).toEqual([expect.objectContaining({ platform: 'jitsi', role: 'teacher' })]);
        await expect.poll(() => d.page.attr({ overlay: true, css: '[data-testid="notice"]' }, 'data-profile')).toMatch(/gymnasium-musterstadt@3$/);
        expect(d.errors).toEqual([]);
      } finally {
        await session.close();
      }
    } finally {
      rmSync(userDataDir, { recursive: true, force: true });
    }
  });
});
