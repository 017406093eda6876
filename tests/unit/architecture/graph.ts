/**
 * The source files' import graph, read from the text (TypeScript has no JS API here): which
 * module each file imports, whether only types, and where the file calls extension APIs.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export interface Import {
  /** As written. */
  specifier: string;
  /** A file of the project (relative to the root, `/` separated), or a package name. */
  target: string;
  /** `import type`, or every named import marked `type`: erased from the bundle. */
  typeOnly: boolean;
  line: number;
}

export interface SourceFile {
  path: string;
  imports: Import[];
  /** Lines that use `browser.*` or `chrome.*` (outside comments and strings). */
  apiUses: { line: number; text: string }[];
}

/** Code with comments and string/regex contents blanked (same length, lines kept). */
export function codeOnly(source: string): string {
  let out = '';
  let i = 0;
  let last = '';
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  while (i < source.length) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      const stop = end === -1 ? source.length : end;
      out += blank(source.slice(i, stop));
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      out += blank(source.slice(i, stop));
      i = stop;
    } else if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < source.length && source[j] !== c) j += source[j] === '\\' ? 2 : 1;
      out += c + blank(source.slice(i + 1, j)) + c;
      i = j + 1;
      last = c;
    } else if (c === '/' && (last === '' || /[(,=:[!&|?{};+\-*%<>~^]/.test(last))) {
      // A regular expression literal.
      let j = i + 1;
      let inClass = false;
      while (j < source.length && source[j] !== '\n') {
        if (source[j] === '\\') j += 2;
        else {
          if (source[j] === '[') inClass = true;
          else if (source[j] === ']') inClass = false;
          else if (source[j] === '/' && !inClass) break;
          j++;
        }
      }
      out += `/${blank(source.slice(i + 1, j))}/`;
      i = j + 1;
      last = '/';
    } else {
      out += c;
      if (!/\s/.test(c)) last = c;
      i++;
    }
  }
  return out;
}

const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx'];

function resolveTarget(root: string, from: string, specifier: string): string {
  if (!specifier.startsWith('.')) {
    const parts = specifier.split('/');
    return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
  }
  const base = resolve(dirname(join(root, from)), specifier.replace(/\?.*$/, ''));
  for (const candidate of [base, ...EXTENSIONS.map((e) => base + e)]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(root, candidate).split('\\').join('/');
  }
  return relative(root, base).split('\\').join('/');
}

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

export function parseSource(root: string, path: string, source: string): SourceFile {
  const code = codeOnly(source);
  const imports: Import[] = [];
  const add = (index: number, specifier: string, typeOnly: boolean) =>
    imports.push({ specifier, target: resolveTarget(root, path, specifier), typeOnly, line: lineOf(source, index) });
  // Statements are found in the blanked code; their specifiers are read from the source.
  const statement = /\b(import|export)\s+(type\s+)?([\w$]+\s*,?\s*)?(\*\s*(?:as\s+[\w$]+)?|\{[^}]*\})?\s*from\s*(['"])/g;
  for (const m of code.matchAll(statement)) {
    if (m[1] === 'export' && !m[4]) continue;
    const quote = m.index! + m[0].length;
    const specifier = source.slice(quote, source.indexOf(m[5]!, quote));
    const named = m[4]?.startsWith('{') ? source.slice(m.index! + m[0].indexOf('{'), m.index! + m[0].indexOf('}') + 1) : '';
    const namedAllTypes = named !== '' && !m[3] && named.slice(1, -1).split(',').map((s) => s.trim()).filter(Boolean).every((s) => s.startsWith('type '));
    add(m.index!, specifier, Boolean(m[2]) || namedAllTypes);
  }
  for (const m of code.matchAll(/\bimport\s*(['"])/g)) {
    const quote = m.index! + m[0].length;
    add(m.index!, source.slice(quote, source.indexOf(m[1]!, quote)), false);
  }
  for (const m of code.matchAll(/\bimport\s*\(\s*(['"])/g)) {
    const quote = m.index! + m[0].length;
    add(m.index!, source.slice(quote, source.indexOf(m[1]!, quote)), false);
  }
  const apiUses: SourceFile['apiUses'] = [];
  code.split('\n').forEach((text, i) => {
    if (/(?<![\w$.])(browser|chrome)\s*\??\.\s*[A-Za-z]/.test(text)) apiUses.push({ line: i + 1, text: source.split('\n')[i]!.trim() });
  });
  return { path, imports, apiUses };
}

export function readSources(root: string, folders: readonly string[]): Map<string, SourceFile> {
  const files = new Map<string, SourceFile>();
  const walk = (dir: string) => {
    for (const name of readdirSync(join(root, dir))) {
      const path = `${dir}/${name}`;
      if (statSync(join(root, path)).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) files.set(path, parseSource(root, path, readFileSync(join(root, path), 'utf8')));
    }
  };
  for (const folder of folders) walk(folder);
  return files;
}

/** Packages that are the extension APIs (or give them). */
export const EXTENSION_API_PACKAGES = ['wxt/browser', 'wxt/utils/storage', '@wxt-dev/browser', '@wxt-dev/storage', 'webextension-polyfill', 'wxt/testing'];

/** The layering rules; each broken one is a sentence naming the file, line and import. */
export function checkArchitecture(files: ReadonlyMap<string, SourceFile>): string[] {
  const problems: string[] = [];
  const at = (file: SourceFile, imp: Import) => `${file.path}:${imp.line} imports '${imp.specifier}'`;
  for (const file of files.values()) {
    const inLib = file.path.startsWith('lib/');
    const inState = file.path.startsWith('lib/state/');
    const mayUseApis = inState || file.path.startsWith('entrypoints/');
    for (const imp of file.imports) {
      if (file.path.startsWith('lib/detect/') && !imp.target.startsWith('lib/detect/')) {
        problems.push(`${at(file, imp)}: lib/detect imports only its own files`);
      }
      if (inLib && (imp.target.startsWith('components/') || imp.target.startsWith('entrypoints/'))) {
        problems.push(`${at(file, imp)}: lib never imports components or entrypoints`);
      }
      if (file.path.startsWith('components/') && imp.target.startsWith('entrypoints/')) {
        problems.push(`${at(file, imp)}: components never import entrypoints`);
      }
      const api = EXTENSION_API_PACKAGES.some((p) => imp.specifier === p || imp.specifier.startsWith(`${p}/`));
      if (api && !imp.typeOnly && !mayUseApis) {
        problems.push(`${at(file, imp)}: only entrypoints and lib/state touch extension APIs`);
      }
    }
    if (!mayUseApis) {
      for (const use of file.apiUses) problems.push(`${file.path}:${use.line} uses an extension API (${use.text}): only entrypoints and lib/state touch extension APIs`);
    }
  }
  return problems;
}

/** Everything a file's code reaches through value imports (type-only imports are erased). */
export function valueClosure(files: ReadonlyMap<string, SourceFile>, start: string): { target: string; via: string[] }[] {
  const seen = new Map<string, string[]>([[start, [start]]]);
  const queue = [start];
  while (queue.length) {
    const path = queue.shift()!;
    for (const imp of files.get(path)?.imports ?? []) {
      if (imp.typeOnly || seen.has(imp.target)) continue;
      seen.set(imp.target, [...seen.get(path)!, imp.target]);
      if (files.has(imp.target)) queue.push(imp.target);
    }
  }
  return [...seen].map(([target, via]) => ({ target, via }));
}
