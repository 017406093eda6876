import { createContext } from 'preact';
import { useContext, useLayoutEffect, useReducer, useRef } from 'preact/hooks';
import type { Translate } from '../../lib/i18n';
import { getAt, pathString, type Json, type JsonObject, type Path } from '../../lib/editor/path';
import type { ProfileError } from '../../lib/profiles/validate';
import type { Lang } from '../text';

type Errors = ReadonlyMap<string, readonly ProfileError[]>;

/**
 * The draft and its errors, for the form's fields to read. Each field listens for changes and
 * draws itself again only when its own value or errors change, so typing in one field does not
 * redraw the whole form.
 */
export interface FormStore {
  readonly draft: JsonObject;
  readonly errors: Errors;
  update(draft: JsonObject, errors: Errors): void;
  subscribe(listener: () => void): () => void;
}

export function createFormStore(draft: JsonObject, errors: Errors): FormStore {
  const listeners = new Set<() => void>();
  const store = {
    draft,
    errors,
    update(nextDraft: JsonObject, nextErrors: Errors) {
      store.draft = nextDraft;
      store.errors = nextErrors;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
  return store;
}

/** What every field of the profile form needs: the draft, its errors, and the changes it may make. */
export interface EditorApi {
  t: Translate;
  lang: Lang;
  store: FormStore;
  set(path: Path, value: Json | undefined): void;
  /** Adds an empty entry to a list (or gives an optional field), announces it and moves focus into it. */
  add(path: Path, noun: string): void;
  remove(listPath: Path, index: number, noun: string): void;
  move(listPath: Path, index: number, delta: -1 | 1, noun: string): void;
  /** Takes out an optional field (a contact, a fact) with everything in it, and announces it. */
  clear(path: Path, noun: string): void;
}

export const EditorContext = createContext<EditorApi | null>(null);

export function useEditor(): EditorApi {
  const api = useContext(EditorContext);
  if (!api) throw new Error('useEditor outside the editor');
  return api;
}

const NONE: readonly ProfileError[] = [];

const sameErrors = (a: readonly ProfileError[], b: readonly ProfileError[]) =>
  a.length === b.length && a.every((e, i) => e.code === b[i]!.code && e.detail === b[i]!.detail);

/**
 * The value and errors at a path, kept current. `watch` picks what the component draws from the
 * value (a list draws only its length: each entry's fields watch their own values).
 */
export function useField(path: Path, watch: (value: Json | undefined) => unknown = (value) => value) {
  const api = useEditor();
  const key = pathString(path);
  const read = () => {
    const value = getAt(api.store.draft, path);
    return { value, watched: watch(value), errors: api.store.errors.get(key) ?? NONE };
  };
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const field = read();
  const last = useRef(field);
  last.current = field;
  useLayoutEffect(
    () =>
      api.store.subscribe(() => {
        const next = read();
        if (!Object.is(next.watched, last.current.watched) || !sameErrors(next.errors, last.current.errors)) redraw(0);
      }),
    [key],
  );
  return { api, value: field.value, errors: field.errors };
}
