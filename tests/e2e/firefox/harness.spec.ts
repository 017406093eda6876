import { expect, test } from '../extension';

// The Firefox harness reads the extension's errors from what Firefox prints: prove that it sees them.
test('an error thrown or logged in an extension page reaches consoleErrors, and only this test\'s', async ({ driver: d }) => {
  expect(d.errors).toEqual([]);
  const options = await d.extensionPage('/options.html');
  const raw = (options as unknown as { raw: { evaluate(fn: () => void): Promise<unknown> } }).raw;
  await raw.evaluate(() => {
    console.error('harness check: logged');
    setTimeout(() => {
      throw new Error('harness check: thrown');
    });
  });
  await expect.poll(() => d.errors.join('\n')).toContain('harness check: thrown');
  expect(d.errors.join('\n')).toContain('harness check: logged');
  d.errors.length = 0;
});
