import type { BrowserContext, Page } from '@playwright/test';
import { extensionWorker } from '../../scripts/chromium';
import type { Platform } from '../../lib/detect';
import type { Role } from '../../lib/messages';
import { KEY_REGIONS } from '../../lib/rules/regions';
import { DEMO_PAGES, type DemoPage } from '../fixtures/sites';
import { expect, extensionId, test, ui } from './extension';
import { acknowledge, counter, overlayFrame, setLocal, shownRole, storedJson } from './overlay-helpers';

const JITSI_MODERATOR = 'https://meet.jit.si/Sprechstunde7b';
const BBB_MODERATOR = 'https://bbb.schule-musterstadt.de/html5client/?sessionToken=notrecording';

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
  { width: 800, height: 600 },
  { width: 480, height: 800 },
];

/**
 * The fixtures' own layout boxes, apart from the extension's region data: the whole sidebar
 * column, the modal cards, the pre-meeting column and so on. Panels must clear these and every
 * region the extension declares for the platform.
 */
const FIXTURE_BOXES: Record<Platform, string[]> = {
  bbb: ['header#Navbar', '.fx-sidebar', '#ActionsBar', '.ReactModal__Content', '.fx-ended > div', '#content'],
  iserv: ['header#Navbar', '.fx-sidebar', '#ActionsBar', '.ReactModal__Content'],
  jitsi: ['#new-toolbox .toolbox-content-wrapper', '.filmstrip', '.premeeting-screen > div:first-child > div > div'],
  greenlight: ['.card:has(#joinFormName)', 'nav.navbar', '.start-meeting-btn'],
  'nextcloud-bbb': ['fieldset.warning', '.update.bbb'],
  'moodle-bbb': ['nav.navbar', '#bigbluebuttonbn-room-view'],
};

interface Measured {
  placed: string | null;
  size: string;
  overlaps: string[];
  outside: string[];
  expanded: number;
  panels: number;
}

/**
 * In the overlay's frame (runs in the page): once the overlay has placed its panels for the
 * frame's current size, the panels' boxes against the regions' boxes.
 */
async function measureWhenPlaced(selectors: string[]): Promise<Measured> {
  type Box = { left: number; top: number; right: number; bottom: number };
  const boxOf = (el: Element): Box | null => {
    if (!el.checkVisibility({ visibilityProperty: true })) return null;
    const { left, top, right, bottom, width, height } = el.getBoundingClientRect();
    return width > 0 && height > 0 ? { left, top, right, bottom } : null;
  };
  const measure = (): Measured => {
    const host = document.querySelector('[data-platform][data-phase]');
    const stack = host?.shadowRoot?.querySelector('.stack');
    const panels = [...(stack?.children ?? [])].flatMap((el) => {
      const box = boxOf(el);
      return box ? [{ name: el.getAttribute('data-testid') ?? el.className, box }] : [];
    });
    const regions = selectors.flatMap((selector) =>
      [...document.querySelectorAll(selector)].flatMap((el) => {
        const box = boxOf(el);
        return box ? [{ selector, box }] : [];
      }),
    );
    const overlaps: string[] = [];
    for (const p of panels) {
      for (const r of regions) {
        const hit = p.box.left < r.box.right - 0.5 && r.box.left < p.box.right - 0.5 && p.box.top < r.box.bottom - 0.5 && r.box.top < p.box.bottom - 0.5;
        if (hit) overlaps.push(`${p.name} covers ${r.selector}`);
      }
    }
    const outside = panels.filter((p) => p.box.left < 0 || p.box.top < 0 || p.box.right > innerWidth || p.box.bottom > innerHeight).map((p) => p.name);
    const expanded = stack?.querySelectorAll(':scope > .notice, :scope > .ended, :scope > .checklist[data-expanded="true"]').length ?? 0;
    return { placed: stack?.getAttribute('data-placed') ?? null, size: `${innerWidth}x${innerHeight}`, overlaps, outside, expanded, panels: panels.length };
  };
  const start = performance.now();
  let m = measure();
  while (m.placed !== m.size && performance.now() - start < 5000) {
    await new Promise((r) => requestAnimationFrame(r));
    m = measure();
  }
  // The notice fades in from a few pixels higher: measured where it comes to rest.
  const shadow = document.querySelector('[data-platform][data-phase]')?.shadowRoot;
  const moving = shadow?.getAnimations() ?? [];
  if (!moving.length) return m;
  await Promise.all(moving.map((animation) => animation.finished));
  return measure();
}

const CONFERENCE_PAGES = DEMO_PAGES.filter((d) => d.expect);
/** One test per role and group covers many cases in one browser; the groups run side by side. */
const GROUPS: [string, (demo: DemoPage) => boolean][] = [
  ['Jitsi Meet', (d) => d.expect!.platform === 'jitsi'],
  ['BigBlueButton 2.x, IServ, embedded', (d) => /sessionToken=(v2-|iserv)|mod\/page\//.test(d.url)],
  ['BigBlueButton 3.x', (d) => d.expect!.platform === 'bbb' && /html5client\/\?sessionToken=/.test(d.url)],
  ['portals and join pages of IServ, Greenlight, Nextcloud, Moodle', (d) => ['greenlight', 'nextcloud-bbb', 'moodle-bbb'].includes(d.expect!.platform) || (d.expect!.platform === 'iserv' && !d.url.includes('html5client'))],
];

test.describe('placement: panels leave the conference\'s own controls and regions uncovered', () => {
  for (const role of ['student', 'teacher', 'parent'] as Role[]) {
    for (const [group, inGroup] of GROUPS) {
      const pages = CONFERENCE_PAGES.filter(inGroup);
      test(`${role} on ${group}: ${pages.length} pages at ${SIZES.length} window sizes`, async ({ context, page }) => {
        test.setTimeout(180_000);
        await setLocal(context, { role });
        const failures: string[] = [];
        let cases = 0;
        for (const demo of pages) {
          const { platform, phase } = demo.expect!;
          await page.setViewportSize(SIZES[0]!);
          await page.goto(demo.url);
          const frame = await overlayFrame(page);
          await expect(frame.locator('konferenzlotse-ui')).toHaveAttribute('data-phase', phase);
          const selectors = [...FIXTURE_BOXES[platform], ...KEY_REGIONS[platform].flatMap((r) => r.selectors.filter((p) => typeof p === 'string'))];
          for (const size of SIZES) {
            await page.setViewportSize(size);
            const m = await frame.evaluate(measureWhenPlaced, selectors);
            cases++;
            const where = `${demo.title} at ${size.width}x${size.height}`;
            if (m.placed !== m.size) failures.push(`${where}: not placed for this size (${m.placed})`);
            if (m.panels === 0) failures.push(`${where}: no panel shown`);
            for (const overlap of m.overlaps) failures.push(`${where}: ${overlap}`);
            for (const name of m.outside) failures.push(`${where}: ${name} outside the window`);
            if (m.expanded > 1) failures.push(`${where}: ${m.expanded} panels open at once`);
          }
        }
        expect(failures).toEqual([]);
        expect(cases).toBe(pages.length * SIZES.length);
      });
    }
  }

  test('the groups cover every conference page once', () => {
    expect(CONFERENCE_PAGES.map((d) => GROUPS.filter(([, inGroup]) => inGroup(d)).length)).toEqual(CONFERENCE_PAGES.map(() => 1));
  });
});

test.describe('the page cannot take the overlay away', () => {
  test('removed by the page, the UI is back at once (within 200 ms) with the notice folded and the checklist open', async ({ context, page }) => {
    await setLocal(context, { role: 'teacher' });
    await page.goto(JITSI_MODERATOR);
    await acknowledge(page);
    const checklist = ui(page).getByTestId('checklist');
    await checklist.getByRole('button', { name: /Raum-Checkliste/ }).click();
    await expect(checklist).toHaveAttribute('data-expanded', 'true');
    for (const how of ['remove', 'body', 'html'] as const) {
      // The host is back before the page's next task: by the time two microtasks queued after
      // the page's change have run, which is well within 200 ms whatever the machine's load.
      const back = await page.evaluate(async (kind) => {
        // Frameworks re-render by replacing markup wholesale (their markup has no overlay in it).
        const markup = (root: Element) => {
          const copy = root.cloneNode(true) as Element;
          copy.querySelector('konferenzlotse-ui')?.remove();
          return copy.innerHTML;
        };
        if (kind === 'remove') document.querySelector('konferenzlotse-ui')?.remove();
        if (kind === 'body') document.body.innerHTML = markup(document.body);
        if (kind === 'html') document.documentElement.innerHTML = markup(document.documentElement);
        await Promise.resolve();
        await Promise.resolve();
        return document.querySelector('konferenzlotse-ui')?.isConnected === true;
      }, how);
      expect(back, how).toBe(true);
      await expect(ui(page)).toHaveCount(1);
      await expect(ui(page).getByTestId('notice')).toHaveCount(0);
      await expect(ui(page).getByRole('button', { name: 'Datenschutz-Hinweis zeigen' })).toBeVisible();
      await expect(ui(page).getByTestId('checklist')).toHaveAttribute('data-expanded', 'true');
    }
  });

  test('a page element of the same name does not take its place', async ({ page }) => {
    // Defined by the page before the overlay comes: one takes the shadow root, one removes itself.
    await page.addInitScript(() => {
      const kind = location.hash;
      customElements.define(
        'konferenzlotse-ui',
        class extends HTMLElement {
          constructor() {
            super();
            if (kind === '#shadow') this.attachShadow({ mode: 'closed' });
          }
          connectedCallback() {
            if (kind === '#remove') this.remove();
          }
        },
      );
    });
    for (const kind of ['#shadow', '#remove']) {
      await page.goto(`${JITSI_MODERATOR}${kind}`);
      const host = page.locator('[data-platform="jitsi"][data-phase="meeting"]');
      await expect(host).toHaveCount(1);
      expect(await host.evaluate((el) => el.tagName.toLowerCase()), kind).toMatch(/^konferenzlotse-ui-[a-z0-9]+$/);
      await expect(host.getByTestId('notice')).toBeVisible();
      await host.getByRole('button', { name: 'Verstanden' }).click();
      await expect(host.getByRole('button', { name: 'Datenschutz-Hinweis zeigen' })).toBeVisible();
      await expect.poll(() => storedJson(page.context(), 'acknowledgements')).not.toBe('{}');
      await setLocal(page.context(), { acknowledgements: {} });
    }
  });

  test('hostile page CSS leaves the panels readable', async ({ context, page }) => {
    await setLocal(context, { role: 'teacher' });
    await page.goto(JITSI_MODERATOR);
    const notice = ui(page).getByTestId('notice');
    await expect(notice).toBeVisible();
    const sheets = [
      '* { all: unset !important; }',
      'konferenzlotse-ui, konferenzlotse-ui * { display: none !important; visibility: hidden !important; opacity: 0 !important; }',
      'html { font-size: 2px !important; } * { color: transparent !important; font-size: 0 !important; transform: scale(0) !important; filter: blur(20px) !important; width: 0 !important; height: 0 !important; position: static !important; z-index: -1 !important; }',
      'konferenzlotse-ui { top: -5000px !important; left: -5000px !important; clip-path: inset(50%) !important; pointer-events: none !important; }',
    ];
    for (const css of sheets) {
      // Constructed sheets go past the page's CSP as the page's own scripts could.
      await page.evaluate((text) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(text);
        document.adoptedStyleSheets = [sheet];
      }, css);
      const look = await notice.evaluate(async (el) => {
        // The notice fades in (unless the person asked for less motion): measured once it has.
        await Promise.all(el.getAnimations({ subtree: true }).map((animation) => animation.finished));
        const s = getComputedStyle(el);
        const host = (el.getRootNode() as ShadowRoot).host;
        const h = getComputedStyle(host);
        const box = el.getBoundingClientRect();
        const title = getComputedStyle(el.querySelector('h2')!);
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + 40);
        return {
          background: s.backgroundColor,
          color: s.color,
          fontSize: parseFloat(s.fontSize),
          titleSize: parseFloat(title.fontSize),
          visible: el.checkVisibility({ visibilityProperty: true, opacityProperty: true }),
          host: { display: h.display, visibility: h.visibility, opacity: h.opacity, position: h.position },
          inWindow: box.width >= 200 && box.height >= 100 && box.left >= 0 && box.top >= 0 && box.right <= innerWidth,
          onTop: hit === host,
        };
      });
      expect(look, css).toEqual({
        background: 'rgb(255, 255, 255)',
        color: 'rgb(20, 33, 61)',
        fontSize: 16,
        titleSize: 18.4,
        visible: true,
        host: { display: 'block', visibility: 'visible', opacity: '1', position: 'fixed' },
        inWindow: true,
        onTop: true,
      });
    }
    await ui(page).getByRole('button', { name: 'Verstanden' }).click();
    await expect(notice).toHaveCount(0);
  });

  test("the page's WXT start event does not stop the overlay or the leave-last guard", async ({ context, page }) => {
    await page.goto(JITSI_MODERATOR);
    await acknowledge(page);
    const id = await extensionId(context);
    await page.evaluate((extension) => {
      for (const script of ['overlay', 'detector']) {
        const type = `${extension}:${script}:wxt:content-script-started`;
        document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: script, messageId: 'page' } }));
        window.postMessage({ type, contentScriptName: script, messageId: 'page' }, '*');
      }
    }, id);
    await expect(ui(page)).toHaveCount(1);
    await page.locator('.hangup-menu-button').click();
    await page.locator('button.hangup-menu-item[aria-label="Konferenz verlassen"]').click();
    await expect(ui(page).getByTestId('leave-guard')).toBeVisible();
    expect(await counter(page, 'fixtureLeft')).toBe('0');
  });
});

test.describe('only the person acts: clicks a page script makes through the open shadow root change nothing', () => {
  /** Runs in the page: clicks what matches inside the overlay's shadow root. */
  const pageClicks = (page: Page, selector: string, times = 1) =>
    page.evaluate(
      ({ selector, times }) => {
        const root = document.querySelector('konferenzlotse-ui')?.shadowRoot;
        for (let i = 0; i < times; i++) for (const el of root?.querySelectorAll<HTMLElement>(selector) ?? []) el.click();
        return root?.querySelectorAll(selector).length ?? 0;
      },
      { selector, times },
    );

  test('notice, checklist and summary', async ({ context, page }) => {
    await setLocal(context, { role: 'teacher' });
    await page.goto(JITSI_MODERATOR);
    const notice = ui(page).getByTestId('notice');
    await expect(notice).toBeVisible();
    const tabs = context.pages().length;

    // "Verstanden", ×, Escape, the details and 50 clicks on "Alle Datenschutz-Angaben".
    expect(await pageClicks(page, '.notice .primary')).toBe(1);
    expect(await pageClicks(page, '.notice .icon-button')).toBe(1);
    expect(await pageClicks(page, '.notice .why summary')).toBe(1);
    expect(await pageClicks(page, '.notice button.link', 50)).toBe(1);
    await page.evaluate(() => {
      const dialog = document.querySelector('konferenzlotse-ui')?.shadowRoot?.querySelector('.notice');
      dialog?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    });
    await expect(notice).toBeVisible();
    await expect(notice.locator('.why')).not.toHaveAttribute('open');

    // Fold and unfold, ticks and labels, reset.
    const checklist = ui(page).getByTestId('checklist');
    expect(await pageClicks(page, '.checklist .panel-toggle')).toBe(1);
    await expect(checklist).toHaveAttribute('data-expanded', 'false');
    await checklist.getByRole('button', { name: /Raum-Checkliste/ }).click();
    await expect(checklist).toHaveAttribute('data-expanded', 'true');
    expect(await pageClicks(page, '.checklist input[type="checkbox"]:not([disabled])')).toBeGreaterThan(3);
    expect(await pageClicks(page, '.checklist label')).toBeGreaterThan(3);
    await expect(checklist.locator('[data-auto="false"][data-checked="true"]')).toHaveCount(0);
    expect(await pageClicks(page, '.checklist .link')).toBe(1);
    expect(await pageClicks(page, '.checklist .panel-toggle')).toBe(1);
    await expect(checklist).toHaveAttribute('data-expanded', 'true');

    // Nothing was stored, no summary tab opened; the person's own click opens exactly one.
    expect(await storedJson(context, 'acknowledgements')).toBe('{}');
    expect(await storedJson(context, 'checklist')).toBe('{}');
    expect(await storedJson(context, 'panels')).toBe('{"jitsi:meet.jit.si:Sprechstunde7b":true}');
    const summary = context.waitForEvent('page');
    await notice.getByRole('button', { name: 'Alle Datenschutz-Angaben' }).click();
    await (await summary).waitForLoadState();
    expect(context.pages().length).toBe(tabs + 1);

    // After the person's "Verstanden" the page cannot open the notice again either.
    await page.bringToFront();
    await acknowledge(page);
    expect(await pageClicks(page, '.reopen')).toBe(1);
    await expect(notice).toHaveCount(0);
  });

  test('the leave-last guard: leave anyway, end for all, stay, don\'t ask again, Escape', async ({ page }) => {
    await page.goto(BBB_MODERATOR);
    await acknowledge(page);
    // The "don't ask again" box shows where the head count is unknown: the page stops showing it.
    await page.evaluate(() => document.querySelector('[data-test-users-count]')?.remove());
    await expect.poll(() => sessionJson(page.context())).toContain('"participants":"unknown"');
    await page.locator('[data-test="leaveMeetingDropdown"]').click();
    await page.locator('[data-test="directLogoutButton"]').click();
    const guard = ui(page).getByTestId('leave-guard');
    await expect(guard).toBeVisible();
    await expect(guard.getByRole('button', { name: 'Bleiben' })).toBeFocused();
    await expect(guard.getByLabel('Für diesen Raum nicht mehr fragen')).toBeVisible();
    for (const selector of ['.guard .danger', '.guard button', '.guard input', '.guard label']) await pageClicks(page, selector);
    await page.evaluate(() => {
      const dialog = document.querySelector('konferenzlotse-ui')?.shadowRoot?.querySelector('.guard');
      dialog?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    });
    await expect(guard).toBeVisible();
    expect(await counter(page, 'fixtureLeft')).toBe('0');
    expect(await counter(page, 'fixtureEnded')).toBe('0');
    await expect(page.locator('[data-test="confirmEndMeeting"]')).toHaveCount(0);
    await expect(guard.getByLabel('Für diesen Raum nicht mehr fragen')).not.toBeChecked();
    expect(await storedJson(page.context(), 'leaveGuardOff')).toBe('{}');
    await page.keyboard.press('Escape');
    await expect(guard).toHaveCount(0);
  });
});

/** What the background holds about the tabs' frames (session storage), as JSON text. */
async function sessionJson(context: BrowserContext): Promise<string> {
  const worker = await extensionWorker(context);
  return worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    return JSON.stringify(await api.storage.session.get(null));
  });
}

test('the host element carries only the platform and the phase; the role stays in the shadow root', async ({ context, page }) => {
  await setLocal(context, { role: 'parent' });
  await page.goto(JITSI_MODERATOR);
  await expect(ui(page)).toHaveAttribute('data-phase', 'meeting');
  const attributes = await ui(page).evaluate((el) => el.getAttributeNames().sort());
  // `popover` puts it in the top layer, `style` pins its box; neither says anything about the person.
  expect(attributes).toEqual(['data-phase', 'data-platform', 'popover', 'style']);
  await expect(shownRole(ui(page))).toHaveAttribute('data-role', 'parent');
  expect(await page.evaluate(() => document.querySelector('konferenzlotse-ui')?.shadowRoot?.firstElementChild?.getAttribute('data-role'))).toBe('parent');
});
