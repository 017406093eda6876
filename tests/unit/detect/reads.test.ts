import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DETECTOR, sameDetection, type Detection, type PlatformDetector } from '../../../lib/detect';
import { DEMO_PAGES, SITES } from '../../fixtures/sites';
import { parseHtml } from '../fixture-dom';

/**
 * Each detector's declaration of what it reads (`reads`) against what it really reads: on every
 * demo page that shows a platform's app root (a page the live watcher follows), every element,
 * attribute and text whose change changes the finding must be declared, or the watcher would
 * skip that change. Pages without the app root are rendered by the server and not followed.
 */
const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

function load(url: string): Document | null {
  const { host, pathname, search } = new URL(url);
  const site = SITES.find((s) => s.host === host);
  const route = site?.routes[pathname + search] ?? site?.routes[pathname];
  return route ? parseHtml(readFileSync(join(FIXTURES, route), 'utf8')) : null;
}

interface Case {
  title: string;
  url: URL;
  doc: Document;
  detector: PlatformDetector;
}

const CASES: Case[] = DEMO_PAGES.flatMap((page) => {
  const doc = page.expect && load(page.url);
  if (!doc || !page.expect) return [];
  const detector = DETECTOR[page.expect.platform];
  const url = new URL(page.url);
  if (!doc.querySelector(detector.reads.root) || detector.detect(doc, url)?.phase !== page.expect.phase) return [];
  return [{ title: page.title, url, doc, detector }];
});

/** Changes the page, reads it, and undoes the change: whether the finding changed. */
function changes(c: Case, base: Detection | null, change: () => () => void): boolean {
  const undo = change();
  const changed = !sameDetection(c.detector.detect(c.doc, c.url), base);
  undo();
  return changed;
}

describe('what each detector declares it reads', () => {
  it('is checked on a page of every platform whose app the watcher follows', () => {
    const platforms = new Set(CASES.map((c) => c.detector.platform));
    expect([...platforms].sort()).toEqual(['bbb', 'greenlight', 'iserv', 'jitsi', 'moodle-bbb', 'nextcloud-bbb']);
  });

  it.each(CASES.map((c) => [c.title, c] as const))('%s', (_, c) => {
    const { doc, detector } = c;
    const { root: rootSelector, attributes } = detector.reads;
    const elements = detector.reads.elements.join();
    const text = detector.reads.text.join() || null;
    const base = detector.detect(doc, c.url);
    const root = doc.querySelector(rootSelector)!;
    const missed: string[] = [];
    // What the watcher knows it read at the last pass: a removal is noticed when one of these goes.
    const seen = Array.from(doc.querySelectorAll(elements));
    const describe = (element: Element) => `<${element.localName} ${[...element.attributes].map((a) => `${a.name}="${a.value}"`).join(" ")}>`;
    for (const element of Array.from(doc.body.querySelectorAll('*'))) {
      // A replaced root (or anything around it) is found again by the watcher anyway.
      if (element.contains(root)) continue;
      // Removed: it held an element the detector read, or it sat inside an element whose text it reads.
      const held = seen.some((read) => element.contains(read)) || (text !== null && element.parentElement?.closest(text));
      const removed = changes(c, base, () => {
        const mark = doc.createComment('');
        element.replaceWith(mark);
        return () => mark.replaceWith(element);
      });
      if (removed && !held) missed.push(`removing ${describe(element)}`);
      for (const { name, value } of Array.from(element.attributes)) {
        const changed = changes(c, base, () => {
          element.removeAttribute(name);
          return () => element.setAttribute(name, value);
        });
        if (changed && !(attributes.includes(name) && element.matches(elements))) missed.push(`attribute ${name} of ${describe(element)}`);
      }
    }
    const walker = doc.createTreeWalker(doc.body, 0x4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const textNode = node;
      const changed = changes(c, base, () => {
        const data = textNode.data;
        textNode.data = 'x';
        return () => (textNode.data = data);
      });
      if (changed && !(text && textNode.parentElement?.closest(text))) missed.push(`text "${textNode.data.trim()}" in ${describe(textNode.parentElement!)}`);
    }
    expect(missed).toEqual([]);
  }, 120_000);
});
