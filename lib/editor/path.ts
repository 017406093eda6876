/**
 * Paths into a profile draft, written the way the importer reports errors: `dpo.email`,
 * `deployments[0].hosts[1]`. The editor binds each field to such a path, so an error from
 * `validateProfile` lands at the field that holds the value.
 */

export type Json = string | number | boolean | null | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}
export type Path = readonly (string | number)[];

export function pathString(path: Path): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${key}` : key;
  return out;
}

export function parsePath(text: string): Path {
  const path: (string | number)[] = [];
  for (const match of text.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) path.push(Number(match[2]));
    else if (match[1] !== undefined) path.push(match[1]);
  }
  return path;
}

/** The element id of the field or group that edits the value at a path. */
export function fieldId(path: Path | string): string {
  const text = typeof path === 'string' ? path : pathString(path);
  return `f-${text.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '') || 'profile'}`;
}

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

export function getAt(root: Json | undefined, path: Path): Json | undefined {
  let node: Json | undefined = root;
  for (const key of path) {
    if (typeof key === 'number') node = Array.isArray(node) ? node[key] : undefined;
    else node = isObject(node) && Object.hasOwn(node, key) ? node[key] : undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

/**
 * A copy of `root` with the value at `path` replaced (or, for `undefined`, the property
 * removed). Missing objects and lists on the way are created; everything else is shared.
 */
export function setAt(root: Json | undefined, path: Path, value: Json | undefined): Json | undefined {
  if (!path.length) return value;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  if (typeof key === 'number') {
    const list = Array.isArray(root) ? [...root] : [];
    const next = setAt(list[key], rest, value);
    if (next === undefined) list.splice(key, 1);
    else list[key] = next;
    return list;
  }
  const object: JsonObject = isObject(root) ? { ...root } : {};
  const next = setAt(object[key], rest, value);
  if (next === undefined) delete object[key];
  else object[key] = next;
  return object;
}

/** The list at `path` (empty where there is none), changed by `change`. */
export function updateList(root: JsonObject, path: Path, change: (list: Json[]) => Json[]): JsonObject {
  const current = getAt(root, path);
  return setAt(root, path, change(Array.isArray(current) ? [...current] : [])) as JsonObject;
}

export function clone<T extends Json>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export { isObject };
