import { describe, expect, it } from 'vitest';
import { hostMatches, mergeProfiles, profileMatches, resolveProfile } from '../../../lib/profiles/match';
import type { Profile } from '../../../lib/profiles/schema';
import { sampleProfile } from './sample';

const school = (id: string, deployments: Profile['deployments']) =>
  sampleProfile({ id, institution: { name: id }, deployments });
const generic = (id: string, platforms: Profile['deployments'][number]['platform'][]) =>
  sampleProfile({ id, kind: 'generic', institution: { name: id }, deployments: platforms.map((platform) => ({ platform })) });

const lindgren = school('lindgren', [{ platform: 'nextcloud-bbb', hosts: ['lernraum.lindgrenschule.de'] }, { platform: 'bbb' }]);
const hallermund = school('hallermund', [{ platform: 'iserv' }]);
const wildcard = school('landkreis', [{ platform: 'jitsi', hosts: ['*.landkreis.de'] }]);
const genericJitsi = generic('generic-jitsi', ['jitsi']);
const genericBbb = generic('generic-bbb', ['bbb', 'greenlight', 'nextcloud-bbb', 'moodle-bbb']);
const profiles = [lindgren, hallermund, wildcard, genericJitsi, genericBbb];

const at = (href: string) => new URL(href);

describe('which profile applies', () => {
  it('a bundled profile that names the host', () => {
    expect(resolveProfile(at('https://lernraum.lindgrenschule.de/apps/bbb/b/x'), 'nextcloud-bbb', { profiles })).toMatchObject({
      profile: { id: 'lindgren' },
      reason: 'host',
    });
  });

  it('wildcard hosts cover subdomains', () => {
    expect(resolveProfile(at('https://meet.landkreis.de/r'), 'jitsi', { profiles })?.profile.id).toBe('landkreis');
    expect(hostMatches('*.landkreis.de', 'landkreis.de')).toBe(false);
    expect(hostMatches('*.landkreis.de', 'evil-landkreis.de')).toBe(false);
  });

  it('else the generic profile of the platform', () => {
    expect(resolveProfile(at('https://meet.jit.si/r'), 'jitsi', { profiles })).toMatchObject({ profile: { id: 'generic-jitsi' }, reason: 'generic' });
    expect(resolveProfile(at('https://gl.schule.de/rooms/x'), 'greenlight', { profiles })?.profile.id).toBe('generic-bbb');
  });

  it('the chosen school applies where it names the host', () => {
    expect(resolveProfile(at('https://lernraum.lindgrenschule.de/'), 'nextcloud-bbb', { profiles, chosenId: 'lindgren' })?.reason).toBe('chosen');
  });

  it('a chosen school never applies on a host outside its scope: the generic profile does, and says whose facts are missing', () => {
    const hannover = school('hannover', [{ platform: 'jitsi' }]);
    const all = [...profiles, hannover];
    for (const [href, platform, chosenId, generic] of [
      ['https://meet.jit.si/r', 'jitsi', 'hannover', 'generic-jitsi'],
      ['https://bbb.irgendwo.de/html5client/', 'bbb', 'lindgren', 'generic-bbb'],
      ['https://x.videoconference.iserv.eu/html5client/', 'iserv', 'hallermund', undefined],
      ['https://meet.jit.si/r', 'jitsi', 'hallermund', 'generic-jitsi'],
    ] as const) {
      const match = resolveProfile(at(href), platform, { profiles: all, chosenId });
      expect(match?.profile.id, href).toBe(generic);
      if (match) expect(match, href).toMatchObject({ reason: 'generic', chosenElsewhere: { id: chosenId } });
    }
  });

  it('an origin the user confirmed for a school gets that school, on that origin only', () => {
    const confirmed = { 'https://x.videoconference.iserv.eu': 'hallermund' };
    const iserv = generic('generic-iserv', ['iserv']);
    const all = [...profiles, iserv];
    expect(resolveProfile(at('https://x.videoconference.iserv.eu/html5client/'), 'iserv', { profiles: all, confirmed })).toMatchObject({
      profile: { id: 'hallermund' },
      reason: 'confirmed',
    });
    expect(resolveProfile(at('https://y.videoconference.iserv.eu/html5client/'), 'iserv', { profiles: all, confirmed })?.profile.id).toBe('generic-iserv');
    // Not for a platform the school does not run, and not for a profile that is gone.
    expect(resolveProfile(at('https://x.videoconference.iserv.eu/r'), 'jitsi', { profiles: all, confirmed })?.profile.id).toBe('generic-jitsi');
    expect(resolveProfile(at('https://meet.jit.si/r'), 'jitsi', { profiles: all, confirmed: { 'https://meet.jit.si': 'gone' } })?.reason).toBe('generic');
  });

  it('the admin policy beats everything it covers', () => {
    const policy = [school('policy', [{ platform: 'jitsi' }, { platform: 'nextcloud-bbb' }])];
    expect(resolveProfile(at('https://lernraum.lindgrenschule.de/'), 'nextcloud-bbb', { profiles, policy, chosenId: 'lindgren' })).toMatchObject({
      profile: { id: 'policy' },
      reason: 'policy',
    });
    expect(resolveProfile(at('https://lernraum.lindgrenschule.de/'), 'bbb', { profiles, policy, chosenId: 'lindgren' })?.reason).toBe('chosen');
  });

  it('nothing when no profile covers the platform', () => {
    expect(resolveProfile(at('https://x.videoconference.iserv.eu/'), 'iserv', { profiles: [genericJitsi] })).toBeNull();
  });

  it('an unknown chosen id is ignored', () => {
    expect(resolveProfile(at('https://meet.jit.si/r'), 'jitsi', { profiles, chosenId: 'gone' })?.reason).toBe('generic');
  });
});

describe('imported and bundled profiles', () => {
  it('an imported profile replaces the bundled one of the same id', () => {
    const newer = { ...lindgren, version: 9 };
    const merged = mergeProfiles(profiles, [newer]);
    expect(merged.filter((p) => p.id === 'lindgren')).toEqual([newer]);
    expect(merged).toHaveLength(profiles.length);
  });

  it('hosts named by profiles become match patterns', () => {
    expect(profileMatches(profiles)).toEqual(['https://lernraum.lindgrenschule.de/*', 'https://*.landkreis.de/*']);
  });
});
