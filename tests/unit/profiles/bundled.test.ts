import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateProfile } from '../../../lib/profiles/validate';

const DIR = join(import.meta.dirname, '..', '..', '..', 'lib', 'profiles', 'bundled');
const SEEDS = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'seeds');
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

      it('every source names a seed file that exists (institutions) or the software (generic)', () => {
        const documents = new Set<string>();
        JSON.stringify(raw, (key, value: unknown) => {
          if (key === 'source' && Array.isArray(value)) for (const s of value as { document: string }[]) documents.add(s.document);
          return value;
        });
        expect(documents.size).toBeGreaterThan(0);
        for (const document of documents) {
          if (raw.kind === 'institution') expect(readdirSync(SEEDS), document).toContain(document.replace(/^seeds\//, ''));
        }
      });
    });
  }
});
