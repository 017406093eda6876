import * as v from 'valibot';
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
  | 'id'
  | 'phone'
  | 'control';

export interface ProfileError {
  /** Where: a JSON path such as `dpo.email` or `deployments[0].hosts[1]`; empty for the whole input. */
  path: string;
  code: ProfileErrorCode;
  /** Details for the message: an expected type, a limit, the allowed values. */
  detail?: string;
}

export type ParseResult = { ok: true; profile: Profile } | { ok: false; errors: ProfileError[] };

const MAX_ERRORS = 50;

function pathOf(issue: v.BaseIssue<unknown>): string {
  let path = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    path += typeof key === 'number' ? `[${key}]` : path ? `.${String(key)}` : String(key);
  }
  return path;
}

const TYPE_NAMES: Record<string, string> = { string: 'text', number: 'number', Object: 'object', Array: 'list', boolean: 'boolean' };

/** Turns valibot's issues into plain codes with the exact place. */
function explain(issue: v.BaseIssue<unknown>): ProfileError {
  const path = pathOf(issue);
  switch (issue.type) {
    case 'strict_object':
      // An entry the format does not know (its key ends the path).
      if (issue.expected === 'never') return { path, code: 'unknownField' };
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
      return { path, code: issue.received.includes('length') || typeof issue.input === 'string' ? 'tooLong' : 'tooMany', detail: String((issue as { requirement?: unknown }).requirement) };
    case 'integer':
    case 'min_value':
      return { path, code: 'number' };
    case 'max_value':
      return { path, code: 'range', detail: String((issue as { requirement?: unknown }).requirement) };
    default: {
      const code = issue.message as ProfileErrorCode;
      return { path, code: ['https', 'url', 'email', 'host', 'id', 'phone', 'control'].includes(code) ? code : 'format' };
    }
  }
}

/** Validates an already-parsed value. */
export function validateProfile(value: unknown): ParseResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, errors: [{ path: '', code: 'notObject' }] };
  const result = v.safeParse(Profile, value, { abortPipeEarly: true });
  if (result.success) return { ok: true, profile: result.output };
  return { ok: false, errors: result.issues.slice(0, MAX_ERRORS).map(explain) };
}

/**
 * Reads an imported file or pasted text. Nothing is stored here: a caller saves the profile only
 * when `ok` is true, so bad input never touches the existing profiles.
 */
export function parseProfile(input: string): ParseResult {
  if (input.length > LIMITS.input) return { ok: false, errors: [{ path: '', code: 'tooLarge', detail: String(LIMITS.input) }] };
  let value: unknown;
  try {
    value = JSON.parse(input.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, errors: [{ path: '', code: 'notJson', detail: error instanceof Error ? error.message : String(error) }] };
  }
  return validateProfile(value);
}
