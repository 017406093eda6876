import type { Profile } from '../../../lib/profiles/schema';

const src = [{ document: 'Datenschutzhinweise Videokonferenz', section: '1' }];
const text = (de: string) => ({ de, en: de });

/** A complete, valid profile to break in tests. */
export function sampleProfile(overrides: Partial<Profile> = {}): Profile {
  return {
    format: 1,
    id: 'gymnasium-musterstadt',
    version: 2,
    kind: 'institution',
    language: 'de',
    institution: { name: 'Gymnasium Musterstadt', town: 'Musterstadt' },
    deployments: [{ platform: 'jitsi', hosts: ['meet.gymnasium-musterstadt.de'] }],
    controller: { name: 'Gymnasium Musterstadt', email: 'sekretariat@gymnasium-musterstadt.de', source: src },
    dpo: { name: 'Datenschutzbeauftragte', email: 'datenschutz@gymnasium-musterstadt.de', source: src },
    purposes: [{ text: text('Unterricht per Video.'), source: src }],
    legalBases: [{ basis: 'consent', text: text('Mit Einwilligung.'), source: src }],
    dataCategories: [{ category: 'conference-content', text: text('Bild und Ton.'), source: src }],
    access: [{ text: text('Alle im Raum.'), source: src }],
    thirdCountryTransfer: { text: text('Keine.'), source: src },
    retention: [{ category: 'chat', text: text('Bis zum Ende.'), source: src }],
    recording: { policy: 'forbidden', text: text('Verboten.'), source: src },
    rights: { text: text('Auskunft und mehr.'), source: src },
    withdrawConsent: { text: text('Jederzeit.'), source: src },
    complaint: { authority: 'Landesbeauftragte', text: text('Beschwerde möglich.'), source: src },
    ...overrides,
  };
}
