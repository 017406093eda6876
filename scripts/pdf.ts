/**
 * Reading a printed PDF with pdf.js inside Chromium: its text (for the tests) and a picture of a
 * page (for the demo). pdf.js is served to a page of its own by Playwright's router, so nothing
 * goes over the network and no system package is needed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { ROOT } from './chromium';

const ORIGIN = 'https://pdf-reader.invalid';

/** The part of pdf.js used here (pdfjs-dist's own types describe the module, not the page global). */
type PdfJs = typeof import('pdfjs-dist');
const PDFJS = join(ROOT, 'node_modules', 'pdfjs-dist', 'build');

async function readerPage(context: BrowserContext, pdf: Buffer): Promise<Page> {
  const page = await context.newPage();
  const files: Record<string, { body: Buffer | string; contentType: string }> = {
    '/': { body: '<!doctype html><meta charset="utf-8"><title>PDF</title><body style="margin:0"><canvas id="page"></canvas></body>', contentType: 'text/html' },
    '/pdf.mjs': { body: readFileSync(join(PDFJS, 'pdf.min.mjs')), contentType: 'text/javascript' },
    '/pdf.worker.mjs': { body: readFileSync(join(PDFJS, 'pdf.worker.min.mjs')), contentType: 'text/javascript' },
    '/document.pdf': { body: pdf, contentType: 'application/pdf' },
  };
  await page.route(`${ORIGIN}/**`, (route) => {
    const file = files[new URL(route.request().url()).pathname];
    return file ? route.fulfill({ status: 200, ...file }) : route.abort();
  });
  await page.goto(`${ORIGIN}/`);
  // A module script of the page's own (a function handed to evaluate() may be rewritten by the
  // TypeScript loader, and `import()` with it).
  await page.addScriptTag({ type: 'module', content: "import * as pdfjs from '/pdf.mjs'; pdfjs.GlobalWorkerOptions.workerSrc = '/pdf.worker.mjs'; window.pdfjsLib = pdfjs;" });
  await page.waitForFunction(() => 'pdfjsLib' in window);
  return page;
}

/** Each page's text (lines ending in "\n") and size in points. */
export async function pdfPages(context: BrowserContext, pdf: Buffer): Promise<{ text: string; width: number; height: number }[]> {
  const page = await readerPage(context, pdf);
  try {
    return await page.evaluate(async () => {
      const pdfjs = (window as unknown as { pdfjsLib: PdfJs }).pdfjsLib;
      const doc = await pdfjs.getDocument('/document.pdf').promise;
      const pages: { text: string; width: number; height: number }[] = [];
      for (let n = 1; n <= doc.numPages; n++) {
        const pdfPage = await doc.getPage(n);
        const content = await pdfPage.getTextContent();
        const { width, height } = pdfPage.getViewport({ scale: 1 });
        pages.push({ text: content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ''}` : '')).join(''), width, height });
      }
      return pages;
    });
  } finally {
    await page.close();
  }
}

/** Renders one page of the PDF and saves it as a PNG (`scale` 1 = 72 dpi). */
export async function pdfPagePng(context: BrowserContext, pdf: Buffer, file: string, pageNumber = 1, scale = 1.5): Promise<void> {
  const page = await readerPage(context, pdf);
  try {
    const png = await page.evaluate(
      async ({ pageNumber, scale }) => {
        const pdfjs = (window as unknown as { pdfjsLib: PdfJs }).pdfjsLib;
        const doc = await pdfjs.getDocument('/document.pdf').promise;
        const pdfPage = await doc.getPage(pageNumber);
        const viewport = pdfPage.getViewport({ scale });
        const canvas = document.getElementById('page') as HTMLCanvasElement;
        canvas.width = Math.ceil(viewport.width);
        canvas.height = Math.ceil(viewport.height);
        await pdfPage.render({ canvas, canvasContext: canvas.getContext('2d')!, viewport }).promise;
        return canvas.toDataURL('image/png');
      },
      { pageNumber, scale },
    );
    writeFileSync(file, Buffer.from(png.slice(png.indexOf(',') + 1), 'base64'));
  } finally {
    await page.close();
  }
}

/** Text as one line with single spaces, for finding sentences that wrap in the PDF. */
export const flat = (text: string): string => text.replace(/\s+/g, ' ').trim();
