import type { MessageKey, Translate } from '../lib/i18n';

/** Stand-ins for the substitutions (private-use characters no message contains). */
const MARKS = ['\uE000', '\uE001', '\uE002', '\uE003'];
const SPLIT = /([\uE000-\uE003])/;

/**
 * A message whose substitutions are names from profiles or policies: each one sits in its own
 * `<bdi>`, so a name written right to left (or made to look so) cannot turn the words around it.
 */
export function Sentence({ t, name, values }: { t: Translate; name: MessageKey; values: readonly string[] }) {
  const text = t(name, values.map((_, i) => MARKS[i]!));
  return (
    <>
      {text.split(SPLIT).map((part, i) => {
        const index = MARKS.indexOf(part);
        return index >= 0 ? <bdi key={i}>{values[index]}</bdi> : part;
      })}
    </>
  );
}
