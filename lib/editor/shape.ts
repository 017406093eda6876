import type { GenericSchema } from 'valibot';
import { Profile } from '../profiles/schema';
import { isObject, type Json, type JsonObject, type Path } from './path';

/**
 * The profile schema read as a tree, so the editor knows what a path holds without a second
 * description of the format: which fields are optional, what a new list entry needs, which
 * values a choice allows. `lib/profiles/schema.ts` stays the one source of truth.
 */
interface Node {
  type: string;
  entries?: Record<string, Node>;
  item?: Node;
  wrapped?: Node;
  options?: readonly string[];
  literal?: unknown;
}

const ROOT = Profile as unknown as GenericSchema as unknown as Node;

/** The schema at a path, with whether the last step was optional; undefined where the format has no such field. */
export function schemaAt(path: Path): { node: Node; optional: boolean } | undefined {
  let node: Node | undefined = ROOT;
  let optional = false;
  for (const key of path) {
    if (!node) return undefined;
    if (typeof key === 'number') {
      node = node.item;
      optional = false;
    } else {
      node = node.entries?.[key];
      optional = node?.type === 'optional';
    }
    if (node?.type === 'optional') node = node.wrapped;
  }
  return node ? { node, optional } : undefined;
}

/** The values a choice field allows, in the schema's order. */
export function choicesAt(path: Path): readonly string[] {
  return schemaAt(path)?.node.options ?? [];
}

/** Nothing typed: empty text, an empty list, or an object or list holding only such. */
export function isBlank(value: Json | undefined): boolean {
  if (value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.every(isBlank);
  if (isObject(value)) return Object.values(value).every(isBlank);
  return false;
}

function pruneNode(value: Json, node: Node | undefined): Json {
  if (Array.isArray(value)) {
    // Entries stay where they are, also empty ones, so error paths keep pointing at them.
    const item = node?.type === 'array' ? node.item : undefined;
    return value.map((entry) => pruneNode(entry, item));
  }
  if (!isObject(value) || !node?.entries) return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    const entry = node.entries[key];
    if (!entry) {
      // Not part of the format: kept, so the check names it as an unknown field.
      out[key] = child;
      continue;
    }
    const optional = entry.type === 'optional';
    const pruned = pruneNode(child, optional ? entry.wrapped : entry);
    if (isBlank(pruned)) {
      // Left empty: an optional field is simply not given; a required text or an empty
      // required list is missing; a required object or list entry stays, so the check names
      // the field inside it that is missing.
      if (optional || typeof pruned === 'string' || (Array.isArray(pruned) && !pruned.length)) continue;
    }
    out[key] = pruned;
  }
  return out;
}

/**
 * The draft as the check sees it: what was left empty is left out, exactly as a hand-written
 * file would leave it out. Nothing is filled in.
 */
export function prune(draft: JsonObject): JsonObject {
  return pruneNode(draft, ROOT) as JsonObject;
}

/**
 * A new, empty entry for the list at a path, or value for the field at a path: only what the
 * format requires, with each `source` list started from the caller's source.
 */
export function blankAt(path: Path, source: () => Json): Json {
  const found = schemaAt(path);
  if (!found) return '';
  const node = found.node.type === 'array' && found.node.item ? found.node.item : found.node;
  return blank(node, source);
}

function blank(node: Node, source: () => Json): Json {
  switch (node.type) {
    case 'strict_object':
    case 'object': {
      const out: JsonObject = {};
      for (const [key, entry] of Object.entries(node.entries ?? {})) {
        if (entry.type === 'optional') continue;
        out[key] = key === 'source' ? [source()] : blank(entry, source);
      }
      return out;
    }
    case 'array':
      return [];
    case 'literal':
      return node.literal as Json;
    case 'number':
      return 1;
    default:
      return '';
  }
}
