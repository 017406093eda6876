import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Letter } from '../../../components/Letter';
import { checkArt13 } from '../../../lib/profiles/art13';
import { BUNDLED_PROFILES } from '../../../lib/profiles/bundled';
import type { Profile } from '../../../lib/profiles/schema';
import { translator } from '../messages';
import { sampleProfile } from '../profiles/sample';

const container = document.createElement('div');
document.body.append(container);
afterEach(() => render(null, container));

function letter(profile: Profile, lang: 'de' | 'en' = 'de') {
  render(<Letter t={translator(lang)} lang={lang} profile={profile} />, container);
  return container.querySelector<HTMLElement>('[data-testid="letter"]')!;
}

const DU = /\b(du|dich|dir|dein|deine|deinem|deinen|deiner|deines)\b/i;

describe("the parents' letter", () => {
  for (const profile of BUNDLED_PROFILES) {
    it(`${profile.id}: every Art. 13 gap is printed as "nicht angegeben", nothing is filled in`, () => {
      const element = letter(profile);
      const gaps = new Set([...element.querySelectorAll('[data-gap]')].map((g) => g.getAttribute('data-gap')));
      const missing = checkArt13(profile).filter((r) => r.status === 'missing').map((r) => r.item);
      for (const item of missing) expect(gaps, item).toContain(item);
      for (const gap of element.querySelectorAll('[data-gap]')) expect(gap.textContent).toBe('nicht angegeben');
      expect(element.textContent).not.toMatch(DU);
      expect(element.textContent).not.toContain('seeds/');
    });

    it(`${profile.id}: every retention entry has its line, and a consent form only where consent is a legal basis`, () => {
      const element = letter(profile);
      const lines = [...element.querySelectorAll('[data-testid="letter-retention"]')].map((l) => l.textContent ?? '');
      expect(lines).toHaveLength(profile.retention?.length ?? 0);
      profile.retention?.forEach((entry, i) => expect(lines[i]).toContain(entry.text.de));
      const consent = profile.legalBases?.some((b) => b.basis === 'consent') ?? false;
      expect(element.querySelectorAll('[data-testid="letter-consent"]').length).toBe(consent ? 1 : 0);
    });
  }

  it('sets out the Art. 13 items in the order of the article', () => {
    const parts = [...letter(sampleProfile()).querySelectorAll('[data-part]')].map((p) => p.getAttribute('data-part'));
    expect(parts).toEqual(['controller', 'dpo', 'purposes', 'legalBasis', 'data', 'recipients', 'thirdCountry', 'retention', 'rights', 'withdrawConsent', 'complaint', 'rules']);
  });

  it('the consent form covers the processing, says it is voluntary and revocable for the future, and has lines to sign', () => {
    const consent = letter(sampleProfile()).querySelector('[data-testid="letter-consent"]')!;
    const text = consent.textContent ?? '';
    expect(text).toContain('Unterricht per Video.');
    expect(text).toContain('Bild und Ton');
    expect(text).toContain('Die Einwilligung ist freiwillig.');
    expect(text).toContain('jederzeit ohne Angabe von Gründen mit Wirkung für die Zukunft widerrufen');
    expect(text).toContain('So widerrufen Sie: Jederzeit.');
    for (const line of ['Vor- und Nachname des Kindes', 'Klasse', 'Ort, Datum', 'Unterschrift der Erziehungsberechtigten']) expect(text).toContain(line);
  });

  it('withdrawal is "not applicable" where the bases exclude consent, and missing where none is named', () => {
    const noConsent = sampleProfile({ legalBases: [{ basis: 'public-task', text: { de: 'Schulgesetz' }, source: [{ document: 'D' }] }], withdrawConsent: undefined });
    expect(letter(noConsent).querySelector('[data-part="withdrawConsent"]')?.textContent).toContain('Entfällt');
    const noBasis = sampleProfile({ legalBases: undefined, withdrawConsent: undefined });
    expect(letter(noBasis).querySelector('[data-part="withdrawConsent"] [data-gap]')).not.toBeNull();
  });

  it('reads in English where the browser is English', () => {
    const element = letter(sampleProfile({ purposes: [{ text: { de: 'Unterricht', en: 'Lessons' }, source: [{ document: 'D' }] }] }), 'en');
    expect(element.textContent).toContain('Information for parents');
    expect(element.textContent).toContain('Lessons');
  });
});
