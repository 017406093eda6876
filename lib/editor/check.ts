import { checkArt13, type Art13Input, type Art13Item } from '../profiles/art13';
import type { Profile } from '../profiles/schema';
import { validateProfile, type ProfileError } from '../profiles/validate';
import { getAt, parsePath, pathString, setAt, type Json, type JsonObject, type Path } from './path';
import { prune, schemaAt } from './shape';

/** The field each Art. 13 item is answered by (recipients: `access` or `processors`). */
export const ART13_FIELDS: Record<Art13Item, readonly string[]> = {
  controller: ['controller'],
  dpo: ['dpo'],
  purposes: ['purposes'],
  legalBasis: ['legalBases'],
  recipients: ['access', 'processors'],
  thirdCountry: ['thirdCountryTransfer'],
  retention: ['retention'],
  rights: ['rights'],
  withdrawConsent: ['withdrawConsent'],
  complaint: ['complaint'],
};

/** Present, missing or not applicable as for a saved profile, plus: present but with errors. */
export type DraftArt13Status = 'present' | 'missing' | 'not-applicable' | 'invalid';

export interface DraftCheck {
  /** The draft as the check sees it (empty fields left out). */
  candidate: JsonObject;
  /** The profile, where the whole draft passes; it is what saving stores. */
  profile: Profile | null;
  errors: ProfileError[];
  art13: { item: Art13Item; status: DraftArt13Status; field: string }[];
}

const within = (path: string, field: string) => path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`);

/** The draft checked with the importer's rules, and which Art. 13 items it gives. */
export function checkDraft(draft: JsonObject): DraftCheck {
  const candidate = prune(draft);
  const result = validateProfile(candidate);
  const errors = result.ok ? [] : result.errors;
  // The Art. 13 check looks only at whether a field is there; a draft has the same fields.
  const art13 = checkArt13(candidate as unknown as Art13Input).map(({ item, status }) => {
    const fields = ART13_FIELDS[item];
    const given = fields.filter((f) => candidate[f] !== undefined);
    const broken = status === 'present' && given.some((f) => errors.some((e) => within(e.path, f)));
    return { item, status: broken ? ('invalid' as const) : status, field: given[0] ?? fields[0]! };
  });
  return { candidate, profile: result.ok ? result.profile : null, errors, art13 };
}

/** Errors by the path they name, for the fields to show their own. */
export function errorsByPath(errors: readonly ProfileError[]): Map<string, ProfileError[]> {
  const map = new Map<string, ProfileError[]>();
  for (const error of errors) map.set(error.path, [...(map.get(error.path) ?? []), error]);
  return map;
}

/**
 * Values the reader never sees but a profile needs, used by the preview where the draft lacks
 * them. The institution's name is the one shown; its stand-in is the caller's "name missing".
 */
const SCAFFOLD: Record<string, (name: string) => Json> = {
  format: () => 1,
  id: () => 'entwurf',
  version: () => 1,
  kind: () => 'institution',
  language: () => 'de',
  institution: () => ({}),
  'institution.name': (name) => name,
  deployments: () => [{ platform: 'jitsi' }],
};

/** Where an error can be cut out of the draft: the deepest list entry or optional field above it. */
function cutPoint(path: Path): Path | null {
  let cut: Path | null = null;
  for (let i = 1; i <= path.length; i++) {
    const prefix = path.slice(0, i);
    const found = schemaAt(prefix);
    if (!found) return prefix; // a field the format does not know
    if (typeof prefix[i - 1] === 'number' || found.optional) cut = prefix;
  }
  return cut;
}

function removeAt(root: JsonObject, path: Path): JsonObject {
  return (setAt(root, path, undefined) as JsonObject | undefined) ?? {};
}

/**
 * What readers would see of this draft: the draft with every part that does not pass the check
 * left out (never filled), so the preview shows exactly what a saved profile would show of the
 * parts that are right. Only fields no reader sees get stand-ins, and a missing name shows
 * as `missingName`. `omitted` lists the paths left out.
 */
export function previewProfile(draft: JsonObject, missingName: string): { profile: Profile; omitted: string[] } {
  let candidate = prune(draft);
  const omitted: string[] = [];
  for (let round = 0; round < 100; round++) {
    const result = validateProfile(candidate);
    if (result.ok) return { profile: result.profile, omitted };
    const cuts = new Map<string, Path>();
    for (const error of result.errors) {
      const path = parsePath(error.path);
      const cut = cutPoint(path);
      if (cut) cuts.set(pathString(cut), cut);
      else {
        const text = error.path;
        const key = Object.keys(SCAFFOLD).filter((k) => within(text, k) || text === '').sort((a, b) => b.length - a.length)[0];
        if (key) candidate = setAt(candidate, parsePath(key), SCAFFOLD[key]!(missingName)) as JsonObject;
      }
    }
    // Deepest and last first, so the cuts do not shift each other's list positions.
    const ordered = [...cuts.values()].sort((a, b) => pathString(b).localeCompare(pathString(a), 'en', { numeric: true }));
    for (const cut of ordered) {
      if (getAt(candidate, cut) === undefined) continue;
      candidate = removeAt(candidate, cut);
      omitted.push(pathString(cut));
    }
    candidate = prune(candidate);
  }
  // Unreachable for drafts the editor makes; a last resort that shows nothing of the draft.
  const bare = validateProfile(Object.fromEntries(Object.entries(SCAFFOLD).filter(([k]) => !k.includes('.')).map(([k, f]) => [k, f(missingName)])));
  if (!bare.ok) throw new Error('preview scaffold is invalid');
  return { profile: { ...bare.profile, institution: { name: missingName } }, omitted };
}
