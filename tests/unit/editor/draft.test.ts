import { describe, expect, it } from 'vitest';
import {
  addItem,
  copyId,
  editCopy,
  emptyDraft,
  isDirty,
  latestWins,
  markSaved,
  moveItem,
  newEntry,
  parseDraftRecord,
  removeItem,
  serialiseDraftRecord,
  startRecord,
  templateCopy,
} from '../../../lib/editor/draft';
import { fieldId, getAt, parsePath, pathString, setAt, type JsonObject } from '../../../lib/editor/path';
import { prune } from '../../../lib/editor/shape';
import { BUNDLED_PROFILES } from '../../../lib/profiles/bundled';
import { validateProfile } from '../../../lib/profiles/validate';
import { sampleProfile } from '../profiles/sample';

const record = (draft: JsonObject = emptyDraft()) => startRecord(draft, 'empty');
const purposes = (draft: JsonObject) => getAt(draft, ['purposes']) as JsonObject[];
const texts = (draft: JsonObject) => purposes(draft).map((p) => (p.text as JsonObject).de);

describe('paths', () => {
  it('read and write the importer\'s error paths', () => {
    expect(parsePath('deployments[0].hosts[12]')).toEqual(['deployments', 0, 'hosts', 12]);
    expect(pathString(['deployments', 0, 'hosts', 12])).toBe('deployments[0].hosts[12]');
    expect(fieldId('deployments[0].hosts[1]')).toBe('f-deployments-0-hosts-1');
    expect(fieldId('controller.email')).not.toBe(fieldId('controller.name'));
  });

  it('set by path copies what changes and creates what is missing', () => {
    const before = emptyDraft();
    const after = setAt(before, parsePath('controller.source[0].document'), 'Hinweise') as JsonObject;
    expect(getAt(after, parsePath('controller.source[0].document'))).toBe('Hinweise');
    expect(before.controller).toBeUndefined();
    expect(after.institution).toBe(before.institution);
    const removed = setAt(after, ['controller'], undefined) as JsonObject;
    expect('controller' in removed).toBe(false);
  });
});

describe('lists', () => {
  const three = () => {
    let draft = emptyDraft();
    for (const de of ['A', 'B', 'C']) draft = addItem(draft, ['purposes'], { text: { de }, source: [{ document: 'D' }] }).draft;
    return draft;
  };

  it('add appends and says where', () => {
    const { draft, index } = addItem(three(), ['purposes'], { text: { de: 'D' }, source: [] });
    expect(index).toBe(3);
    expect(texts(draft)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('remove takes out exactly one entry', () => {
    expect(texts(removeItem(three(), ['purposes'], 1))).toEqual(['A', 'C']);
  });

  it('reorder moves an entry and clamps at the ends', () => {
    const up = moveItem(three(), ['purposes'], 2, 1);
    expect(texts(up.draft)).toEqual(['A', 'C', 'B']);
    expect(up.index).toBe(1);
    const top = moveItem(three(), ['purposes'], 0, -1);
    expect(texts(top.draft)).toEqual(['A', 'B', 'C']);
    expect(top.index).toBe(0);
    expect(texts(moveItem(three(), ['purposes'], 0, 9).draft)).toEqual(['B', 'C', 'A']);
  });

  it('a new entry has what the format requires, with the default source', () => {
    const withSource = { defaultSource: { document: 'Datenschutzhinweise', url: 'https://schule.de/ds' } };
    expect(newEntry(withSource, ['purposes'])).toEqual({ text: { de: '' }, source: [{ document: 'Datenschutzhinweise', url: 'https://schule.de/ds' }] });
    expect(newEntry(withSource, ['retention'])).toEqual({ category: '', text: { de: '' }, source: [{ document: 'Datenschutzhinweise', url: 'https://schule.de/ds' }] });
    expect(newEntry({ defaultSource: { document: '', url: '' } }, ['controller'])).toEqual({ name: '', source: [{ document: '' }] });
    expect(newEntry(withSource, ['deployments', 0, 'hosts'])).toBe('');
    expect(newEntry(withSource, ['purposes', 0, 'source'])).toEqual({ document: 'Datenschutzhinweise', url: 'https://schule.de/ds' });
  });
});

describe('template copy', () => {
  it('copies every fact under a new id, version 1, and leaves the original alone', () => {
    const original = BUNDLED_PROFILES.find((p) => p.id === 'gs-hallermund-springe')!;
    const taken = new Set(BUNDLED_PROFILES.map((p) => p.id));
    const copy = templateCopy(original, taken);
    expect(copy.id).toBe('gs-hallermund-springe-kopie');
    expect(copy.version).toBe(1);
    const { id: _a, version: _b, ...rest } = copy;
    const { id: _c, version: _d, ...same } = original;
    expect(rest).toEqual(same);
    expect(original.id).toBe('gs-hallermund-springe');
    const result = validateProfile(copy);
    expect(result.ok).toBe(true);
  });

  it('finds a free, valid id', () => {
    expect(copyId('schule', new Set(['schule-kopie']))).toBe('schule-kopie-2');
    const long = 'a'.repeat(64);
    expect(copyId(long, new Set())).toMatch(/^a{58}-kopie$/);
    expect(copyId('', new Set())).toBe('profil-kopie');
  });

  it('an imported profile opens as itself', () => {
    const profile = sampleProfile();
    expect(editCopy(profile)).toEqual(profile);
    expect(editCopy(profile)).not.toBe(profile);
  });
});

describe('pruning', () => {
  it('leaves out what is empty, keeps required objects and list positions', () => {
    const draft: JsonObject = {
      ...emptyDraft(),
      controller: { name: '', address: '', source: [{ document: '' }] },
      purposes: [{ text: { de: 'Unterricht', en: '' }, source: [{ document: '' }] }, { text: { de: '' }, source: [] }],
      deployments: [{ platform: 'jitsi', hosts: ['meet.schule.de', ''] }],
    };
    const pruned = prune(draft);
    expect(pruned.controller).toBeUndefined();
    expect(pruned.institution).toEqual({});
    expect(pruned.id).toBeUndefined();
    expect(pruned.purposes).toEqual([{ text: { de: 'Unterricht' }, source: [{}] }, { text: {} }]);
    expect(pruned.deployments).toEqual([{ platform: 'jitsi', hosts: ['meet.schule.de', ''] }]);
  });

  it('keeps fields the format does not know, for the check to name', () => {
    expect(prune({ ...emptyDraft(), logo: '' }).logo).toBe('');
  });
});

describe('draft storage', () => {
  it('round-trips a draft, also one that does not pass the check', () => {
    const draft = { ...emptyDraft(), id: 'Kaputt!', dpo: { email: 'nicht-gueltig' } };
    const stored = JSON.parse(JSON.stringify(serialiseDraftRecord({ ...record(draft), defaultSource: { document: 'Hinweise', url: '' } })));
    const read = parseDraftRecord(stored);
    expect(read?.draft).toEqual(draft);
    expect(read?.defaultSource.document).toBe('Hinweise');
    expect(validateProfile(prune(read!.draft)).ok).toBe(false);
  });

  it('reads anything that is not a draft as none', () => {
    for (const bad of [null, 42, 'x', [], {}, { draft: 'x' }, { draft: [] }, { draft: { a: () => 1 } }, { draft: { n: Number.NaN } }]) {
      expect(parseDraftRecord(bad), JSON.stringify(bad) ?? String(bad)).toBeNull();
    }
    let deep: JsonObject = {};
    for (let i = 0; i < 30; i++) deep = { x: deep };
    expect(parseDraftRecord({ draft: deep })).toBeNull();
  });

  it('keeps the draft when its side fields are damaged', () => {
    const read = parseDraftRecord({ draft: { id: 'x' }, baseline: 7, defaultSource: 'y', origin: '<script>' });
    expect(read).toEqual({ draft: { id: 'x' }, baseline: '', defaultSource: { document: '', url: '' }, origin: 'empty' });
  });

  it('tells unsaved changes from the saved state', () => {
    let r = record();
    expect(isDirty(r)).toBe(false);
    r = { ...r, draft: setAt(r.draft, ['id'], 'schule') as JsonObject };
    expect(isDirty(r)).toBe(true);
    r = markSaved(r);
    expect(isDirty(r)).toBe(false);
    // Empty fields added and left empty change nothing.
    r = { ...r, draft: setAt(r.draft, ['controller'], { name: '' }) as JsonObject };
    expect(isDirty(r)).toBe(false);
  });

  it('writes one after another and ends with the newest', async () => {
    const written: number[] = [];
    let release: () => void = () => {};
    const writer = latestWins<number>(async (n) => {
      written.push(n);
      if (n === 1) await new Promise<void>((done) => (release = done));
    });
    void writer.push(1);
    void writer.push(2);
    void writer.push(3);
    release();
    await writer.idle();
    expect(written).toEqual([1, 3]);
  });
});
