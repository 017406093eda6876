import { assertFirefox } from './firefox';

try {
  assertFirefox();
} catch (error) {
  console.error(`\n${(error as Error).message}\n`);
  process.exit(1);
}
