/**
 * npm run bench: size and speed of the built extension, beside their budgets.
 * Sizes are read from the production build; timings come from Debian's Chromium.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR, launchWithExtension } from './chromium';
import { startFixtureServer } from './fixture-server';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);

interface Row {
  what: string;
  value: string;
  budget: string;
  ok: boolean | null;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
const gzipped = (file: string) => gzipSync(readFileSync(join(EXTENSION_DIR, file)), { level: 9 }).length;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function sizeRows(): Row[] {
  const detector = gzipped('content-scripts/detector.js');
  const overlay = gzipped('content-scripts/overlay.js');
  const background = gzipped('background.js');
  return [
    { what: 'detector.js (gzip)', value: kb(detector), budget: '<= 4 KB', ok: detector <= 4096 },
    { what: 'overlay.js (gzip, only after a detection)', value: kb(overlay), budget: '<= 25 KB', ok: overlay <= 25 * 1024 },
    { what: 'background.js (gzip)', value: kb(background), budget: '-', ok: null },
    { what: 'manifest.json', value: kb(statSync(join(EXTENSION_DIR, 'manifest.json')).size), budget: '-', ok: null },
  ];
}

/** From the page's DOMContentLoaded to the overlay in the page, on the Jitsi prejoin page. */
async function timingRows(): Promise<Row[]> {
  const server = await startFixtureServer();
  const context = await launchWithExtension({ hostResolverRules: server.hostResolverRules, headless: true });
  try {
    await context.addInitScript(() => {
      const w = window as unknown as { __kl?: { dcl?: number; overlay?: number } };
      w.__kl = {};
      document.addEventListener('DOMContentLoaded', () => (w.__kl!.dcl = performance.now()));
      new MutationObserver((_, observer) => {
        if (document.querySelector('konferenzlotse-ui')) {
          w.__kl!.overlay = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const samples: number[] = [];
    for (let i = 0; i < RUNS + 2; i++) {
      await page.goto(`https://meet.jit.si/Mathe7b?run=${i}`);
      await page.locator('konferenzlotse-ui').getByTestId('notice').waitFor();
      const t = await page.evaluate(() => (window as unknown as { __kl: { dcl: number; overlay: number } }).__kl);
      if (i >= 2) samples.push(t.overlay - t.dcl); // the first runs warm up the service worker
    }
    samples.sort((a, b) => a - b);
    const median = percentile(samples, 50);
    const p95 = percentile(samples, 95);
    return [
      { what: `page ready -> notice in page, median (${RUNS} runs)`, value: `${median.toFixed(1)} ms`, budget: '-', ok: null },
      { what: `page ready -> notice in page, p95 (${RUNS} runs)`, value: `${p95.toFixed(1)} ms`, budget: '<= 250 ms', ok: p95 <= 250 },
    ];
  } finally {
    await context.close();
    await server.close();
  }
}

const rows = [...sizeRows(), ...(await timingRows())];
const width = Math.max(...rows.map((r) => r.what.length));
console.log(`${'measure'.padEnd(width)}  ${'value'.padStart(10)}  budget`);
for (const r of rows) {
  const mark = r.ok === null ? '' : r.ok ? '  ok' : '  OVER BUDGET';
  console.log(`${r.what.padEnd(width)}  ${r.value.padStart(10)}  ${r.budget}${mark}`);
}
process.exit(rows.some((r) => r.ok === false) ? 1 : 0);
