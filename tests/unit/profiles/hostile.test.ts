import { describe, expect, it } from 'vitest';
import { jsonErrorOffset, jsonErrorPlace } from '../../../lib/json-error';
import { hostProblem } from '../../../lib/hostnames';
import { decodeProfileFile, parseProfile, type ProfileError } from '../../../lib/profiles/validate';
import { sampleProfile } from './sample';

/** The sample profile with one value replaced at a path, as JSON text. */
function withValue(path: (string | number)[], value: unknown): string {
  const profile = JSON.parse(JSON.stringify(sampleProfile())) as Record<string, unknown>;
  let node = profile as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return JSON.stringify(profile);
}
const name = (value: string) => withValue(['institution', 'name'], value);
const host = (value: string) => withValue(['deployments', 0, 'hosts'], [value]);
const errorsOf = (input: string): ProfileError[] => {
  const result = parseProfile(input);
  return result.ok ? [] : result.errors;
};

const H = 'deployments[0].hosts[0]';

/** Hostile imports (issue: input that must be refused), each with the path and code it is refused with. */
const HOSTILE: [string, string, string, string][] = [
  // Direction controls that turn the extension's own labels around
  ['right-to-left override in the name', name('Schule\u202Eeluhcs'), 'institution.name', 'bidi'],
  ['left-to-right embedding in the name', name('\u202ASchule'), 'institution.name', 'bidi'],
  ['a lone pop-directional-formatting', name('Schule\u202C'), 'institution.name', 'bidi'],
  ['right-to-left override in the town', withValue(['institution', 'town'], '\u202Etdatsretsum'), 'institution.town', 'bidi'],
  ['an isolate that is never closed', name('\u2067Schule'), 'institution.name', 'bidi'],
  ['a stray isolate end', name('Schule\u2069'), 'institution.name', 'bidi'],
  ['right-to-left override in a fact', withValue(['purposes', 0, 'text', 'de'], 'Unterricht\u202E'), 'purposes[0].text.de', 'bidi'],
  ['right-to-left override in a source', withValue(['purposes', 0, 'source', 0, 'document'], '\u202EDokument'), 'purposes[0].source[0].document', 'bidi'],
  ['right-to-left override in the controller', withValue(['controller', 'name'], 'Amt\u202E'), 'controller.name', 'bidi'],
  // Names nobody can read
  ['a name of zero-width spaces', name('\u200B\u200B\u200B'), 'institution.name', 'invisible'],
  ['a name of joiners', name('\u200D\u200C\u2060'), 'institution.name', 'invisible'],
  ['a name of byte-order marks (trimmed to nothing)', name('\uFEFF\uFEFF'), 'institution.name', 'empty'],
  ['a name of soft hyphens', name('\u00AD\u00AD'), 'institution.name', 'invisible'],
  ['a name of Hangul fillers', name('\u3164\u115F'), 'institution.name', 'invisible'],
  ['a name of direction marks', name('\u200E\u200F'), 'institution.name', 'invisible'],
  ['a DPO name of variation selectors', withValue(['dpo', 'name'], '\uFE0F\uFE0E'), 'dpo.name', 'invisible'],
  // Control characters
  ['a C1 next-line control', name('Schule\u0085'), 'institution.name', 'control'],
  ['a C1 control sequence introducer', name('\u009B31mSchule'), 'institution.name', 'control'],
  ['an escape character', name('\u001B[31mSchule'), 'institution.name', 'control'],
  ['a delete character', name('Schule\u007F'), 'institution.name', 'control'],
  ['a C1 control in a phone number', withValue(['dpo', 'phone'], '0511 \u0080 123'), 'dpo.phone', 'control'],
  // Host names
  ['a 190,000-character host name', host(`${'a'.repeat(190_000)}.de`), H, 'tooLong'],
  ['a host name over 253 characters', host(`${'a'.repeat(62)}.${'b'.repeat(62)}.${'c'.repeat(62)}.${'d'.repeat(62)}.de`), H, 'hostTooLong'],
  ['a label over 63 characters', host(`${'a'.repeat(64)}.schule.de`), H, 'labelTooLong'],
  ['a wildcard on .co.uk', host('*.co.uk'), H, 'publicSuffix'],
  ['a wildcard on .github.io', host('*.github.io'), H, 'publicSuffix'],
  ['a wildcard on .de', host('*.de'), H, 'publicSuffix'],
  ['a wildcard on .blogspot.com', host('*.blogspot.com'), H, 'publicSuffix'],
  ['the public suffix co.uk itself', host('co.uk'), H, 'publicSuffix'],
  ['the public suffix github.io itself', host('github.io'), H, 'publicSuffix'],
  ['a bare wildcard', host('*'), H, 'host'],
  ['a wildcard in the middle', host('meet.*.de'), H, 'host'],
  ['a trailing dot', host('meet.schule.de.'), H, 'host'],
  ['an IP address', host('192.168.0.10'), H, 'host'],
  // Unbounded numbers and fields
  ['an unbounded $schema', withValue(['$schema'], `https://schule.de/${'x'.repeat(100_000)}`), '$schema', 'tooLong'],
  ['a $schema that is no text', withValue(['$schema'], { $ref: '#' }), '$schema', 'wrongType'],
  ['version 1e300', withValue(['version'], 1e300), 'version', 'range'],
  ['version 2^53', withValue(['version'], 2 ** 53), 'version', 'range'],
  ['version 1e21 written as such', sampleProfileText().replace('"version":2', '"version":1e21'), 'version', 'range'],
  // Damaged text
  ['a lone high surrogate escaped in JSON', name('Schule \uD800'), 'institution.name', 'encoding'],
  ['a lone low surrogate escaped in JSON', withValue(['dpo', 'name'], '\uDC00DSB'), 'dpo.name', 'encoding'],
  ['a lone surrogate in the pasted text itself', `${sampleProfileText()}\uD800`, '', 'encoding'],
  // Structure
  ['__proto__ as a field', sampleProfileText().replace('{', '{"__proto__": {"polluted": true},'), '__proto__', 'unknownField'],
  ['constructor as a field', sampleProfileText().replace('{', '{"constructor": 1,'), 'constructor', 'unknownField'],
  ['deep nesting that never closes', '['.repeat(10_000), '', 'notJson'],
];

function sampleProfileText(): string {
  return JSON.stringify(sampleProfile());
}

describe('hostile imports are refused with their paths', () => {
  it(`at least 40 cases (${HOSTILE.length})`, () => expect(HOSTILE.length).toBeGreaterThanOrEqual(40));
  for (const [title, input, path, code] of HOSTILE) {
    it(title, () => {
      const errors = errorsOf(input);
      expect(errors.length, 'refused').toBeGreaterThan(0);
      expect(errors).toContainEqual(expect.objectContaining({ path, code }));
    });
  }
});

describe('what is still accepted', () => {
  it('a name with a closed isolate, a zero-width joiner inside a word, and a date as version', () => {
    const result = parseProfile(withValue(['institution', 'name'], 'Schule \u2068مدرسة\u2069 Musterstadt\u200D'));
    expect(result.ok).toBe(true);
    expect(parseProfile(withValue(['version'], 2026090112)).ok).toBe(true);
  });

  it("a host under a private suffix (a school's own site) and a punycode host", () => {
    expect(hostProblem('schule-musterstadt.github.io')).toBeNull();
    expect(hostProblem('*.schule-musterstadt.de')).toBeNull();
    expect(hostProblem('meet.xn--schle-mva.de')).toBeNull();
  });
});

describe('every unknown field is reported, in every object', () => {
  it('not only the first one per object', () => {
    const profile = { ...sampleProfile(), logo: 'x', farbe: 'blau', institution: { name: 'Schule', nmae: 'x', strasse: 'y' } };
    const errors = errorsOf(JSON.stringify(profile));
    expect(errors.filter((e) => e.code === 'unknownField').map((e) => e.path)).toEqual(['institution.nmae', 'institution.strasse', 'logo', 'farbe']);
  });

  it('a very long field name is cut in the path', () => {
    const errors = errorsOf(JSON.stringify({ ...sampleProfile(), ['x'.repeat(5000)]: 1 }));
    expect(errors[0]?.path).toBe(`${'x'.repeat(60)}…`);
  });
});

describe('files are read as UTF-8 only', () => {
  const encode = (text: string) => new TextEncoder().encode(text);

  it('a UTF-8 file with or without a byte-order mark is read', () => {
    expect(decodeProfileFile(encode('{"a": "Schüler"}'))).toEqual({ ok: true, text: '{"a": "Schüler"}' });
    expect(decodeProfileFile(new Uint8Array([0xef, 0xbb, 0xbf, ...encode('{}')]))).toEqual({ ok: true, text: '{}' });
  });

  it('Latin-1, Windows-1252 and cut-off UTF-8 are refused instead of turned into �', () => {
    const latin1 = new Uint8Array([...encode('{"name": "Sch'), 0xfc, ...encode('ler"}')]);
    const cp1252 = new Uint8Array([...encode('{"name": '), 0x93, ...encode('Schule'), 0x94, ...encode('}')]);
    const cut = encode('{"name": "Schü').slice(0, -1);
    for (const bytes of [latin1, cp1252, cut]) expect(decodeProfileFile(bytes)).toEqual({ ok: false, errors: [{ path: '', code: 'encoding' }] });
  });
});

describe('JSON errors name the place, not the parser’s English', () => {
  it('line and column of the first error', () => {
    expect(errorsOf('{\n  "id": x\n}')).toEqual([{ path: '', code: 'notJson', detail: '2:9' }]);
    expect(errorsOf('{"a": 1,}')).toEqual([{ path: '', code: 'notJson', detail: '1:9' }]);
    expect(errorsOf('')).toEqual([{ path: '', code: 'notJson', detail: '1:1' }]);
    expect(errorsOf('{"a": "x')[0]?.detail).toBe('1:9');
    expect(errorsOf('{"a": 1} x')[0]?.detail).toBe('1:10');
    expect(errorsOf('{"a": "\\q"}')[0]?.detail).toBe('1:9');
    expect(errorsOf('{"a": "\\u12g4"}')[0]?.detail).toBe('1:9');
  });

  it('the locator agrees with JSON.parse on what is valid', () => {
    const valid = ['{}', '[]', '"x"', '-0.5e+3', 'true', 'null', ' [1, {"a": [false]}] ', sampleProfileText()];
    const invalid = ['{', '[1,]', '01', '1.', '-', 'tru', '"a\nb"', "{'a': 1}", 'NaN', '{"a" 1}', '[1 2]'];
    for (const text of valid) expect(jsonErrorOffset(text), text).toBe(-1);
    for (const text of invalid) {
      expect(() => JSON.parse(text)).toThrow();
      expect(jsonErrorPlace(text), text).not.toBeNull();
    }
  });
});
