import AxeBuilder from '@axe-core/playwright';
import { expect, test, ui } from './extension';

const PREJOIN = 'https://meet.jit.si/Mathe7b';

test.describe('join notice on Jitsi Meet', () => {
  test('shows the note and the three rules', async ({ page, consoleErrors }) => {
    await page.goto(PREJOIN);
    const notice = ui(page).getByTestId('notice');
    await expect(notice).toBeVisible();
    await expect(notice.getByRole('heading', { level: 2 })).toHaveText('Bevor es losgeht');
    await expect(notice).toContainText('Diese Konferenz läuft mit Jitsi Meet.');
    await expect(notice.locator('.rules > li')).toHaveText([
      'Nimm die Konferenz nicht auf: keine Mitschnitte, keine Fotos, keine Screenshots. (Rat von Konferenzlotse)',
      'Schütze deine Familie: Achte darauf, dass niemand aus deiner Familie ungewollt ins Bild oder in den Ton kommt. (Rat von Konferenzlotse)',
      'Gib den Link und das Passwort des Raums an niemanden weiter. (Rat von Konferenzlotse)',
    ]);
    // No school's facts on a public server: what is kept is shown as missing, never filled in.
    await expect(notice.getByTestId('notice-kept')).toHaveText('Wie lange gespeichert wird: nicht angegeben – frag deine Schule');
    expect(consoleErrors).toEqual([]);
  });

  test('styles apply under the page CSP and do not leak', async ({ page }) => {
    const response = await page.goto(PREJOIN);
    expect(response?.headers()['content-security-policy']).toContain("style-src 'self'");
    const notice = ui(page).getByTestId('notice');
    await expect(notice).toBeVisible();
    const style = await notice.evaluate((el) => {
      const s = getComputedStyle(el);
      return { background: s.backgroundColor, border: s.borderLeftColor, radius: s.borderTopLeftRadius };
    });
    expect(style).toEqual({ background: 'rgb(255, 255, 255)', border: 'rgb(31, 79, 191)', radius: '12px' });
    expect(await ui(page).evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
    // The overlay's rules stay in its shadow root: the page's own button keeps its look.
    const pageButton = page.getByTestId('prejoin.joinMeeting');
    const before = await pageButton.evaluate((el) => getComputedStyle(el).backgroundColor);
    await ui(page).evaluate((el) => el.remove());
    expect(await pageButton.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(before);
  });

  test('Escape closes the notice and gives focus back to the page', async ({ page, consoleErrors }) => {
    await page.goto(PREJOIN);
    const notice = ui(page).getByTestId('notice');
    await expect(notice).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(notice).toHaveCount(0);
    await expect(page.locator('#premeeting-name-input')).toBeFocused();
    // Typing goes to the page again (the caret may sit at either end after focus()).
    await page.keyboard.type('x');
    await expect(page.locator('#premeeting-name-input')).toHaveValue(/^(xLena S\.|Lena S\.x)$/);
    expect(consoleErrors).toEqual([]);
  });

  test('"Verstanden" closes it; the small button brings it back', async ({ page }) => {
    await page.goto(PREJOIN);
    const host = ui(page);
    await host.getByRole('button', { name: 'Verstanden' }).click();
    await expect(host.getByTestId('notice')).toHaveCount(0);
    const reopen = host.getByRole('button', { name: 'Datenschutz-Hinweis zeigen' });
    await reopen.click();
    await expect(host.getByTestId('notice')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(reopen).toBeFocused();
  });

  test('keyboard: Tab reaches the close and confirm buttons', async ({ page }) => {
    await page.goto(PREJOIN);
    const host = ui(page);
    await expect(host.getByTestId('notice')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(host.getByRole('button', { name: 'Hinweis schließen' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(host.getByText('Warum diese Regeln?')).toBeFocused();
    await page.keyboard.press('Enter');
    // The legal background links the official texts; each link is a stop on the way.
    const laws = host.getByTestId('notice-law').getByRole('link');
    await expect(laws).toHaveCount(4);
    await expect(laws.first()).toHaveAttribute('href', 'https://www.gesetze-im-internet.de/stgb/__201.html');
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      await expect(laws.nth(i)).toBeFocused();
    }
    await page.keyboard.press('Tab');
    await expect(host.getByRole('button', { name: 'Verstanden' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(host.getByTestId('notice')).toHaveCount(0);
  });

  test('axe-core finds no violations in the notice', async ({ page }) => {
    await page.goto(PREJOIN);
    await expect(ui(page).getByTestId('notice')).toBeVisible();
    const results = await new AxeBuilder({ page }).include('konferenzlotse-ui').analyze();
    expect(results.violations).toEqual([]);
  });
});

test.describe('in English', () => {
  test.use({ language: 'en' });

  test('an English browser gets the English notice', async ({ page }) => {
    await page.goto(PREJOIN);
    const notice = ui(page).getByTestId('notice');
    await expect(notice.getByRole('heading', { level: 2 })).toHaveText('Before you start');
    await expect(notice.getByRole('button', { name: 'Got it' })).toBeVisible();
  });
});
