import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DETECTOR, PLATFORMS, type Platform, type PlatformDetector } from '../../../lib/detect';
import { PLATFORM_NAME, BADGE_TEXT } from '../../../lib/platforms';
import { BUNDLED_PROFILES } from '../../../lib/profiles/bundled';
import { LEAVE_CONTROLS } from '../../../lib/rules/leave';
import { DEMO_PAGES, SITES } from '../../fixtures/sites';
import { parseHtml } from '../fixture-dom';

/** Every module of lib/detect, by file. */
const MODULES = import.meta.glob<Record<string, unknown>>('../../../lib/detect/*.ts', { eager: true });
/** The generic profiles that ship, by file. */
const GENERIC_FILES = import.meta.glob<{ default: { id: string; kind: string; deployments: { platform: string }[] } }>(
  '../../../lib/profiles/bundled/generic-*.json',
  { eager: true },
);

const isDetector = (value: unknown): value is PlatformDetector =>
  typeof value === 'object' && value !== null && 'platform' in value && typeof (value as PlatformDetector).detect === 'function';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

/** The fixture file a demo page is served from (its route in tests/fixtures/sites.ts). */
function fixtureOf(url: string): string {
  const { host, pathname, search } = new URL(url);
  const site = SITES.find((s) => s.host === host);
  const route = site?.routes[pathname + search] ?? site?.routes[pathname];
  if (!route || !existsSync(join(FIXTURES, route))) throw new Error(`no fixture serves ${url}`);
  return route;
}

describe('the platform registry', () => {
  it('registers every detector that a file in lib/detect exports, under its own platform', () => {
    const exported = Object.entries(MODULES).flatMap(([file, module]) =>
      Object.values(module)
        .filter(isDetector)
        .map((detector) => ({ file, detector })),
    );
    expect(exported.length).toBeGreaterThanOrEqual(PLATFORMS.length);
    for (const { file, detector } of exported) {
      expect(DETECTOR[detector.platform], `${file} exports the ${detector.platform} detector`).toBe(detector);
    }
  });

  it('has exactly one detector per platform, and per-platform data for each', () => {
    expect(Object.keys(DETECTOR).sort()).toEqual([...PLATFORMS].sort());
    for (const platform of PLATFORMS) expect(DETECTOR[platform].platform).toBe(platform);
    for (const table of [PLATFORM_NAME, BADGE_TEXT, LEAVE_CONTROLS]) expect(Object.keys(table).sort()).toEqual([...PLATFORMS].sort());
  });

  describe.each(PLATFORMS.map((platform) => [platform]))('%s', (platform: Platform) => {
    it('has a demo page whose fixture it detects', () => {
      const pages = DEMO_PAGES.filter((page) => page.expect?.platform === platform);
      expect(pages.length, 'demo pages in tests/fixtures/sites.ts').toBeGreaterThan(0);
      const detected = pages.find((page) => {
        const found = DETECTOR[platform].detect(parseHtml(readFileSync(join(FIXTURES, fixtureOf(page.url)), 'utf8')), new URL(page.url));
        return found?.platform === platform && found.phase === page.expect?.phase;
      });
      expect(detected, `a fixture it detects, among ${pages.map((page) => fixtureOf(page.url)).join(', ')}`).toBeDefined();
    });

    it('has a generic bundled profile that runs on it', () => {
      const generic = Object.entries(GENERIC_FILES).filter(([, { default: profile }]) =>
        profile.kind === 'generic' && profile.deployments.some((d) => d.platform === platform),
      );
      expect(generic.map(([file]) => file), 'lib/profiles/bundled/generic-*.json').not.toEqual([]);
      const shipped = new Set(BUNDLED_PROFILES.map((profile) => profile.id));
      expect(generic.some(([, { default: profile }]) => shipped.has(profile.id)), 'bundled (lib/profiles/bundled.ts)').toBe(true);
    });
  });
});
