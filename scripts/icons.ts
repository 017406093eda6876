/** Renders public/icons/icon.svg to the PNG sizes the manifests need (run after editing the SVG). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { assertChromium, chromiumPath, ROOT } from './chromium';

const ICONS = join(ROOT, 'public', 'icons');
assertChromium();
const svg = readFileSync(join(ICONS, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
const page = await browser.newPage();
for (const size of [16, 32, 48, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<body style="margin:0">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body>`);
  await page.screenshot({ path: join(ICONS, `${size}.png`), omitBackground: true });
}
await browser.close();
