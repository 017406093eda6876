import { setTimeout as sleep } from 'node:timers/promises';
import { expect, SETTLE_MS, test } from './extension';

const USER_SITE = 'https://meet.gymnasium-musterstadt.de/Mathe7b';

/**
 * Tests share a browser per worker: the harness must hand each one a first install's state. The
 * first test leaves everything it can behind; the second, in the same browser, finds none of it.
 */
test.describe('a shared browser starts each test from a first install', () => {
  test.describe.configure({ mode: 'serial' });
  let firstBrowser = '';

  test('a test leaves a role, a chosen school, a user-added site and open pages behind', async ({ driver: d }) => {
    firstBrowser = d.browserId;
    await d.setStorage({ role: 'teacher', chosenSchool: 'gs-hallermund-springe' });
    const options = await d.extensionPage('/options.html');
    await options.fill({ css: '#site-input' }, 'meet.gymnasium-musterstadt.de');
    await options.click({ css: 'button', text: 'Hinzufügen' });
    await expect.poll(() => options.text({ css: '#site-notice' })).toBe('meet.gymnasium-musterstadt.de wurde hinzugefügt.');
    await d.page.goto(USER_SITE);
    await expect.poll(() => d.page.overlays()).toEqual([expect.objectContaining({ platform: 'jitsi', role: 'teacher' })]);
    await d.openPopup();
    expect(await d.tabCount()).toBe(3);
  });

  test('the next test in the same browser finds none of it', async ({ driver: d }) => {
    expect(d.browserId).toBe(firstBrowser);
    expect(await d.tabCount()).toBe(1);
    for (const key of ['role', 'chosenSchool', 'userSites']) expect(await d.getStorage(key), key).toBeUndefined();
    // The site's registered detector is gone with it.
    await d.page.goto(USER_SITE);
    await sleep(SETTLE_MS);
    expect(await d.page.overlays()).toEqual([]);
    // The role is the default again, and the background holds nothing of the last test.
    await d.page.goto('https://meet.jit.si/Englisch7b');
    await expect.poll(() => d.page.overlays()).toEqual([expect.objectContaining({ platform: 'jitsi', role: 'student' })]);
    const popup = await d.openPopup();
    await expect.poll(() => popup.text({ css: '[data-testid="summary"] .institution' })).toContain('Jitsi Meet (allgemein)');
    expect(await popup.text({ css: 'body' })).not.toContain('GS Hallermund)');
    expect(d.errors).toEqual([]);
  });
});
