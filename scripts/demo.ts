/**
 * npm run demo: the built extension on the demo conference pages.
 * With a display, a Chromium window opens on every demo page; without one (or with --headless)
 * each page is visited, screenshotted to demo-output/ and described, then the demo exits.
 * Options: --headless, --lang=en.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { DEMO_PAGES, type DemoPage } from '../tests/fixtures/sites';
import { extensionId, firstRunPage, launchWithExtension, openPopup, registeredScripts, ROOT } from './chromium';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { pdfPagePng } from './pdf';
import { installPolicy, keysOfLinuxPolicy, managedExtensionCopy, policyDirProblem } from './policy';

const OUTPUT = join(ROOT, 'demo-output');
const SETTLE_MS = 750;

const args = process.argv.slice(2);
const headless = args.includes('--headless') || !process.env.DISPLAY;
const language = args.includes('--lang=en') ? 'en' : 'de';

/** The overlay host in whichever frame of the tab has it (embedded conferences). */
async function findOverlay(page: Page) {
  for (const frame of page.frames()) {
    const host = frame.locator('konferenzlotse-ui');
    if ((await host.count()) > 0) return host;
  }
  return null;
}

/** What the extension shows on the page: platform/phase of the overlay and (inside it) the role, or nothing. */
async function observe(page: Page, demo: DemoPage): Promise<string> {
  const deadline = Date.now() + (demo.expect ? 5_000 : SETTLE_MS);
  let host = await findOverlay(page);
  while (Date.now() < deadline && (demo.expect ? (await host?.getAttribute('data-phase')) !== demo.expect.phase : true)) {
    await page.waitForTimeout(50);
    host = await findOverlay(page);
  }
  if (!host) return 'nothing';
  const [platform, phase, role] = await Promise.all([host.getAttribute('data-platform'), host.getAttribute('data-phase'), host.locator('[data-role]').first().getAttribute('data-role')]);
  const notice = (await host.getByTestId('notice').count()) > 0 ? ', join notice' : '';
  return `${platform} / ${phase} / ${role}${notice}`;
}

/** The toolbar popup for the current tab: which institution's summary it shows. */
async function popupSummary(context: BrowserContext, file: string): Promise<{ institution: string; file: string }> {
  const popup = await openPopup(context);
  await popup.setViewportSize({ width: 400, height: 900 });
  const institution = popup.getByTestId('summary').locator('.institution');
  const text = await institution.textContent({ timeout: 5_000 }).catch(() => null);
  await popup.screenshot({ path: file, fullPage: true });
  await popup.close();
  return { institution: text?.trim() ?? 'none', file };
}

async function runHeadless(context: BrowserContext): Promise<boolean> {
  mkdirSync(OUTPUT, { recursive: true });
  let allAsExpected = true;
  const page = context.pages()[0] ?? (await context.newPage());
  for (const [index, demo] of DEMO_PAGES.entries()) {
    await page.goto(demo.url);
    const seen = await observe(page, demo);
    const expected = demo.expect ? `${demo.expect.platform} / ${demo.expect.phase}` : 'nothing';
    const ok = demo.expect ? seen.startsWith(expected) : seen === 'nothing';
    allAsExpected &&= ok;
    const name = `${String(index + 1).padStart(2, '0')}-${new URL(demo.url).host}${new URL(demo.url).pathname.replaceAll('/', '_')}`;
    const file = join(OUTPUT, `${name}.png`);
    await page.screenshot({ path: file });
    console.log(`${ok ? '✔' : '✘'} ${demo.title}\n    page:       ${demo.url}\n    detected:   ${seen}${ok ? '' : `   (expected ${expected})`}\n    screenshot: ${relative(process.cwd(), file)}`);
    if (demo.expect) {
      const summary = await popupSummary(context, join(OUTPUT, `${name}-popup.png`));
      console.log(`    summary:    ${summary.institution}\n    popup:      ${relative(process.cwd(), summary.file)}`);
      allAsExpected &&= summary.institution !== 'none';
    }
  }
  return allAsExpected;
}

const ROLE_PAGES = [
  { name: 'jitsi', url: 'https://meet.jit.si/Sprechstunde7b', leave: ['.hangup-menu-button', 'button.hangup-menu-item[aria-label="Konferenz verlassen"]'] },
  { name: 'bbb', url: 'https://bbb.schule-musterstadt.de/html5client/?sessionToken=recording', leave: ['[data-test="leaveMeetingDropdown"]', '[data-test="directLogoutButton"]'] },
] as const;

/**
 * Each role on the Jitsi and BBB moderator pages as the notice opens; for teachers also the
 * checklist opened after "Verstanden" and the leave-last guard.
 */
async function runRoles(context: BrowserContext): Promise<boolean> {
  const id = await extensionId(context);
  const page = context.pages()[0] ?? (await context.newPage());
  let ok = true;
  for (const role of ['student', 'teacher', 'parent'] as const) {
    await page.goto(`chrome-extension://${id}/options.html`);
    await page.evaluate((r) => (globalThis as unknown as { chrome: { storage: { local: { clear(): Promise<void>; set(v: unknown): Promise<void> } } } }).chrome.storage.local.set({ role: r, acknowledgements: {} }), role);
    for (const target of ROLE_PAGES) {
      await page.goto(target.url);
      const host = page.locator('konferenzlotse-ui[data-phase="meeting"]');
      const shown = await host
        .locator(`[data-role="${role}"]`)
        .waitFor({ state: 'attached', timeout: 5_000 })
        .then(() => true, () => false);
      ok &&= shown;
      const parts = [`notice: ${(await host.getByTestId('notice').count()) > 0}`];
      const file = join(OUTPUT, `role-${role}-${target.name}.png`);
      await page.screenshot({ path: file });
      console.log(`${shown ? '✔' : '✘'} ${role} on ${target.name}: ${parts.join(', ')}\n    screenshot: ${relative(process.cwd(), file)}`);
      if (role === 'teacher') {
        await host.getByRole('button', { name: /Verstanden|Got it/ }).click();
        await host.getByTestId('checklist').getByRole('button').first().click();
        const items = await host.getByTestId('checklist').locator('[data-item]').count();
        const checklistFile = join(OUTPUT, `role-teacher-${target.name}-checklist.png`);
        await page.screenshot({ path: checklistFile });
        console.log(`${items > 0 ? '✔' : '✘'} teacher on ${target.name} after "Verstanden": checklist open, ${items} items\n    screenshot: ${relative(process.cwd(), checklistFile)}`);
        ok &&= items > 0;
        for (const selector of target.leave) await page.locator(selector).first().click();
        const guard = await host.getByTestId('leave-guard').waitFor({ timeout: 5_000 }).then(() => true, () => false);
        ok &&= guard;
        const guardFile = join(OUTPUT, `role-teacher-${target.name}-leave-guard.png`);
        await page.screenshot({ path: guardFile });
        console.log(`${guard ? '✔' : '✘'} teacher leaves ${target.name} with others in the room: leave-last guard\n    screenshot: ${relative(process.cwd(), guardFile)}`);
      }
    }
  }
  return ok;
}

/** The profile editor with a half-written profile and its Art. 13 panel, and one school's printed parents' letter. */
async function runEditor(context: BrowserContext): Promise<boolean> {
  const id = await extensionId(context);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(`chrome-extension://${id}/editor.html`);
  const fill = (field: string, value: string) => page.locator(`#${field}`).fill(value);
  await fill('default-source-document', 'Datenschutzhinweise Videokonferenz (Gymnasium Musterstadt)');
  await fill('f-id', 'gymnasium-musterstadt');
  await fill('f-institution-name', 'Gymnasium Musterstadt');
  await fill('f-institution-town', 'Musterstadt');
  await page.locator('#f-deployments-0-platform').selectOption('jitsi');
  await page.locator('#add-f-deployments-0-hosts').click();
  await fill('f-deployments-0-hosts-0', 'meet.gymnasium-musterstadt.de');
  await page.locator('#add-f-controller').click();
  await fill('f-controller-name', 'Gymnasium Musterstadt, vertreten durch die Schulleitung');
  await page.locator('#add-f-purposes').click();
  await fill('f-purposes-0-text-de', 'Unterricht und Elternsprechstunden per Video.');
  await page.locator('#add-f-legalBases').click();
  await page.locator('#f-legalBases-0-basis').selectOption('consent');
  await fill('f-legalBases-0-text-de', 'Die Teilnahme beruht auf der Einwilligung der Eltern.');
  await page.locator('#add-f-retention').click();
  await page.locator('#f-retention-0-category').selectOption('chat');
  await fill('f-retention-0-maxDays', '7');
  await fill('f-retention-0-text-de', 'Der Chat wird spätestens nach 7 Tagen gelöscht.');
  await page.locator('#add-f-dpo').click();
  await fill('f-dpo-name', 'Datenschutzbeauftragte des Schulträgers');
  await fill('f-dpo-email', 'datenschutz-at-schule');
  const count = page.getByTestId('art13-count');
  // Four items given, the DPO given with an error (its e-mail), five missing.
  await count.filter({ hasText: /4 (von|of) 10/ }).waitFor({ timeout: 10_000 }).catch(() => {});
  const counted = (await count.textContent())?.trim() ?? '';
  await page.evaluate(() => window.scrollTo(0, 0));
  const editorFile = join(OUTPUT, 'editor-half-filled.png');
  await page.screenshot({ path: editorFile });
  // A tall window shows the side panel whole (it scrolls on its own in a normal one).
  await page.setViewportSize({ width: 1440, height: 2400 });
  const panelFile = join(OUTPUT, 'editor-art13-panel.png');
  await page.getByTestId('art13-panel').screenshot({ path: panelFile });
  const previewFile = join(OUTPUT, 'editor-preview.png');
  await page.getByTestId('preview').screenshot({ path: previewFile });
  const dpoFile = join(OUTPUT, 'editor-invalid-field.png');
  await page.locator('#f-dpo').screenshot({ path: dpoFile });
  const editorOk = /4 (von|of) 10/.test(counted) && (await page.locator('#f-dpo-email[aria-invalid="true"]').count()) === 1;
  console.log(`${editorOk ? '✔' : '✘'} profile editor, half filled: ${counted}, one invalid e-mail shown at its field\n    screenshots: ${[editorFile, panelFile, previewFile, dpoFile].map((f) => relative(process.cwd(), f)).join(', ')}`);

  await page.goto(`chrome-extension://${id}/letter.html?profile=bundled%3Ags-hallermund-springe`);
  const letter = page.getByTestId('letter');
  const letterShown = await letter.waitFor({ timeout: 5_000 }).then(() => true, () => false);
  const letterFile = join(OUTPUT, 'letter-gs-hallermund.png');
  await page.screenshot({ path: letterFile, fullPage: true });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const pdfFile = join(OUTPUT, 'letter-gs-hallermund.pdf');
  writeFileSync(pdfFile, pdf);
  const pngFile = join(OUTPUT, 'letter-gs-hallermund-page1.png');
  await pdfPagePng(context, pdf, pngFile);
  const gaps = await page.locator('[data-gap]').count();
  const consent = await page.getByTestId('letter-consent').count();
  console.log(`${letterShown ? '✔' : '✘'} parents' letter of GS Hallermund: ${gaps} gaps marked, consent form: ${consent ? 'yes' : 'no'}\n    page: ${relative(process.cwd(), letterFile)}\n    pdf:  ${relative(process.cwd(), pdfFile)}, first page: ${relative(process.cwd(), pngFile)}`);
  await page.close();
  return editorOk && letterShown;
}

/**
 * A managed browser: the sample policy (docs/admin/linux/konferenzlotse.json) written where
 * Chromium reads it, for a copy of the extension with an id of its own; removed afterwards.
 */
async function runManaged(server: FixtureServer): Promise<boolean> {
  const problem = policyDirProblem();
  if (problem) {
    console.log(`- skipped: ${problem}`);
    return true;
  }
  const copy = managedExtensionCopy();
  const policy = installPolicy(copy.id, keysOfLinuxPolicy(join(ROOT, 'docs', 'admin', 'linux', 'konferenzlotse.json')));
  const context = await launchWithExtension({ hostResolverRules: server.hostResolverRules, headless: true, language, extensionDir: copy.dir });
  try {
    const shot = async (page: Page, name: string, text: string) => {
      const file = join(OUTPUT, `managed-${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(`${text}\n    screenshot: ${relative(process.cwd(), file)}`);
    };
    const firstRun = await firstRunPage(context);
    const request = await firstRun.getByTestId('policy-activation').getByRole('button').textContent({ timeout: 5_000 }).catch(() => null);
    await shot(firstRun, 'first-run', `${request ? '✔' : '✘'} first-run page asks once: ${request ?? 'no request'}`);
    await firstRun.close();

    // The e2e build holds the permission for meet.gymnasium-musterstadt.de, as the one click would give it.
    const registered = async () => (await registeredScripts(context)).includes('policy:https://meet.gymnasium-musterstadt.de');
    for (let i = 0; i < 100 && !(await registered()); i++) await new Promise((done) => setTimeout(done, 50));
    const page = await context.newPage();
    await page.goto('https://meet.gymnasium-musterstadt.de/Mathe7b');
    const notice = page.locator('konferenzlotse-ui').getByTestId('notice');
    const profile = await notice.getAttribute('data-profile', { timeout: 5_000 }).catch(() => null);
    await shot(page, 'notice', `${profile ? '✔' : '✘'} notice on the school's own host, no user step: ${profile ?? 'none'}`);

    const options = await context.newPage();
    await options.goto(`chrome-extension://${copy.id}/options.html`);
    const section = await options.getByTestId('policy').isVisible({ timeout: 5_000 }).catch(() => false);
    await shot(options, 'options', `${section ? '✔' : '✘'} options page: "${language === 'de' ? 'Vorgaben Ihrer Schule (Richtlinie)' : 'Set by your school (policy)'}"`);
    const popup = await openPopup(context);
    await popup.setViewportSize({ width: 400, height: 900 });
    await shot(popup, 'popup', '✔ popup: the one click for the host still waiting');
    return Boolean(request && profile && section);
  } finally {
    await context.close();
    policy.remove();
    copy.remove();
  }
}

async function runHeaded(context: BrowserContext): Promise<void> {
  const first = context.pages()[0] ?? (await context.newPage());
  for (const [index, demo] of DEMO_PAGES.entries()) {
    const page = index === 0 ? first : await context.newPage();
    await page.goto(demo.url);
    console.log(`  ${demo.url}  (${demo.title})`);
  }
  await first.bringToFront();
  console.log('\nClose the browser window to end the demo.');
  await new Promise<void>((done) => context.on('close', () => done()));
}

const server = await startFixtureServer();
let exitCode = 0;
try {
  console.log(`Konferenzlotse demo: ${DEMO_PAGES.length} pages served from 127.0.0.1:${server.port}; no request leaves this machine.\n`);
  const context = await launchWithExtension({ hostResolverRules: server.hostResolverRules, headless, language });
  if (headless) await (await firstRunPage(context)).close();
  if (headless) {
    const pages = await runHeadless(context);
    console.log('\nRoles:');
    const roles = await runRoles(context);
    console.log('\nProfile editor and parents\' letter:');
    const editor = await runEditor(context);
    await context.close();
    console.log('\nManaged browser (admin policy):');
    const managed = await runManaged(server);
    exitCode = pages && roles && editor && managed ? 0 : 1;
    console.log(exitCode === 0 ? '\nEvery page showed what it should.' : '\nSome pages did not show what they should.');
  } else {
    await runHeaded(context);
  }
} catch (error) {
  console.error((error as Error).message);
  exitCode = 1;
} finally {
  await server.close();
}
process.exit(exitCode);
