import type { ProfileCard } from './card';

/** Lower case without accents: "Göttingen" is found as "gottingen" and "Gött". */
const fold = (s: string) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();

/** Schools whose name or town contain every word typed, in name order. */
export function searchSchools<P extends ProfileCard>(profiles: readonly P[], query: string): P[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return profiles
    .filter((p) => p.kind === 'institution')
    .filter((p) => {
      const hay = fold(`${p.institution.name} ${p.institution.town ?? ''} ${p.institution.state ?? ''}`);
      return words.every((w) => hay.includes(w));
    })
    .sort((a, b) => a.institution.name.localeCompare(b.institution.name, 'de'));
}
