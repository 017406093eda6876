import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArchitecture, parseSource, readSources, valueClosure, type SourceFile } from './graph';

/** vitest runs from the project root (vitest.config.ts). */
const ROOT = resolve(process.cwd());
const files = readSources(ROOT, ['lib', 'components', 'entrypoints']);

/** Packages and folders the detector (on every matched page, 4 KB budget) must never load. */
const NOT_IN_DETECTOR = [/^preact($|\/)/, /^zustand($|\/)/, /^valibot($|\/)/, /^components\//];

function detectorReaches(all: ReadonlyMap<string, SourceFile>): string[] {
  return valueClosure(all, 'entrypoints/detector.ts')
    .filter(({ target }) => NOT_IN_DETECTOR.some((pattern) => pattern.test(target)))
    .map(({ target, via }) => `the detector bundle reaches ${target} through ${via.join(' -> ')}`);
}

describe('architecture: the code keeps its own layering', () => {
  it('reads the source files', () => {
    expect(files.size).toBeGreaterThan(40);
    expect(files.get('entrypoints/detector.ts')?.imports.map((i) => i.target)).toContain('lib/watch.ts');
    expect(files.get('lib/watch.ts')?.imports.map((i) => i.target)).toContain('lib/detect/index.ts');
  });

  it('lib/detect imports only its own files; lib never imports components or entrypoints; components never import entrypoints; only entrypoints and lib/state touch extension APIs', () => {
    expect(checkArchitecture(files)).toEqual([]);
  });

  it("the detector bundle's import closure never reaches preact, zustand, valibot or components", () => {
    expect(detectorReaches(files)).toEqual([]);
  });
});

describe('architecture test: a broken rule fails with the offending import named', () => {
  const fake = (sources: Record<string, string>) => new Map(Object.entries(sources).map(([path, source]) => [path, parseSource(ROOT, path, source)]));

  it('names each offending import with its file and line', () => {
    const broken = fake({
      'lib/detect/jitsi.ts': "import type { Profile } from '../profiles/schema';\n",
      'lib/helper.ts': "// browser.runtime in a comment is fine\nimport { Overlay } from '../components/Overlay';\nimport { browser } from 'wxt/browser';\nconst url = 'https://example.org/'; // chrome.tabs\n",
      'lib/other.ts': "export const id = () => chrome.runtime.id;\n",
      'components/View.tsx': "import {\n  render,\n} from '../entrypoints/popup/main';\n",
    });
    expect(checkArchitecture(broken)).toEqual([
      "lib/detect/jitsi.ts:1 imports '../profiles/schema': lib/detect imports only its own files",
      "lib/helper.ts:2 imports '../components/Overlay': lib never imports components or entrypoints",
      "lib/helper.ts:3 imports 'wxt/browser': only entrypoints and lib/state touch extension APIs",
      'lib/other.ts:1 uses an extension API (export const id = () => chrome.runtime.id;): only entrypoints and lib/state touch extension APIs',
      "components/View.tsx:1 imports '../entrypoints/popup/main': components never import entrypoints",
    ]);
  });

  it('type-only imports of the extension API types are allowed; lib/state and entrypoints may use the APIs', () => {
    const fine = fake({
      'lib/types.ts': "import type { Browser } from 'wxt/browser';\nimport { type Foo } from '@wxt-dev/browser';\n",
      'lib/state/x.ts': "import { browser } from 'wxt/browser';\nbrowser.storage.local.get();\n",
      'entrypoints/y.ts': 'chrome.runtime.id;\n',
    });
    expect(checkArchitecture(fine)).toEqual([]);
  });

  it('follows value imports from the detector and names the path to a forbidden module', () => {
    const sources = fake({
      'entrypoints/detector.ts': "import { DETECTION_KEY } from '../lib/messages';\nimport type { Profile } from '../lib/profiles/schema';\n",
      'lib/messages.ts': "import { Fact } from './profiles/card';\nexport const DETECTION_KEY = 'x';\n",
      'lib/profiles/card.ts': "import * as v from 'valibot';\n",
    });
    expect(detectorReaches(sources)).toEqual(['the detector bundle reaches valibot through entrypoints/detector.ts -> lib/messages.ts -> lib/profiles/card.ts -> valibot']);
  });
});
