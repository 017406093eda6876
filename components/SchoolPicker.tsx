import { useState } from 'preact/hooks';
import type { Translate } from '../lib/i18n';
import type { ProfileCard } from '../lib/profiles/card';
import { searchSchools } from '../lib/profiles/search';
import { plural } from '../lib/plural';

interface Props {
  t: Translate;
  profiles: readonly ProfileCard[];
  chosenId: string | null;
  onChoose(id: string): void;
  /** Profiles someone imported (not bundled): marked, so a copy of a bundled school stands apart. */
  isImported?(profile: ProfileCard): boolean;
}

/** A searchable list of schools (name, town); every entry is a button, so Tab and Enter work. */
export function SchoolPicker({ t, profiles, chosenId, onChoose, isImported = () => false }: Props) {
  const [query, setQuery] = useState('');
  const found = searchSchools(profiles, query);
  return (
    <div class="picker" data-testid="school-picker">
      <label for="kl-school-search">{t('pickerLabel')}</label>
      <input
        id="kl-school-search"
        type="search"
        autoComplete="off"
        value={query}
        aria-controls="kl-school-list"
        onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
      />
      <p class="sr-only" role="status" aria-live="polite">
        {found.length ? plural(t, 'pickerCount', found.length) : t('pickerNone')}
      </p>
      {found.length === 0 ? (
        <p class="muted">{t('pickerNone')}</p>
      ) : (
        <ul id="kl-school-list" class="list schools">
          {found.map((p) => (
            <li key={p.id}>
              <button type="button" class="school" aria-pressed={p.id === chosenId} onClick={() => onChoose(p.id)}>
                <span class="school-name">
                  <bdi>{p.institution.name}</bdi>
                  {isImported(p) && (
                    <span class="school-mark" data-testid="imported-mark">
                      {' '}
                      ({t('profilesImported')})
                    </span>
                  )}
                </span>
                {p.institution.town && (
                  <span class="school-town">
                    <bdi>{p.institution.town}</bdi>
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
