import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { profileJsonSchema } from '../../../lib/profiles/json-schema';
import { searchSchools } from '../../../lib/profiles/search';
import { sampleProfile } from './sample';

describe('docs/profile.schema.json', () => {
  it('is generated from the schema and up to date (npm run schema)', () => {
    const file = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'profile.schema.json'), 'utf8');
    expect(file).toBe(profileJsonSchema());
  });
});

describe('school search', () => {
  const schools = [
    sampleProfile({ id: 'a', institution: { name: 'Astrid-Lindgren-Grundschule', town: 'Berlin' } }),
    sampleProfile({ id: 'b', institution: { name: 'GS Hallermund', town: 'Springe' } }),
    sampleProfile({ id: 'c', kind: 'generic', institution: { name: 'Jitsi Meet (allgemein)' } }),
    sampleProfile({ id: 'd', institution: { name: 'Grundschule Göttingen-Süd', town: 'Göttingen' } }),
  ];

  it('finds by name or town, any case, without accents', () => {
    expect(searchSchools(schools, 'berlin').map((p) => p.id)).toEqual(['a']);
    expect(searchSchools(schools, 'HALLER').map((p) => p.id)).toEqual(['b']);
    expect(searchSchools(schools, 'gottingen sud').map((p) => p.id)).toEqual(['d']);
  });

  it('lists only institutions, in name order', () => {
    expect(searchSchools(schools, '').map((p) => p.id)).toEqual(['a', 'd', 'b']);
  });
});
