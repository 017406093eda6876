import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from '@playwright/test';
import { DEMO_PAGES } from '../fixtures/sites';
import { SETTLE_MS, type Driver, type Tab, type Target } from './driver';

/**
 * End-to-end cases written once and run in Chromium and in Firefox (cases.spec.ts): each is a
 * function over the small driver interface of driver.ts, with the same expectations in both.
 */
export interface Case {
  title: string;
  /** Browser UI language (German unless said). */
  language?: 'de' | 'en';
  /** Longer than the default 30 s (a whole tour of pages). */
  timeout?: number;
  run(d: Driver): Promise<void>;
}

const PREJOIN = 'https://meet.jit.si/Mathe7b';
const JITSI_MODERATOR = 'https://meet.jit.si/Sprechstunde7b';
const USER_SITE = 'https://meet.gymnasium-musterstadt.de/Mathe7b';

const notice: Target = { overlay: true, css: '[data-testid="notice"]' };
const button = (text: string, overlay = true): Target => ({ overlay, css: 'button', text });

async function waitForOverlay(tab: Tab) {
  await expect.poll(async () => (await tab.overlays()).length).toBeGreaterThan(0);
}

/** "Verstanden", then wait until the acknowledgement is stored (a reload before would ask again). */
async function acknowledge(d: Driver) {
  await d.page.click(button('Verstanden'));
  await expect.poll(() => d.page.count(notice)).toBe(0);
  await expect.poll(async () => Object.keys((await d.getStorage('acknowledgements')) ?? {}).length).toBeGreaterThan(0);
}

export const CASES: readonly Case[] = [
  {
    title: 'every demo page shows its platform and phase, or nothing, with no extension error',
    timeout: 180_000,
    async run(d) {
      for (const demo of DEMO_PAGES) {
        await d.page.goto(demo.url);
        if (demo.expect) {
          await expect
            .poll(() => d.page.overlays(), { message: demo.title })
            .toEqual([expect.objectContaining({ platform: demo.expect.platform, phase: demo.expect.phase, role: 'student' })]);
        }
        // A moment later: still exactly one (no second frame, no second injection), or none.
        await sleep(SETTLE_MS);
        expect(await d.page.overlays(), demo.title).toHaveLength(demo.expect ? 1 : 0);
        expect(d.errors, demo.title).toEqual([]);
      }
    },
  },
  {
    title: 'an embedded Jitsi gets its one overlay inside the conference frame',
    async run(d) {
      await d.page.goto('https://portal.gymnasium-musterstadt.de/unterricht/mathe7b');
      await expect.poll(() => d.page.overlays()).toEqual([expect.objectContaining({ frame: 'meet.jit.si', platform: 'jitsi' })]);
    },
  },
  {
    title: 'the notice is styled under the strict page CSP, and its styles stay inside',
    async run(d) {
      await d.page.goto(PREJOIN);
      await expect.poll(() => d.page.count(notice)).toBe(1);
      expect(await d.page.style(notice, ['background-color', 'border-left-color', 'border-top-left-radius'])).toEqual({
        'background-color': 'rgb(255, 255, 255)',
        'border-left-color': 'rgb(31, 79, 191)',
        'border-top-left-radius': '12px',
      });
      expect(await d.page.style({ css: 'konferenzlotse-ui' }, ['position'])).toEqual({ position: 'fixed' });
      const join: Target = { css: '[data-testid="prejoin.joinMeeting"]' };
      const before = await d.page.style(join, ['background-color']);
      await d.page.click(button('Verstanden'));
      await expect.poll(() => d.page.count(notice)).toBe(0);
      expect(await d.page.style(join, ['background-color'])).toEqual(before);
      expect(d.errors).toEqual([]);
    },
  },
  {
    title: 'keyboard: the notice takes focus, Tab moves inside it, Escape gives focus back to the page',
    async run(d) {
      await d.page.goto(PREJOIN);
      await expect.poll(() => d.page.focused(notice)).toBe(true);
      await d.page.press('Tab');
      await expect.poll(() => d.page.focused(button('Hinweis schließen'))).toBe(true);
      await d.page.press('Escape');
      await expect.poll(() => d.page.count(notice)).toBe(0);
      const name: Target = { css: '#premeeting-name-input' };
      await expect.poll(() => d.page.focused(name)).toBe(true);
      // The small button brings the notice back, and Escape returns focus to it.
      await d.page.click(button('Datenschutz-Hinweis zeigen'));
      await expect.poll(() => d.page.focused(notice)).toBe(true);
      await d.page.press('Escape');
      await expect.poll(() => d.page.focused(button('Datenschutz-Hinweis zeigen'))).toBe(true);
      expect(d.errors).toEqual([]);
    },
  },
  {
    title: "the popup shows the summary for the tab's conference",
    async run(d) {
      for (const [url, institution] of [
        ['https://meet.jit.si/Englisch7b', 'Jitsi Meet (allgemein)'],
        ['https://bbb.schule-musterstadt.de/html5client/?sessionToken=viewer', 'BigBlueButton (allgemein)'],
        ['https://lernraum.lindgrenschule.de/apps/bbb/b/k7Tq2WxPm9aZr4Hs', 'Astrid-Lindgren-Grundschule'],
      ] as const) {
        await d.page.goto(url);
        await waitForOverlay(d.page);
        const popup = await d.openPopup();
        await expect.poll(() => popup.text({ css: '[data-testid="summary"] .institution' }), { message: url }).toContain(institution);
        await expect.poll(() => popup.text({ css: '[data-testid="popup-status"]' })).toContain('erkannt');
        await popup.close();
      }
      expect(d.errors).toEqual([]);
    },
  },
  {
    title: 'a site the user adds in the options page gets the extension at once',
    async run(d) {
      await d.page.goto(USER_SITE);
      await sleep(SETTLE_MS);
      expect(await d.page.overlays()).toEqual([]);
      const options = await d.extensionPage('/options.html');
      await options.fill({ css: '#site-input' }, 'meet.gymnasium-musterstadt.de');
      await options.click(button('Hinzufügen', false));
      await expect.poll(() => options.text({ css: '#site-notice' })).toBe('meet.gymnasium-musterstadt.de wurde hinzugefügt.');
      await expect.poll(() => options.texts({ css: '[data-testid="sites"] li' })).toEqual([expect.stringContaining('meet.gymnasium-musterstadt.de')]);
      await d.page.goto(USER_SITE);
      await expect.poll(() => d.page.overlays()).toEqual([expect.objectContaining({ platform: 'jitsi', phase: 'prejoin' })]);
      expect(d.errors).toEqual([]);
    },
  },
  {
    title: "the teacher's checklist ticks itself, and the leave-last guard holds a moderator with others in the room",
    timeout: 60_000,
    async run(d) {
      await d.setStorage({ role: 'teacher' });
      await d.page.goto(JITSI_MODERATOR);
      await expect.poll(() => d.page.overlays()).toEqual([expect.objectContaining({ role: 'teacher', phase: 'meeting' })]);
      await acknowledge(d);
      const checklist: Target = { overlay: true, css: '[data-testid="checklist"]' };
      await expect.poll(() => d.page.count(checklist)).toBe(1);
      await d.page.click({ overlay: true, css: '[data-testid="checklist"] button', text: 'Raum-Checkliste' });
      const secured: Target = { overlay: true, css: '[data-testid="checklist"] [data-item="protected"]' };
      await expect.poll(() => d.page.attr(secured, 'data-checked')).toBe('false');
      await d.page.click({ css: 'div.toolbox-button[aria-label="Sicherheitsoptionen"]' });
      await expect.poll(() => d.page.attr(secured, 'data-checked')).toBe('true');

      await d.page.click({ css: '.hangup-menu-button' });
      await d.page.click({ css: 'button.hangup-menu-item[aria-label="Konferenz verlassen"]' });
      const guard: Target = { overlay: true, css: '[data-testid="leave-guard"]' };
      await expect.poll(() => d.page.text(guard)).toContain('Es sind noch 2 andere Personen im Raum.');
      expect(await d.page.bodyData('fixtureLeft')).toBe('0');
      await d.page.click({ overlay: true, css: '[data-testid="leave-guard"] button', text: 'Trotzdem verlassen' });
      await expect.poll(() => d.page.count(guard)).toBe(0);
      expect(await d.page.bodyData('fixtureLeft')).toBe('1');
      expect(await d.page.bodyData('fixtureEnded')).toBe('0');
      expect(d.errors).toEqual([]);
    },
  },
  {
    title: 'German UI: the notice, the popup and the options page speak German',
    async run(d) {
      await d.page.goto(PREJOIN);
      await expect.poll(() => d.page.text({ overlay: true, css: '[data-testid="notice"] h2' })).toBe('Bevor es losgeht');
      expect(await d.page.count(button('Verstanden'))).toBe(1);
      const popup = await d.openPopup();
      await expect.poll(() => popup.attr({ css: 'html' }, 'lang')).toBe('de');
      await popup.close();
      const options = await d.extensionPage('/options.html');
      await expect.poll(() => options.text({ css: 'label[for="site-input"]' })).toBe('Adresse der Konferenz-Seite');
      expect(d.errors).toEqual([]);
    },
  },
  {
    title: 'English UI: an English browser gets the English notice, popup and options page',
    language: 'en',
    async run(d) {
      await d.page.goto(PREJOIN);
      await expect.poll(() => d.page.text({ overlay: true, css: '[data-testid="notice"] h2' })).toBe('Before you start');
      expect(await d.page.count(button('Got it'))).toBe(1);
      const popup = await d.openPopup();
      await expect.poll(() => popup.attr({ css: 'html' }, 'lang')).toBe('en');
      await popup.close();
      const options = await d.extensionPage('/options.html');
      await expect.poll(() => options.count({ css: 'label[for="site-input"]' })).toBe(1);
      expect(await options.text({ css: 'label[for="site-input"]' })).not.toBe('Adresse der Konferenz-Seite');
      expect(d.errors).toEqual([]);
    },
  },
  {
    title: "the extension's own pages open without an error",
    async run(d) {
      for (const path of ['/options.html', '/onboarding.html', '/summary.html?profile=gs-hallermund-springe', '/popup.html']) {
        const page = await d.extensionPage(path);
        await expect.poll(() => page.count({ css: 'main, [data-testid="summary"], #app > *' }), { message: path }).toBeGreaterThan(0);
        await sleep(250);
        await page.close();
      }
      expect(d.errors).toEqual([]);
    },
  },
];
