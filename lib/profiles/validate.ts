import * as v from 'valibot';
import { jsonErrorPlace } from '../json-error';
import { LIMITS, Profile } from './schema';

/** What is wrong, as a code the UI explains in the reader's language, with its details. */
export type ProfileErrorCode =
  | 'tooLarge'
  | 'notJson'
  | 'notObject'
  | 'missing'
  | 'unknownField'
  | 'wrongType'
  | 'empty'
  | 'tooLong'
  | 'tooMany'
  | 'choice'
  | 'number'
  | 'range'
  | 'format'
  | 'https'
  | 'url'
  | 'email'
  | 'host'
  | 'hostTooLong'
  | 'labelTooLong'
  | 'publicSuffix'
  | 'id'
  | 'phone'
  | 'control'
  | 'bidi'
  | 'invisible'
  | 'encoding';

export interface ProfileError {
  /** Where: a JSON path such as `dpo.email` or `deployments[0].hosts[1]`; empty for the whole input. */
  path: string;
  code: ProfileErrorCode;
  /** Details for the message: an expected type, a limit, the allowed values, a line and column. */
  detail?: string;
}

export type ParseResult = { ok: true; profile: Profile } | { ok: false; errors: ProfileError[] };

const MAX_ERRORS = 50;

/** Codes a schema check names in its message (schema.ts, lib/hostnames.ts). */
const MESSAGE_CODES = new Set<string>(['https', 'url', 'email', 'host', 'hostTooLong', 'labelTooLong', 'publicSuffix', 'id', 'phone', 'control', 'bidi', 'invisible', 'encoding']);

type PathItem = string | number;

/** Keys come from the input: a long one is cut, so a message stays readable. */
const KEY_SHOWN = 60;

function pathText(items: readonly PathItem[]): string {
  let path = '';
  for (const item of items) {
    const key = typeof item === 'string' && item.length > KEY_SHOWN ? `${item.slice(0, KEY_SHOWN)}…` : item;
    path += typeof key === 'number' ? `[${key}]` : path ? `.${key}` : key;
  }
  return path;
}

function pathOf(issue: v.BaseIssue<unknown>): string {
  return pathText((issue.path ?? []).map((item) => (item as { key: unknown }).key as PathItem));
}

const TYPE_NAMES: Record<string, string> = { string: 'text', number: 'number', Object: 'object', Array: 'list', boolean: 'boolean' };

/** Turns valibot's issues into plain codes with the exact place. */
function explain(issue: v.BaseIssue<unknown>): ProfileError {
  const path = pathOf(issue);
  switch (issue.type) {
    case 'strict_object':
      if (issue.received === 'undefined') return { path, code: 'missing' };
      return { path, code: 'wrongType', detail: 'object' };
    case 'string':
    case 'number':
    case 'boolean':
    case 'array':
    case 'literal':
      if (issue.received === 'undefined') return { path, code: 'missing' };
      if (issue.type === 'literal') return { path, code: 'choice', detail: issue.expected ?? undefined };
      return { path, code: 'wrongType', detail: TYPE_NAMES[issue.type === 'array' ? 'Array' : issue.type] ?? issue.type };
    case 'picklist':
      if (issue.received === 'undefined') return { path, code: 'missing' };
      return { path, code: 'choice', detail: (issue.expected ?? '').replace(/"/g, '').split(' | ').join(', ') };
    case 'min_length':
      return { path, code: 'empty' };
    case 'max_length':
      if (MESSAGE_CODES.has(issue.message)) return { path, code: issue.message as ProfileErrorCode };
      return { path, code: typeof issue.input === 'string' ? 'tooLong' : 'tooMany', detail: String((issue as { requirement?: unknown }).requirement) };
    case 'integer':
    case 'min_value':
      return { path, code: 'number' };
    case 'max_value':
      return { path, code: 'range', detail: String((issue as { requirement?: unknown }).requirement) };
    default: {
      const code = issue.message;
      return { path, code: MESSAGE_CODES.has(code) ? (code as ProfileErrorCode) : 'format' };
    }
  }
}

type AnySchema = v.GenericSchema & { type: string; entries?: Record<string, AnySchema>; item?: AnySchema; wrapped?: AnySchema; pipe?: AnySchema[] };

/** The object schema inside optional(…) and pipe(…), if any. */
function unwrap(schema: AnySchema): AnySchema {
  let s = schema;
  for (;;) {
    if (s.pipe && s.pipe[0] !== s) s = s.pipe[0]!;
    else if (s.wrapped) s = s.wrapped;
    else return s;
  }
}

/**
 * Every field the format does not know, in every object (valibot names only the first one per
 * object). Only where the value has the expected shape; wrong types are reported elsewhere.
 */
function unknownFields(schema: AnySchema, value: unknown, path: PathItem[], found: ProfileError[]): void {
  const s = unwrap(schema);
  if (s.type === 'strict_object' && s.entries && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) {
      const entry = Object.hasOwn(s.entries, key) ? s.entries[key] : undefined;
      if (entry) unknownFields(entry, child, [...path, key], found);
      else found.push({ path: pathText([...path, key]), code: 'unknownField' });
    }
  } else if (s.type === 'array' && s.item && Array.isArray(value)) {
    value.forEach((child, index) => unknownFields(s.item!, child, [...path, index], found));
  }
}

/** Validates an already-parsed value. */
export function validateProfile(value: unknown): ParseResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, errors: [{ path: '', code: 'notObject' }] };
  const result = v.safeParse(Profile, value, { abortPipeEarly: true });
  if (result.success) return { ok: true, profile: result.output };
  const unknown: ProfileError[] = [];
  unknownFields(Profile as unknown as AnySchema, value, [], unknown);
  const other = result.issues.filter((issue) => !(issue.type === 'strict_object' && issue.expected === 'never')).map(explain);
  return { ok: false, errors: [...unknown, ...other].slice(0, MAX_ERRORS) };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Reads an imported file or pasted text. Nothing is stored here: a caller saves the profile only
 * when `ok` is true, so bad input never touches the existing profiles.
 */
export function parseProfile(input: string): ParseResult {
  if (input.length > LIMITS.input) return { ok: false, errors: [{ path: '', code: 'tooLarge', detail: String(LIMITS.input) }] };
  if (LONE_SURROGATE.test(input)) return { ok: false, errors: [{ path: '', code: 'encoding' }] };
  const json = parseJsonText(input);
  return json.ok ? validateProfile(json.value) : json;
}

/** JSON text as a value (a byte-order mark is fine), or where the text stops being JSON. */
export function parseJsonText(input: string): { ok: true; value: unknown } | { ok: false; errors: ProfileError[] } {
  const text = input.replace(/^\uFEFF/, '');
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    const place = jsonErrorPlace(text);
    return { ok: false, errors: [{ path: '', code: 'notJson', detail: place ? `${place.line}:${place.column}` : undefined }] };
  }
}

/** A chosen file read as the importer reads it: a huge one refused unread, then UTF-8 only. */
export async function readProfileFile(file: Blob): Promise<{ ok: true; text: string } | { ok: false; errors: ProfileError[] }> {
  if (file.size > LIMITS.input * 4) return { ok: false, errors: [{ path: '', code: 'tooLarge', detail: String(LIMITS.input) }] };
  return decodeProfileFile(await file.arrayBuffer());
}

/**
 * A file's bytes as text: UTF-8 only. Latin-1 or Windows-1252 files (Umlauts as single bytes)
 * are refused instead of turning into "�"; a byte-order mark is fine.
 */
export function decodeProfileFile(bytes: ArrayBuffer | Uint8Array): { ok: true; text: string } | { ok: false; errors: ProfileError[] } {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, errors: [{ path: '', code: 'encoding' }] };
  }
}
