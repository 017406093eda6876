import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSourceId, SOURCE_DOCUMENTS, type SourceDocument } from '../../../lib/profiles/register';
import { validateProfile } from '../../../lib/profiles/validate';

const DIR = join(import.meta.dirname, '..', '..', '..', 'lib', 'profiles', 'bundled');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));

describe('bundled profiles', () => {
  it('are the four institutions of the seeds and one generic profile per platform', () => {
    expect(files.sort()).toEqual([
      'generic-bbb.json',
      'generic-iserv.json',
      'generic-jitsi.json',
      'gs-hallermund-springe.json',
      'hannover-bildungsbuero.json',
      'kmz-zollernalbkreis.json',
      'lindgren-grundschule-berlin.json',
    ]);
  });

  for (const file of files) {
    describe(file, () => {
      const raw = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Record<string, unknown>;

      it('passes the schema', () => {
        const result = validateProfile(raw);
        expect(result.ok ? [] : result.errors).toEqual([]);
      });

      it('is named after its id', () => {
        expect(`${String(raw.id)}.json`).toBe(file);
      });

      it('every source is a document of the register, cited by a section the register lists', () => {
        const sources: { document: string; section?: string }[] = [];
        JSON.stringify(raw, (key, value: unknown) => {
          if (key === 'source' && Array.isArray(value)) sources.push(...(value as typeof sources));
          return value;
        });
        expect(sources.length).toBeGreaterThan(0);
        for (const { document, section } of sources) {
          expect(isSourceId(document), document).toBe(true);
          const doc: SourceDocument = SOURCE_DOCUMENTS[document as keyof typeof SOURCE_DOCUMENTS];
          if (section) expect(doc.sections, `${document}: ${section}`).toContain(section);
        }
      });

      it('an institution cites its own notices only, for every fact and for the institution block', () => {
        if (raw.kind !== 'institution') return;
        const institution = raw.institution as { source?: { document: string }[] };
        expect(institution.source?.length, 'institution.source').toBeGreaterThan(0);
        const documents = new Set<string>();
        JSON.stringify(raw, (key, value: unknown) => {
          if (key === 'source' && Array.isArray(value)) for (const s of value as { document: string }[]) documents.add(s.document);
          return value;
        });
        const issuers = new Set([...documents].map((d) => SOURCE_DOCUMENTS[d as keyof typeof SOURCE_DOCUMENTS].issuer));
        expect(issuers.size, [...documents].join(', ')).toBe(1);
      });
    });
  }
});

describe('the register of source documents', () => {
  it('every notice has a title, an issuer and sections, and is cited by a bundled profile', () => {
    const cited = new Set<string>();
    for (const file of files) {
      JSON.stringify(JSON.parse(readFileSync(join(DIR, file), 'utf8')), (key, value: unknown) => {
        if (key === 'source' && Array.isArray(value)) for (const s of value as { document: string }[]) cited.add(s.document);
        return value;
      });
    }
    for (const [id, doc] of Object.entries(SOURCE_DOCUMENTS) as [string, SourceDocument][]) {
      expect(doc.title.length, id).toBeGreaterThan(3);
      expect(doc.issuer.length, id).toBeGreaterThan(3);
      if (doc.kind === 'law' || doc.kind === 'upstream') expect(doc.url, id).toMatch(/^https:\/\//);
      if (doc.kind === 'notice' || doc.kind === 'consent-form') {
        expect(doc.sections.length, id).toBeGreaterThan(0);
        expect(cited, id).toContain(id);
      }
    }
  });

  it('links only to the official law texts', () => {
    for (const doc of Object.values(SOURCE_DOCUMENTS) as SourceDocument[]) {
      if (doc.kind === 'law') expect(new URL(doc.url!).hostname).toMatch(/^(www\.gesetze-im-internet\.de|eur-lex\.europa\.eu)$/);
    }
  });
});
