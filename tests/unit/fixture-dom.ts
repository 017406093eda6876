import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/** Parses a fixture page (scripts are not run) as the detector would see it. */
export function loadFixture(path: string): Document {
  return parseHtml(readFileSync(join(FIXTURES, path), 'utf8'));
}

export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}
