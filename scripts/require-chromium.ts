import { assertChromium } from './chromium';

try {
  assertChromium();
} catch (error) {
  console.error(`\n${(error as Error).message}\n`);
  process.exit(1);
}
