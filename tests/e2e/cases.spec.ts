import { CASES } from './cases';
import { LAUNCH_MS, test } from './extension';

// The same cases in both projects (playwright.config.ts): Chromium, and Firefox through
// puppeteer-core over WebDriver BiDi.
for (const { title, language, timeout, run } of CASES) {
  test.describe(() => {
    if (language) test.use({ language });
    test(title, async ({ driver }) => {
      if (timeout) test.setTimeout(timeout + LAUNCH_MS);
      await run(driver);
    });
  });
}
