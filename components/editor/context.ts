import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Translate } from '../../lib/i18n';
import type { Json, JsonObject, Path } from '../../lib/editor/path';
import type { ProfileError } from '../../lib/profiles/validate';
import type { Lang } from '../text';

/** What every field of the profile form needs: the draft, its errors, and the changes it may make. */
export interface EditorApi {
  t: Translate;
  lang: Lang;
  draft: JsonObject;
  /** Errors by the path they name (the importer's paths). */
  errors: ReadonlyMap<string, readonly ProfileError[]>;
  set(path: Path, value: Json | undefined): void;
  /** Adds an empty entry to a list (or gives an optional field), announces it and moves focus into it. */
  add(path: Path, noun: string): void;
  remove(listPath: Path, index: number, noun: string): void;
  /** Takes out an optional field (a contact, a fact) with everything in it, and announces it. */
  clear(path: Path, noun: string): void;
  move(listPath: Path, index: number, delta: -1 | 1, noun: string): void;
}

export const EditorContext = createContext<EditorApi | null>(null);

export function useEditor(): EditorApi {
  const api = useContext(EditorContext);
  if (!api) throw new Error('useEditor outside the editor');
  return api;
}
