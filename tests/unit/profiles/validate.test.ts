import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../lib/profiles/schema';
import { parseProfile, validateProfile } from '../../../lib/profiles/validate';
import { sampleProfile } from './sample';

const json = (value: unknown) => JSON.stringify(value);
const errorsOf = (input: string) => {
  const result = parseProfile(input);
  return result.ok ? [] : result.errors;
};
/** The sample with one change at a path (set to `value`, or deleted when undefined). */
function broken(path: (string | number)[], value: unknown): string {
  const profile = JSON.parse(json(sampleProfile())) as Record<string, unknown>;
  let node: Record<string | number, unknown> = profile;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return json(profile);
}

describe('a valid profile', () => {
  it('passes and comes back typed', () => {
    const result = parseProfile(json(sampleProfile()));
    expect(result.ok && result.profile.institution.name).toBe('Gymnasium Musterstadt');
  });

  it('accepts a byte-order mark and trims text', () => {
    const result = parseProfile(`\uFEFF${broken(['institution', 'name'], '  Gymnasium  ')}`);
    expect(result.ok && result.profile.institution.name).toBe('Gymnasium');
  });

  it('lower-cases host names', () => {
    const result = parseProfile(broken(['deployments', 0, 'hosts'], ['Meet.Schule.DE']));
    expect(result.ok && result.profile.deployments[0]?.hosts).toEqual(['meet.schule.de']);
  });
});

describe('malformed and hostile input: refused with what and where', () => {
  const cases: [string, string, { path: string; code: string }][] = [
    ['empty text', '', { path: '', code: 'notJson' }],
    ['not JSON at all', 'Das ist kein Profil', { path: '', code: 'notJson' }],
    ['truncated JSON', json(sampleProfile()).slice(0, 100), { path: '', code: 'notJson' }],
    ['JSON with a trailing comma', '{"id": "x",}', { path: '', code: 'notJson' }],
    ['a list instead of an object', '[1, 2, 3]', { path: '', code: 'notObject' }],
    ['a string', '"profil"', { path: '', code: 'notObject' }],
    ['null', 'null', { path: '', code: 'notObject' }],
    ['a number', '42', { path: '', code: 'notObject' }],
    ['an empty object', '{}', { path: 'format', code: 'missing' }],
    ['a missing name', broken(['institution', 'name'], undefined), { path: 'institution.name', code: 'missing' }],
    ['a name that is a number', broken(['institution', 'name'], 7), { path: 'institution.name', code: 'wrongType' }],
    ['an empty name', broken(['institution', 'name'], '   '), { path: 'institution.name', code: 'empty' }],
    ['a huge string', broken(['institution', 'name'], 'x'.repeat(100_000)), { path: 'institution.name', code: 'tooLong' }],
    ['too many purposes', broken(['purposes'], Array.from({ length: 100 }, () => ({ text: { de: 'x' }, source: [{ document: 'd' }] }))), { path: 'purposes', code: 'tooMany' }],
    ['an empty list', broken(['purposes'], []), { path: 'purposes', code: 'empty' }],
    ['a javascript: link', broken(['dpo', 'url'], 'javascript:alert(1)'), { path: 'dpo.url', code: 'https' }],
    ['an http link', broken(['dpo', 'url'], 'http://schule.de/datenschutz'), { path: 'dpo.url', code: 'https' }],
    ['a data: link in a source', broken(['purposes', 0, 'source', 0, 'url'], 'data:text/html,<script>alert(1)</script>'), { path: 'purposes[0].source[0].url', code: 'https' }],
    ['a link that is no address', broken(['dpo', 'url'], 'https://'), { path: 'dpo.url', code: 'url' }],
    ['a script tag as e-mail', broken(['dpo', 'email'], '<script>alert(1)</script>'), { path: 'dpo.email', code: 'email' }],
    ['a mailto: in the e-mail field', broken(['dpo', 'email'], 'mailto:dsb@schule.de'), { path: 'dpo.email', code: 'email' }],
    ['letters as phone number', broken(['dpo', 'phone'], 'call me'), { path: 'dpo.phone', code: 'phone' }],
    ['an unknown field', broken(['logo'], 'https://schule.de/logo.png'), { path: 'logo', code: 'unknownField' }],
    ['a misspelt field', broken(['institution', 'nmae'], 'x'), { path: 'institution.nmae', code: 'unknownField' }],
    ['__proto__ as a field', json(sampleProfile()).replace('{', '{"__proto__": {"polluted": true},'), { path: '__proto__', code: 'unknownField' }],
    ['an unknown platform', broken(['deployments', 0, 'platform'], 'zoom'), { path: 'deployments[0].platform', code: 'choice' }],
    ['a host with a scheme', broken(['deployments', 0, 'hosts'], ['https://meet.schule.de']), { path: 'deployments[0].hosts[0]', code: 'host' }],
    ['a host with a path', broken(['deployments', 0, 'hosts'], ['meet.schule.de/raum']), { path: 'deployments[0].hosts[0]', code: 'host' }],
    ['a bare wildcard host', broken(['deployments', 0, 'hosts'], ['*']), { path: 'deployments[0].hosts[0]', code: 'host' }],
    ['no deployments', broken(['deployments'], []), { path: 'deployments', code: 'empty' }],
    ['an unknown legal basis', broken(['legalBases', 0, 'basis'], 'gut-gemeint'), { path: 'legalBases[0].basis', code: 'choice' }],
    ['an unknown recording policy', broken(['recording', 'policy'], 'maybe'), { path: 'recording.policy', code: 'choice' }],
    ['a fact without source', broken(['purposes', 0, 'source'], undefined), { path: 'purposes[0].source', code: 'missing' }],
    ['a fact with an empty source list', broken(['purposes', 0, 'source'], []), { path: 'purposes[0].source', code: 'empty' }],
    ['text without German', broken(['purposes', 0, 'text'], { en: 'Teaching' }), { path: 'purposes[0].text.de', code: 'missing' }],
    ['text as a plain string', broken(['purposes', 0, 'text'], 'Unterricht'), { path: 'purposes[0].text', code: 'wrongType' }],
    ['control characters', broken(['institution', 'name'], 'Schule\u0007'), { path: 'institution.name', code: 'control' }],
    ['a negative version', broken(['version'], -3), { path: 'version', code: 'number' }],
    ['a fractional version', broken(['version'], 1.5), { path: 'version', code: 'number' }],
    ['a version as text', broken(['version'], '2'), { path: 'version', code: 'wrongType' }],
    ['an unknown format version', broken(['format'], 2), { path: 'format', code: 'choice' }],
    ['an id with capitals and spaces', broken(['id'], 'Meine Schule'), { path: 'id', code: 'id' }],
    ['a kind that does not exist', broken(['kind'], 'company'), { path: 'kind', code: 'choice' }],
    ['deep nesting where text belongs', broken(['institution', 'name'], JSON.parse('['.repeat(500) + ']'.repeat(500)) as unknown), { path: 'institution.name', code: 'wrongType' }],
  ];

  for (const [name, input, expected] of cases) {
    it(name, () => {
      const errors = errorsOf(input);
      expect(errors.length, 'must be refused').toBeGreaterThan(0);
      if (expected.code) expect(errors).toContainEqual(expect.objectContaining(expected));
    });
  }

  it('refuses input over the size limit before parsing it', () => {
    expect(errorsOf(' '.repeat(LIMITS.input + 1))).toEqual([{ path: '', code: 'tooLarge', detail: String(LIMITS.input) }]);
  });

  it('survives nesting deeper than the parser allows', () => {
    const deep = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
    expect(errorsOf(deep.slice(0, LIMITS.input)).length).toBeGreaterThan(0);
  });

  it('reports several errors at once, each with its path', () => {
    const profile = JSON.parse(json(sampleProfile())) as Record<string, unknown>;
    profile.id = 'X';
    (profile.dpo as Record<string, unknown>).email = 'kein-at';
    const paths = errorsOf(json(profile)).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['id', 'dpo.email']));
  });

  it('validates values that never were JSON text', () => {
    expect(validateProfile(undefined)).toEqual({ ok: false, errors: [{ path: '', code: 'notObject' }] });
    expect(validateProfile(new Date()).ok).toBe(false);
  });
});

describe('no prototype pollution', () => {
  it('a __proto__ key in the input changes no object', () => {
    parseProfile(json(sampleProfile()).replace('{', '{"__proto__": {"polluted": true},'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
