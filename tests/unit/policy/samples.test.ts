import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLICY_KEYS, readPolicy } from '../../../lib/policy';
import { GECKO_ID as FIREFOX_ID } from '../../../lib/editor/policy';
import { adminSamples, ADMIN_DIR, CHROME_ID, sampleKeys } from '../../../scripts/admin-samples';
import { E2E_PUBLIC_KEY, extensionIdOf } from '../../../scripts/extension-key';

/**
 * The sample policy files in docs/admin/ are read here as each browser reads them, and their
 * Konferenzlotse keys checked: a sample that no longer matches the keys cannot go unnoticed.
 */
const read = (file: string) => readFileSync(join(ADMIN_DIR, file), 'utf8');
const ROOT = join(ADMIN_DIR, '..', '..');
type Schema = { type: string; properties?: Record<string, Schema>; items?: Schema };
const SCHEMA = JSON.parse(readFileSync(join(ROOT, 'public', 'managed_schema.json'), 'utf8')) as Schema;

/** Chrome drops a key whose value does not fit public/managed_schema.json. */
function fitsSchema(schema: Schema, value: unknown): boolean {
  switch (schema.type) {
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return Number.isInteger(value);
    case 'array':
      return Array.isArray(value) && value.every((item) => fitsSchema(schema.items!, item));
    case 'object':
      return (
        typeof value === 'object' && value !== null && !Array.isArray(value) &&
        Object.entries(value).every(([key, item]) => !schema.properties?.[key] || fitsSchema(schema.properties[key]!, item))
      );
    default:
      return false;
  }
}

/** A .reg file as Chrome reads the 3rdparty policy of one extension: subkeys are objects or numbered lists, typed by the schema. */
function readReg(text: string, policyKey: string): Record<string, unknown> {
  const values = new Map<string, Map<string, string | number>>();
  let section: Map<string, string | number> | null = null;
  for (const line of text.split(/\r?\n/)) {
    const head = /^\[(.+)\]$/.exec(line);
    if (head) {
      section = new Map();
      values.set(head[1]!, section);
      continue;
    }
    const string = /^"([^"]+)"="((?:[^"\\]|\\.)*)"$/.exec(line);
    if (string && section) section.set(string[1]!, string[2]!.replace(/\\(.)/g, '$1'));
    const dword = /^"([^"]+)"=dword:([0-9a-f]{8})$/.exec(line);
    if (dword && section) section.set(dword[1]!, Number.parseInt(dword[2]!, 16));
  }
  const subkeys = (key: string) =>
    [...values.keys()].filter((k) => k.startsWith(`${key}\\`) && !k.slice(key.length + 1).includes('\\')).map((k) => k.slice(key.length + 1));
  const convert = (schema: Schema, key: string, raw: string | number | undefined): unknown => {
    if (schema.type === 'boolean') return raw === undefined ? undefined : raw !== 0;
    if (schema.type === 'string') return raw;
    if (schema.type === 'array') {
      const sub = `${key}`;
      const named = values.get(sub);
      const items = named ? [...named.entries()].sort(([a], [b]) => Number(a) - Number(b)).map(([, v]) => v) : [];
      const nested = subkeys(sub).sort((a, b) => Number(a) - Number(b)).map((n) => convertObject(schema.items!, `${sub}\\${n}`));
      return [...items, ...nested];
    }
    return convertObject(schema, key);
  };
  const convertObject = (schema: Schema, key: string): Record<string, unknown> => {
    const own = values.get(key) ?? new Map();
    const out: Record<string, unknown> = {};
    for (const [name, child] of Object.entries(schema.properties ?? {})) {
      const value = child.type === 'array' || child.type === 'object' ? (values.has(`${key}\\${name}`) || subkeys(`${key}\\${name}`).length ? convert(child, `${key}\\${name}`, undefined) : undefined) : convert(child, name, own.get(name));
      if (value !== undefined) out[name] = value;
    }
    return out;
  };
  return convertObject(SCHEMA, policyKey);
}

/** A plist (XML) as macOS reads it. */
function readPlist(text: string): unknown {
  const tokens = [...text.matchAll(/<(\/?)(dict|array|key|string|integer|true|false)(\/?)>(?:([^<]*)<\/\2>)?/g)];
  let i = 0;
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const value = (): unknown => {
    const [, close, tag, , content] = tokens[i++]!;
    if (close) throw new Error(`unexpected </${tag}>`);
    if (tag === 'string') return unescape(content ?? '');
    if (tag === 'integer') return Number(content);
    if (tag === 'true' || tag === 'false') return tag === 'true';
    if (tag === 'array') {
      const items: unknown[] = [];
      while (!(tokens[i]![1] && tokens[i]![2] === 'array')) items.push(value());
      i++;
      return items;
    }
    const dict: Record<string, unknown> = {};
    while (!(tokens[i]![1] && tokens[i]![2] === 'dict')) {
      const [, , tag2, , key] = tokens[i++]!;
      if (tag2 !== 'key') throw new Error('key expected');
      dict[unescape(key ?? '')] = value();
    }
    i++;
    return dict;
  };
  return value();
}

const withoutPayloadKeys = (dict: Record<string, unknown>) => Object.fromEntries(Object.entries(dict).filter(([k]) => !k.startsWith('Payload')));

/** Sample file -> its Konferenzlotse keys, read the way the browser reads that format. */
const SAMPLES: Record<string, () => unknown> = {
  'linux/konferenzlotse.json (Chrome and Chromium on Linux)': () =>
    (JSON.parse(read('linux/konferenzlotse.json')) as { '3rdparty': { extensions: Record<string, unknown> } })['3rdparty'].extensions[CHROME_ID],
  'windows/konferenzlotse.reg (Chrome on Windows)': () => readReg(read('windows/konferenzlotse.reg'), `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${CHROME_ID}\\policy`),
  'macOS plist': () => readPlist(read(`macos/com.google.Chrome.extensions.${CHROME_ID}.plist`)),
  'macOS configuration profile': () => {
    const profile = readPlist(read('macos/konferenzlotse.mobileconfig')) as { PayloadContent: Record<string, unknown>[] };
    return withoutPayloadKeys(profile.PayloadContent.find((p) => p.PayloadType === `com.google.Chrome.extensions.${CHROME_ID}`)!);
  },
  'Google Admin console': () =>
    Object.fromEntries(Object.entries(JSON.parse(read('google-admin-console.json')) as Record<string, { Value: unknown }>).map(([k, v]) => [k, v.Value])),
  'firefox/policies.json': () =>
    (JSON.parse(read('firefox/policies.json')) as { policies: { '3rdparty': { Extensions: Record<string, unknown> } } }).policies['3rdparty'].Extensions[FIREFOX_ID],
};

describe('sample policy files (docs/admin/)', () => {
  for (const [name, keysOf] of Object.entries(SAMPLES)) {
    it(`${name}: every Konferenzlotse key is valid, fits Chrome's schema and is the same as in every other sample`, () => {
      const keys = keysOf() as Record<string, unknown>;
      expect(keys).toEqual(sampleKeys());
      const { problems, policy } = readPolicy(keys);
      expect(problems).toEqual([]);
      expect(policy.profiles.map((p) => p.id)).toEqual(['gymnasium-musterstadt-beispiel']);
      expect(policy.hosts.map((h) => h.host)).toEqual(['meet.gymnasium-musterstadt.de', 'bbb.gymnasium-musterstadt.de']);
      expect(policy).toMatchObject({ role: 'student', roleLocked: true, hideSchoolPicker: true });
      expect(fitsSchema(SCHEMA, keys)).toBe(true);
    });
  }

  it('install Konferenzlotse by force, each in its own way', () => {
    const linux = JSON.parse(read('linux/konferenzlotse-install.json')) as { ExtensionSettings: Record<string, { installation_mode: string; update_url: string; toolbar_pin: string }> };
    expect(linux.ExtensionSettings[CHROME_ID]).toEqual({ installation_mode: 'force_installed', update_url: 'https://clients2.google.com/service/update2/crx', toolbar_pin: 'force_pinned' });
    expect(read('windows/konferenzlotse.reg')).toContain(`"1"="${CHROME_ID};https://clients2.google.com/service/update2/crx"`);
    const mac = readPlist(read('macos/konferenzlotse.mobileconfig')) as { PayloadContent: Record<string, unknown>[] };
    expect(mac.PayloadContent.find((p) => p.PayloadType === 'com.google.Chrome')?.ExtensionInstallForcelist).toEqual([`${CHROME_ID};https://clients2.google.com/service/update2/crx`]);
    const firefox = JSON.parse(read('firefox/policies.json')) as { policies: { ExtensionSettings: Record<string, { installation_mode: string }> } };
    expect(firefox.policies.ExtensionSettings[FIREFOX_ID]?.installation_mode).toBe('force_installed');
  });

  it('name the ids the builds really have', () => {
    expect(extensionIdOf(Buffer.from(E2E_PUBLIC_KEY, 'base64'))).toBe(CHROME_ID);
    expect(readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8')).toContain(`id: '${FIREFOX_ID}'`);
  });

  it('are up to date with scripts/admin-samples.ts (npm run admin-samples)', () => {
    for (const [file, text] of Object.entries(adminSamples())) expect(read(file), file).toBe(text);
  });

  it("Chrome's schema declares exactly the policy keys", () => {
    expect(Object.keys(SCHEMA.properties ?? {})).toEqual([...POLICY_KEYS]);
  });
});
