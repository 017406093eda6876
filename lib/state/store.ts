import * as v from 'valibot';
import { storage } from 'wxt/utils/storage';
import { serialised } from './lock';

/**
 * Stored values are read through a validator. A value of the wrong type reads as empty (or the
 * default); in a list or record each entry is checked on its own, so damaged entries are kept
 * apart (still stored, listed for the options page's repair) and nothing valid is dropped.
 */

/** Something stored that cannot be read. */
export interface Damage {
  /** The stored value's name (its storage key without the area). */
  item: string;
  /** Which entry of a list (its index) or record (its key); absent: the whole value. */
  entry?: string;
  raw: unknown;
}

export interface Reading<T> {
  value: T;
  damaged: Damage[];
}

/** How a stored value is read, written back and repaired. */
export interface Shape<T> {
  read(raw: unknown, item: string): Reading<T>;
  /** What to store for `value`, keeping the damaged entries of the raw value it replaces. */
  write(value: T, raw: unknown): unknown;
  /** The raw value without one damaged entry (or without every damaged part); undefined: remove it. */
  drop(raw: unknown, entry?: string): unknown;
}

const isRecord = (raw: unknown): raw is Record<string, unknown> => typeof raw === 'object' && raw !== null && !Array.isArray(raw);
const valid = (schema: v.GenericSchema, value: unknown) => v.safeParse(schema, value).success;

/** One value; anything else reads as the fallback. */
export function scalar<T>(schema: v.GenericSchema<unknown, T>, fallback: T): Shape<T> {
  return {
    read(raw, item) {
      if (raw === null || raw === undefined) return { value: fallback, damaged: [] };
      const result = v.safeParse(schema, raw);
      return result.success ? { value: result.output, damaged: [] } : { value: fallback, damaged: [{ item, raw }] };
    },
    write: (value) => value,
    drop: () => undefined,
  };
}

/** A list of entries checked one by one; new values come first, damaged entries after them. */
export function list<T>(entry: v.GenericSchema<unknown, T>): Shape<T[]> {
  const check = (raw: unknown) => v.safeParse(entry, raw);
  return {
    read(raw, item) {
      if (raw === null || raw === undefined) return { value: [], damaged: [] };
      if (!Array.isArray(raw)) return { value: [], damaged: [{ item, raw }] };
      const value: T[] = [];
      const damaged: Damage[] = [];
      raw.forEach((e, i) => {
        const result = check(e);
        if (result.success) value.push(result.output);
        else damaged.push({ item, entry: String(i), raw: e });
      });
      return { value, damaged };
    },
    write: (value, raw) => [...value, ...(Array.isArray(raw) ? raw.filter((e) => !check(e).success) : [])],
    drop(raw, entry) {
      if (!Array.isArray(raw)) return undefined;
      // Only damaged entries go: an index that moved since it was shown never removes a valid one.
      return raw.filter((e, i) => check(e).success || (entry !== undefined && String(i) !== entry));
    },
  };
}

/** A record whose keys and values are checked one by one. */
export function record<T>(key: (k: string) => boolean, value: v.GenericSchema<unknown, T>): Shape<Record<string, T>> {
  const ok = (k: string, e: unknown) => key(k) && valid(value, e);
  return {
    read(raw, item) {
      if (raw === null || raw === undefined) return { value: {}, damaged: [] };
      if (!isRecord(raw)) return { value: {}, damaged: [{ item, raw }] };
      const out: Record<string, T> = {};
      const damaged: Damage[] = [];
      for (const [k, e] of Object.entries(raw)) {
        const result = key(k) ? v.safeParse(value, e) : null;
        if (result?.success) out[k] = result.output;
        else damaged.push({ item, entry: k, raw: e });
      }
      return { value: out, damaged };
    },
    write: (next, raw) => ({ ...(isRecord(raw) ? Object.fromEntries(Object.entries(raw).filter(([k, e]) => !ok(k, e))) : {}), ...next }),
    drop(raw, entry) {
      if (!isRecord(raw)) return undefined;
      return Object.fromEntries(Object.entries(raw).filter(([k, e]) => ok(k, e) || (entry !== undefined && k !== entry)));
    },
  };
}

export interface ValidatedItem<T> {
  /** The WXT key, e.g. `local:role`. */
  readonly key: `local:${string}` | `session:${string}`;
  /** The stored value's name, as damage reports name it. */
  readonly name: string;
  read(): Promise<Reading<T>>;
  /** Reads after every write asked for before it has landed. */
  readLatest(): Promise<Reading<T>>;
  getValue(): Promise<T>;
  /** Replaces the value (damaged entries stay apart); serialised with every other write of it. */
  setValue(value: T): Promise<void>;
  /** Read-modify-write, serialised: concurrent changes all land. */
  update(change: (current: T) => T): Promise<T>;
  removeValue(): Promise<void>;
  watch(callback: (value: T) => void): () => void;
  /** Removes one damaged entry, or every damaged part (a value of the wrong type: the whole value). */
  repair(entry?: string): Promise<void>;
}

export interface ItemOptions {
  version?: number;
  migrations?: Record<number, (old: unknown) => unknown>;
}

/** A value in extension storage, read through `shape` (WXT's item, its versions and migrations). */
export function validatedItem<T>(key: `local:${string}` | `session:${string}`, shape: Shape<T>, options: ItemOptions = {}): ValidatedItem<T> {
  const name = key.slice(key.indexOf(':') + 1);
  const item = storage.defineItem<unknown>(key, { version: options.version ?? 1, ...(options.migrations ? { migrations: options.migrations } : {}) });
  const raw = async () => (await item.getValue()) as unknown;
  const store = async (value: unknown) => (value === undefined ? item.removeValue() : item.setValue(value));
  const self: ValidatedItem<T> = {
    key,
    name,
    read: async () => shape.read(await raw(), name),
    readLatest: () => serialised(key, async () => shape.read(await raw(), name)),
    getValue: async () => shape.read(await raw(), name).value,
    setValue: (value) => self.update(() => value).then(() => undefined),
    update: (change) =>
      serialised(key, async () => {
        const before = await raw();
        const next = change(shape.read(before, name).value);
        await store(shape.write(next, before));
        return next;
      }),
    removeValue: () => serialised(key, () => item.removeValue()),
    watch: (callback) => item.watch((value) => callback(shape.read(value, name).value)),
    repair: (entry) => serialised(key, async () => store(shape.drop(await raw(), entry))),
  };
  return self;
}
