import { PROFILE_ID } from '../profiles/key';
import type { Profile } from '../profiles/schema';
import { clone, getAt, isObject, updateList, type Json, type JsonObject, type Path } from './path';
import { blankAt, prune } from './shape';

/**
 * The editor's state: a profile being written. A draft may be incomplete or wrong at any moment
 * (that is what the check and the error messages are for), so it is plain JSON, not a `Profile`.
 */
export interface DraftRecord {
  draft: JsonObject;
  /** The draft as last saved or started (pruned JSON): a different draft has unsaved changes. */
  baseline: string;
  /** The source new entries start with, so a notice's title is typed once. */
  defaultSource: { document: string; url: string };
  /** Where the draft started: `empty`, `file`, or the key of the profile it was copied or opened from. */
  origin: string;
}

/** Nothing but what the format requires: no fact is given, one platform entry waits to be filled. */
export function emptyDraft(): JsonObject {
  return { format: 1, id: '', version: 1, kind: 'institution', language: 'de', institution: { name: '' }, deployments: [{ platform: '', hosts: [] }] };
}

const canonical = (draft: JsonObject) => JSON.stringify(prune(draft));

export function startRecord(draft: JsonObject, origin: string, defaultSource = { document: '', url: '' }): DraftRecord {
  return { draft, baseline: canonical(draft), defaultSource, origin };
}

export const isDirty = (record: DraftRecord): boolean => canonical(record.draft) !== record.baseline;

/** After saving: the saved state is the new baseline. */
export const markSaved = (record: DraftRecord): DraftRecord => ({ ...record, baseline: canonical(record.draft) });

/** The first source of a new entry: the default source where one is set, else an empty one to fill. */
export function newSource(record: Pick<DraftRecord, 'defaultSource'>): JsonObject {
  const { document, url } = record.defaultSource;
  return document.trim() ? { document: document.trim(), ...(url.trim() ? { url: url.trim() } : {}) } : { document: '' };
}

/** A new, empty entry for the list or optional field at a path (a purpose, a host, a source …). */
export function newEntry(record: Pick<DraftRecord, 'defaultSource'>, path: Path): Json {
  return path[path.length - 1] === 'source' ? newSource(record) : blankAt(path, () => newSource(record));
}

export function addItem(draft: JsonObject, listPath: Path, item: Json): { draft: JsonObject; index: number } {
  const current = getAt(draft, listPath);
  const index = Array.isArray(current) ? current.length : 0;
  return { draft: updateList(draft, listPath, (list) => [...list, item]), index };
}

export function removeItem(draft: JsonObject, listPath: Path, index: number): JsonObject {
  return updateList(draft, listPath, (list) => list.filter((_, i) => i !== index));
}

/** Moves an entry; `to` is clamped to the list. Returns the index where it landed. */
export function moveItem(draft: JsonObject, listPath: Path, from: number, to: number): { draft: JsonObject; index: number } {
  const current = getAt(draft, listPath);
  const length = Array.isArray(current) ? current.length : 0;
  const target = Math.max(0, Math.min(length - 1, to));
  if (from < 0 || from >= length || target === from) return { draft, index: from };
  const draftOut = updateList(draft, listPath, (list) => {
    const [item] = list.splice(from, 1);
    list.splice(target, 0, item as Json);
    return list;
  });
  return { draft: draftOut, index: target };
}

/** An id for a copy: `<id>-kopie`, then `-kopie-2` …, never one in `taken`, always a valid id. */
export function copyId(id: string, taken: ReadonlySet<string>): string {
  const base = id.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'profil';
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '-kopie' : `-kopie-${n}`;
    const candidate = `${base.slice(0, 64 - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (PROFILE_ID.test(candidate) && !taken.has(candidate)) return candidate;
  }
}

/** A bundled (or any) profile as the start of a new one: the same facts, a new id, version 1. */
export function templateCopy(profile: Profile, taken: ReadonlySet<string>): JsonObject {
  const copy = clone(profile as unknown as JsonObject);
  return { ...copy, id: copyId(profile.id, taken), version: 1 };
}

/** An imported profile opened for editing: saved again under its own id, it replaces itself. */
export function editCopy(profile: Profile): JsonObject {
  return clone(profile as unknown as JsonObject);
}

/** Limits for a stored draft: generous (an invalid draft is kept), but bounded. */
export const DRAFT_LIMITS = { depth: 16, nodes: 50_000, chars: 1_000_000 } as const;

function isJson(value: unknown, depth: number, count: { nodes: number }): value is Json {
  if (++count.nodes > DRAFT_LIMITS.nodes || depth > DRAFT_LIMITS.depth) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((v) => isJson(v, depth + 1, count));
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.values(value as object).every((v) => isJson(v, depth + 1, count));
  }
  return false;
}

const ORIGIN = /^(empty|file|(bundled|imported|policy):[a-z0-9][a-z0-9-]{0,126})$/;

/**
 * Reads a stored draft. Anything that is not a draft reads as none; a draft whose profile does
 * not pass the check is kept as it is (it is still being written), and damaged side fields fall
 * back to their defaults without losing the draft.
 */
export function parseDraftRecord(value: unknown): DraftRecord | null {
  if (!isObject(value as Json)) return null;
  const record = value as Record<string, unknown>;
  const draft = record.draft;
  if (!isObject(draft as Json) || !isJson(draft, 0, { nodes: 0 })) return null;
  if (JSON.stringify(draft).length > DRAFT_LIMITS.chars) return null;
  const source = isObject(record.defaultSource as Json) ? (record.defaultSource as Record<string, unknown>) : {};
  const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 2000) : '');
  return {
    draft: draft as JsonObject,
    baseline: typeof record.baseline === 'string' ? record.baseline : '',
    defaultSource: { document: text(source.document), url: text(source.url) },
    origin: typeof record.origin === 'string' && ORIGIN.test(record.origin) ? record.origin : 'empty',
  };
}

/** The record as stored: plain JSON. */
export function serialiseDraftRecord(record: DraftRecord): JsonObject {
  return { draft: record.draft, baseline: record.baseline, defaultSource: { ...record.defaultSource }, origin: record.origin };
}

/**
 * Writes one value after another, always ending with the newest: a write that is overtaken
 * before it starts is skipped, so a burst of typing costs a few writes, and none lands late.
 */
export function latestWins<T>(write: (value: T) => Promise<void>) {
  let pending: { value: T } | null = null;
  let running: Promise<void> | null = null;
  const run = async () => {
    try {
      while (pending) {
        const { value } = pending;
        pending = null;
        await write(value);
      }
    } finally {
      running = null;
    }
  };
  return {
    push(value: T): Promise<void> {
      pending = { value };
      running ??= run();
      return running;
    },
    /** Resolves once every pushed value is written. */
    idle: (): Promise<void> => running ?? Promise.resolve(),
  };
}
