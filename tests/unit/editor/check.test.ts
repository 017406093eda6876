import { describe, expect, it } from 'vitest';
import { checkDraft, errorsByPath, previewProfile } from '../../../lib/editor/check';
import { emptyDraft } from '../../../lib/editor/draft';
import { setAt, type JsonObject } from '../../../lib/editor/path';
import { chromePolicy, firefoxPolicy, GECKO_ID, policyValues } from '../../../lib/editor/policy';
import { BUNDLED_PROFILES } from '../../../lib/profiles/bundled';
import { findProfile, keyedProfiles } from '../../../lib/profiles/key';
import { parseProfile } from '../../../lib/profiles/validate';
import { sampleProfile } from '../profiles/sample';

const asDraft = (value: unknown) => JSON.parse(JSON.stringify(value)) as JsonObject;

describe('checking a draft', () => {
  it('an empty draft: every Art. 13 item missing, and the required fields named', () => {
    const check = checkDraft(emptyDraft());
    expect(check.art13.map((a) => a.status)).toEqual(Array(10).fill('missing'));
    expect(check.errors.map((e) => `${e.path} ${e.code}`)).toEqual(['id missing', 'institution.name missing', 'deployments[0].platform missing']);
    expect(check.profile).toBeNull();
  });

  it('a complete draft passes and gives every item', () => {
    const check = checkDraft(asDraft(sampleProfile()));
    expect(check.errors).toEqual([]);
    expect(check.profile).toEqual(sampleProfile());
    expect(check.art13.every((a) => a.status === 'present')).toBe(true);
  });

  it('an item given with an error is marked, with the field to go to', () => {
    const draft = setAt(asDraft(sampleProfile()), ['dpo', 'email'], 'keine-adresse') as JsonObject;
    const check = checkDraft(draft);
    expect(check.art13.find((a) => a.item === 'dpo')).toEqual({ item: 'dpo', status: 'invalid', field: 'dpo' });
    expect(errorsByPath(check.errors).get('dpo.email')?.[0]?.code).toBe('email');
    expect(check.art13.filter((a) => a.status !== 'present').map((a) => a.item)).toEqual(['dpo']);
  });

  it('recipients point at processors when only those are given; withdrawal is not needed without consent', () => {
    const { access: _, ...rest } = sampleProfile({
      processors: [{ name: 'Hoster', text: { de: 'Betrieb' }, source: [{ document: 'D' }] }],
      legalBases: [{ basis: 'public-task', text: { de: 'Schulgesetz' }, source: [{ document: 'D' }] }],
      withdrawConsent: undefined,
    });
    const check = checkDraft(asDraft(rest));
    expect(check.art13.find((a) => a.item === 'recipients')).toMatchObject({ status: 'present', field: 'processors' });
    expect(check.art13.find((a) => a.item === 'withdrawConsent')?.status).toBe('not-applicable');
  });
});

describe('preview of a draft', () => {
  it('an empty draft previews with nothing filled in', () => {
    const { profile } = previewProfile(emptyDraft(), '(Name fehlt)');
    expect(profile.institution).toEqual({ name: '(Name fehlt)' });
    expect(profile.controller).toBeUndefined();
    expect(profile.retention).toBeUndefined();
  });

  it('leaves out exactly the parts with errors', () => {
    let draft = asDraft(sampleProfile());
    draft = setAt(draft, ['dpo', 'email'], 'keine-adresse') as JsonObject;
    draft = setAt(draft, ['purposes', 1], { text: { de: '' }, source: [{ document: 'D' }] }) as JsonObject;
    draft = setAt(draft, ['controller', 'name'], '') as JsonObject;
    const { profile, omitted } = previewProfile(draft, '?');
    expect(profile.dpo).toEqual({ ...sampleProfile().dpo, email: undefined });
    expect(profile.dpo && 'email' in profile.dpo).toBe(false);
    expect(profile.purposes).toEqual(sampleProfile().purposes);
    expect(profile.controller).toBeUndefined();
    expect(omitted.sort()).toEqual(['controller', 'dpo.email', 'purposes[1]']);
    expect(profile.institution.name).toBe('Gymnasium Musterstadt');
  });

  it('stands in only for what readers never see', () => {
    const draft = setAt(setAt(asDraft(sampleProfile()), ['id'], 'Falsch!'), ['deployments'], []) as JsonObject;
    const { profile } = previewProfile(draft, '?');
    expect(profile.controller?.name).toBe('Gymnasium Musterstadt');
    expect(profile.institution.name).toBe('Gymnasium Musterstadt');
  });
});

describe('policy snippet', () => {
  const profile = sampleProfile({
    deployments: [
      { platform: 'jitsi', hosts: ['meet.gymnasium-musterstadt.de', '*.gymnasium-musterstadt.de'] },
      { platform: 'bbb', hosts: ['bbb.gymnasium-musterstadt.de', 'meet.gymnasium-musterstadt.de'] },
    ],
  });

  it('carries the profile as JSON text and its named hosts as origins', () => {
    const values = policyValues(profile);
    expect(parseProfile(values.profile)).toEqual({ ok: true, profile });
    expect(values.hosts).toEqual([
      { origin: 'https://meet.gymnasium-musterstadt.de', platform: 'jitsi' },
      { origin: 'https://bbb.gymnasium-musterstadt.de', platform: 'bbb' },
    ]);
    expect(policyValues(sampleProfile({ deployments: [{ platform: 'iserv' }] })).hosts).toBeUndefined();
  });

  it('Chrome: 3rdparty -> extensions -> id; Firefox: policies -> 3rdparty -> Extensions -> gecko id', () => {
    const chrome = JSON.parse(chromePolicy('abcdefghijklmnopabcdefghijklmnop', profile));
    expect(JSON.parse(chrome['3rdparty'].extensions.abcdefghijklmnopabcdefghijklmnop.profile).id).toBe('gymnasium-musterstadt');
    const firefox = JSON.parse(firefoxPolicy(profile));
    expect(JSON.parse(firefox.policies['3rdparty'].Extensions[GECKO_ID].profile).id).toBe('gymnasium-musterstadt');
    expect(firefox.policies['3rdparty'].Extensions[GECKO_ID].hosts).toHaveLength(2);
  });
});

describe('profile keys', () => {
  const imported = sampleProfile({ id: 'gs-hallermund-springe', version: 9 });
  const sources = { bundled: BUNDLED_PROFILES, imported: [imported], policy: [sampleProfile({ id: 'gs-hallermund-springe', version: 5 })] };

  it('a key names one profile by where it comes from', () => {
    expect(findProfile(sources, 'bundled:gs-hallermund-springe')?.profile.version).toBe(2);
    expect(findProfile(sources, 'imported:gs-hallermund-springe')?.profile.version).toBe(9);
    expect(findProfile(sources, 'policy:gs-hallermund-springe')?.profile.version).toBe(5);
    expect(findProfile(sources, 'imported:nope')).toBeNull();
    expect(findProfile(sources, null)).toBeNull();
  });

  it('a bare id finds the imported profile before the bundled one it replaces', () => {
    expect(findProfile(sources, 'gs-hallermund-springe')?.key).toBe('imported:gs-hallermund-springe');
    expect(findProfile(sources, 'generic-jitsi')?.key).toBe('bundled:generic-jitsi');
    expect(keyedProfiles(sources)[0]?.key).toBe('policy:gs-hallermund-springe');
  });
});
