import type { BrowserContext, Frame, Locator, Page } from '@playwright/test';
import { extensionWorker } from '../../scripts/chromium';
import { expect, extensionId, ui } from './extension';

/** Stores settings as the options page would (WXT's `local:role` is the key `role`). */
export async function setLocal(context: BrowserContext, values: Record<string, unknown>) {
  const id = await extensionId(context);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/options.html`);
  await page.evaluate((v) => (globalThis as unknown as { chrome: { storage: { local: { set(v: unknown): Promise<void> } } } }).chrome.storage.local.set(v), values);
  await page.close();
}

/** A value in the extension's local storage, as JSON text ("{}" where there is none). */
export async function storedJson(context: BrowserContext, key: string): Promise<string> {
  const worker = await extensionWorker(context);
  return worker.evaluate(async (name) => {
    const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    return JSON.stringify((await api.storage.local.get(name))[name] ?? {});
  }, key);
}

/**
 * "Verstanden", then wait until the acknowledgement is stored: the notice closes at once, the
 * write to extension storage follows, and a reload before it lands would ask again.
 */
export async function acknowledge(page: Page) {
  await ui(page).getByRole('button', { name: 'Verstanden' }).click();
  await expect(ui(page).getByTestId('notice')).toHaveCount(0);
  await expect.poll(() => storedJson(page.context(), 'acknowledgements')).not.toBe('{}');
}

/** The role the overlay shows, read inside its shadow root (the host does not carry it). */
export const shownRole = (host: Locator) => host.locator('[data-role]').first();

/** The page's own click counters of the fixture drivers (leave, end for all). */
export const counter = (page: Page, name: 'fixtureLeft' | 'fixtureEnded') => page.evaluate((n) => document.body.dataset[n], name);

/** The frame of the tab that holds the overlay (embedded conferences have it in an iframe). */
export async function overlayFrame(page: Page): Promise<Frame> {
  let found: Frame | undefined;
  await expect
    .poll(async () => {
      for (const frame of page.frames()) {
        if ((await frame.locator('konferenzlotse-ui').count()) > 0) {
          found = frame;
          return true;
        }
      }
      return false;
    })
    .toBe(true);
  return found!;
}
