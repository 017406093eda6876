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

  it("the user's chosen school beats host and generic where it runs that platform", () => {
    expect(resolveProfile(at('https://x.videoconference.iserv.eu/html5client/'), 'iserv', { profiles, chosenId: 'hallermund' })).toMatchObject({
      profile: { id: 'hallermund' },
      reason: 'chosen',
    });
    expect(resolveProfile(at('https://lernraum.lindgrenschule.de/'), 'nextcloud-bbb', { profiles, chosenId: 'lindgren' })?.reason).toBe('chosen');
  });

  it("the chosen school does not speak for another platform's meeting", () => {
    expect(resolveProfile(at('https://meet.jit.si/r'), 'jitsi', { profiles, chosenId: 'hallermund' })?.profile.id).toBe('generic-jitsi');
  });

  it('the admin policy beats everything it covers', () => {
    const policy = school('policy', [{ platform: 'jitsi' }, { platform: 'nextcloud-bbb' }]);
    expect(resolveProfile(at('https://lernraum.lindgrenschule.de/'), 'nextcloud-bbb', { profiles, policy, chosenId: 'lindgren' })).toMatchObject({
      profile: { id: 'policy' },
      reason: 'policy',
    });
    expect(resolveProfile(at('https://x.videoconference.iserv.eu/'), 'iserv', { profiles, policy, chosenId: 'hallermund' })?.reason).toBe('chosen');
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
