import { expect, test, ui } from './extension';

test('follows a single-page app from prejoin into the meeting without a reload', async ({ page, consoleErrors }) => {
  await page.goto('https://meet.jit.si/Live7b');
  // The shell renders the prejoin screen only after load, as the real app does.
  await expect(ui(page)).toHaveAttribute('data-phase', 'prejoin');
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  await ui(page).getByRole('button', { name: 'Verstanden' }).click();

  await page.getByTestId('prejoin.joinMeeting').click();
  await expect(ui(page)).toHaveAttribute('data-phase', 'meeting');
  await expect(ui(page)).toHaveCount(1);
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  // Same room: the notice the student dismissed stays dismissed.
  await expect(ui(page).getByTestId('notice')).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('removes the overlay when the page shows no conference any more', async ({ page }) => {
  await page.goto('https://meet.jit.si/Live7b');
  await expect(ui(page)).toHaveAttribute('data-phase', 'prejoin');
  await page.evaluate(() => document.getElementById('react')?.replaceChildren());
  await expect(ui(page)).toHaveCount(0);
});
