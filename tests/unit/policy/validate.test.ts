import { describe, expect, it } from 'vitest';
import { policyHostFor, readOrigin, readPolicy } from '../../../lib/policy';
import { sampleProfile } from '../profiles/sample';

const school = JSON.stringify(sampleProfile());
const other = JSON.stringify(sampleProfile({ id: 'realschule-musterstadt', institution: { name: 'Realschule Musterstadt' } }));
const good = {
  profile: school,
  hosts: [{ origin: 'https://meet.gymnasium-musterstadt.de', platform: 'jitsi' }],
  role: 'teacher',
  roleLocked: true,
  hideSchoolPicker: true,
};

describe('a valid policy', () => {
  it('applies every key', () => {
    const { policy, problems, keys } = readPolicy(good);
    expect(problems).toEqual([]);
    expect(keys).toEqual(['profile', 'hosts', 'role', 'roleLocked', 'hideSchoolPicker']);
    expect(policy.profiles.map((p) => p.id)).toEqual(['gymnasium-musterstadt']);
    expect(policy.hosts).toEqual([
      { origin: 'https://meet.gymnasium-musterstadt.de', host: 'meet.gymnasium-musterstadt.de', pattern: 'https://meet.gymnasium-musterstadt.de/*', platform: 'jitsi' },
    ]);
    expect(policy).toMatchObject({ role: 'teacher', roleLocked: true, hideSchoolPicker: true });
  });

  it('no policy at all (Chromium answers {}) sets nothing and has no problem', () => {
    expect(readPolicy({})).toEqual({ policy: { profiles: [], hosts: [], role: null, roleLocked: false, hideSchoolPicker: false }, problems: [], keys: [] });
    expect(readPolicy(null).keys).toEqual([]);
  });

  it('profile and profiles together, for a school authority with several schools', () => {
    const { policy, problems } = readPolicy({ profile: school, profiles: [other] });
    expect(problems).toEqual([]);
    expect(policy.profiles.map((p) => p.id)).toEqual(['gymnasium-musterstadt', 'realschule-musterstadt']);
  });

  it('origins are normalised: upper case, a trailing slash, an umlaut domain, a wildcard, a port, localhost over http', () => {
    const origins = ['HTTPS://Meet.Schule-Musterstadt.DE/', 'https://bbb.schüle.de', 'https://*.schule-musterstadt.de', 'https://bbb.schule-musterstadt.de:8443', 'http://localhost:8080'];
    const { policy, problems } = readPolicy({ hosts: origins.map((origin) => ({ origin })) });
    expect(problems).toEqual([]);
    expect(policy.hosts.map((h) => [h.origin, h.pattern])).toEqual([
      ['https://meet.schule-musterstadt.de', 'https://meet.schule-musterstadt.de/*'],
      ['https://bbb.xn--schle-mva.de', 'https://bbb.xn--schle-mva.de/*'],
      ['https://*.schule-musterstadt.de', 'https://*.schule-musterstadt.de/*'],
      ['https://bbb.schule-musterstadt.de:8443', 'https://bbb.schule-musterstadt.de/*'],
      ['http://localhost:8080', 'http://localhost/*'],
    ]);
    // The default port is the same origin as without it.
    expect(readPolicy({ hosts: [{ origin: 'https://meet.schule-musterstadt.de' }, { origin: 'https://meet.schule-musterstadt.de:443' }] }).problems).toEqual([
      { path: 'hosts[1].origin', code: 'duplicate' },
    ]);
  });

  it('finds the policy host of an address: the exact host first, then a wildcard, never another scheme', () => {
    const { policy } = readPolicy({ hosts: [{ origin: 'https://*.schule.de', platform: 'bbb' }, { origin: 'https://meet.schule.de', platform: 'jitsi' }] });
    expect(policyHostFor(policy.hosts, new URL('https://meet.schule.de/raum'))?.platform).toBe('jitsi');
    expect(policyHostFor(policy.hosts, new URL('https://bbb.schule.de/html5client'))?.platform).toBe('bbb');
    expect(policyHostFor(policy.hosts, new URL('https://schule.de/'))).toBeUndefined();
    expect(policyHostFor(policy.hosts, new URL('http://meet.schule.de/'))).toBeUndefined();
  });
});

/** Each bad value with the path and code it must be refused with. */
const BAD: [string, Record<string, unknown>, string, string][] = [
  // profile
  ['profile: malformed JSON', { profile: '{ "format": 1, kaputt' }, 'profile', 'notJson'],
  ['profile: not text but an object', { profile: sampleProfile() }, 'profile', 'wrongType'],
  ['profile: a number', { profile: 42 }, 'profile', 'wrongType'],
  ['profile: JSON that is a list', { profile: '[1, 2]' }, 'profile', 'notObject'],
  ['profile: a field missing inside', { profile: JSON.stringify({ ...sampleProfile(), institution: {} }) }, 'profile › institution.name', 'missing'],
  ['profile: a public-suffix wildcard host inside', { profile: JSON.stringify(sampleProfile({ deployments: [{ platform: 'jitsi', hosts: ['*.de'] }] })) }, 'profile › deployments[0].hosts[0]', 'publicSuffix'],
  ['profile: larger than an import may be', { profile: ' '.repeat(200_001) }, 'profile', 'tooLarge'],
  // profiles
  ['profiles: text instead of a list', { profiles: school }, 'profiles', 'wrongType'],
  ['profiles: a list item that is no text', { profiles: [school, 7] }, 'profiles[1]', 'wrongType'],
  ['profiles: an item with broken JSON', { profiles: ['{'] }, 'profiles[0]', 'notJson'],
  ['profiles: the same id twice', { profile: school, profiles: [school] }, 'profiles[0] › id', 'duplicateProfile'],
  ['profiles: more than 40', { profiles: Array.from({ length: 41 }, () => '{}') }, 'profiles', 'tooMany'],
  // hosts
  ['hosts: an object instead of a list', { hosts: { origin: 'https://meet.schule.de' } }, 'hosts', 'wrongType'],
  ['hosts: a plain string entry', { hosts: ['https://meet.schule.de'] }, 'hosts[0]', 'wrongType'],
  ['hosts: no origin', { hosts: [{ platform: 'jitsi' }] }, 'hosts[0].origin', 'missing'],
  ['hosts: origin as a number', { hosts: [{ origin: 443 }] }, 'hosts[0].origin', 'wrongType'],
  ['hosts: an empty origin', { hosts: [{ origin: '  ' }] }, 'hosts[0].origin', 'empty'],
  ['hosts: *', { hosts: [{ origin: '*' }] }, 'hosts[0].origin', 'allHosts'],
  ['hosts: <all_urls>', { hosts: [{ origin: '<all_urls>' }] }, 'hosts[0].origin', 'allHosts'],
  ['hosts: *://*/*', { hosts: [{ origin: '*://*/*' }] }, 'hosts[0].origin', 'allHosts'],
  ['hosts: https://*/', { hosts: [{ origin: 'https://*/' }] }, 'hosts[0].origin', 'allHosts'],
  ['hosts: *.de', { hosts: [{ origin: 'https://*.de' }] }, 'hosts[0].origin', 'publicSuffix'],
  ['hosts: *.co.uk', { hosts: [{ origin: 'https://*.co.uk' }] }, 'hosts[0].origin', 'publicSuffix'],
  ['hosts: *.github.io', { hosts: [{ origin: 'https://*.github.io' }] }, 'hosts[0].origin', 'publicSuffix'],
  ['hosts: a public suffix itself', { hosts: [{ origin: 'https://github.io' }] }, 'hosts[0].origin', 'publicSuffix'],
  ['hosts: http outside localhost', { hosts: [{ origin: 'http://meet.schule.de' }] }, 'hosts[0].origin', 'scheme'],
  ['hosts: ftp', { hosts: [{ origin: 'ftp://dateien.schule.de' }] }, 'hosts[0].origin', 'scheme'],
  ['hosts: a host without scheme', { hosts: [{ origin: 'meet.schule.de' }] }, 'hosts[0].origin', 'origin'],
  ['hosts: a path', { hosts: [{ origin: 'https://meet.schule.de/raum/7b' }] }, 'hosts[0].origin', 'path'],
  ['hosts: a match pattern path', { hosts: [{ origin: 'https://meet.schule.de/*' }] }, 'hosts[0].origin', 'path'],
  ['hosts: a query', { hosts: [{ origin: 'https://meet.schule.de?x=1' }] }, 'hosts[0].origin', 'path'],
  ['hosts: a fragment', { hosts: [{ origin: 'https://meet.schule.de#raum' }] }, 'hosts[0].origin', 'path'],
  ['hosts: credentials', { hosts: [{ origin: 'https://admin:geheim@meet.schule.de' }] }, 'hosts[0].origin', 'credentials'],
  ['hosts: a port on a wildcard', { hosts: [{ origin: 'https://*.schule.de:8443' }] }, 'hosts[0].origin', 'port'],
  ['hosts: port 0', { hosts: [{ origin: 'https://meet.schule.de:0' }] }, 'hosts[0].origin', 'port'],
  ['hosts: port 70000', { hosts: [{ origin: 'https://meet.schule.de:70000' }] }, 'hosts[0].origin', 'port'],
  ['hosts: an empty port', { hosts: [{ origin: 'https://meet.schule.de:' }] }, 'hosts[0].origin', 'port'],
  ['hosts: a wildcard inside the name', { hosts: [{ origin: 'https://meet.*.de' }] }, 'hosts[0].origin', 'host'],
  ['hosts: a host name over 253 characters', { hosts: [{ origin: `https://${'a'.repeat(62)}.${'b'.repeat(62)}.${'c'.repeat(62)}.${'d'.repeat(62)}.schule.de` }] }, 'hosts[0].origin', 'hostTooLong'],
  ['hosts: a 190,000-character origin', { hosts: [{ origin: `https://${'a'.repeat(190_000)}.de` }] }, 'hosts[0].origin', 'hostTooLong'],
  ['hosts: a label over 63 characters', { hosts: [{ origin: `https://${'a'.repeat(64)}.schule.de` }] }, 'hosts[0].origin', 'labelTooLong'],
  ['hosts: a host without a dot', { hosts: [{ origin: 'https://konferenz' }] }, 'hosts[0].origin', 'host'],
  ['hosts: an IP address', { hosts: [{ origin: 'https://10.0.0.5' }] }, 'hosts[0].origin', 'host'],
  ['hosts: an unknown platform', { hosts: [{ origin: 'https://meet.schule.de', platform: 'zoom' }] }, 'hosts[0].platform', 'choice'],
  ['hosts: a platform that is no text', { hosts: [{ origin: 'https://meet.schule.de', platform: true }] }, 'hosts[0].platform', 'choice'],
  ['hosts: an unknown field', { hosts: [{ origin: 'https://meet.schule.de', port: 443 }] }, 'hosts[0].port', 'unknownField'],
  ['hosts: more than 100', { hosts: Array.from({ length: 101 }, (_, i) => ({ origin: `https://m${i}.schule.de` })) }, 'hosts', 'tooMany'],
  // role and switches
  ['role: unknown', { role: 'hausmeister' }, 'role', 'choice'],
  ['role: upper case', { role: 'Teacher' }, 'role', 'choice'],
  ['role: a list', { role: ['teacher'] }, 'role', 'wrongType'],
  ['roleLocked: text', { role: 'student', roleLocked: 'yes' }, 'roleLocked', 'wrongType'],
  ['roleLocked: 1', { role: 'student', roleLocked: 1 }, 'roleLocked', 'wrongType'],
  ['roleLocked without a role', { roleLocked: true }, 'roleLocked', 'lockWithoutRole'],
  ['roleLocked with an invalid role', { role: 'admin', roleLocked: true }, 'roleLocked', 'lockWithoutRole'],
  ['hideSchoolPicker: text', { hideSchoolPicker: 'true' }, 'hideSchoolPicker', 'wrongType'],
  // keys
  ['an unknown key', { Profile: school }, 'Profile', 'unknownKey'],
  ['a misspelt key', { host: [] }, 'host', 'unknownKey'],
];

describe('every bad value is refused with its path', () => {
  it(`has at least 25 cases (${BAD.length})`, () => expect(BAD.length).toBeGreaterThanOrEqual(25));
  for (const [name, raw, path, code] of BAD) {
    it(name, () => {
      const { problems } = readPolicy(raw);
      expect(problems).toContainEqual(expect.objectContaining({ path, code }));
    });
  }
});

describe('one bad key never disables the good ones', () => {
  it('each bad value leaves the rest of a good policy in force', () => {
    for (const [name, raw] of BAD) {
      const { policy } = readPolicy({ ...good, ...raw });
      const keys = Object.keys(raw);
      if (!keys.includes('profile') && !keys.includes('profiles')) expect(policy.profiles.length, name).toBeGreaterThan(0);
      if (!keys.includes('hosts')) expect(policy.hosts, name).toHaveLength(1);
      if (!keys.includes('role') && !keys.includes('roleLocked')) expect(policy.role, name).toBe('teacher');
      if (!keys.includes('hideSchoolPicker')) expect(policy.hideSchoolPicker, name).toBe(true);
    }
  });

  it('a bad host entry drops that entry only', () => {
    const { policy, problems } = readPolicy({ hosts: [{ origin: '*' }, { origin: 'https://meet.schule.de' }, { origin: 'http://bbb.schule.de' }, { origin: 'https://bbb.schule.de', platform: 'bbb' }] });
    expect(policy.hosts.map((h) => h.origin)).toEqual(['https://meet.schule.de', 'https://bbb.schule.de']);
    expect(problems.map((p) => p.path)).toEqual(['hosts[0].origin', 'hosts[2].origin']);
  });

  it('a broken profile among several drops that profile only', () => {
    const { policy, problems } = readPolicy({ profiles: [school, '{ kaputt', other] });
    expect(policy.profiles.map((p) => p.id)).toEqual(['gymnasium-musterstadt', 'realschule-musterstadt']);
    expect(problems).toEqual([{ path: 'profiles[1]', code: 'notJson', detail: '1:3' }]);
  });

  it('a lock without a valid role locks nothing', () => {
    expect(readPolicy({ role: 'admin', roleLocked: true }).policy).toMatchObject({ role: null, roleLocked: false });
  });
});

describe('origins', () => {
  it('readOrigin names the host as people read it', () => {
    expect(readOrigin('https://bbb.schule.de:8443')).toEqual({ ok: true, host: { origin: 'https://bbb.schule.de:8443', host: 'bbb.schule.de:8443', pattern: 'https://bbb.schule.de/*' } });
  });
});
