import { useState } from 'preact/hooks';
import type { Translate } from '../lib/i18n';
import type { KeyedProfile, ProfileKey } from '../lib/profiles/key';

interface Props {
  t: Translate;
  profiles: readonly KeyedProfile[];
  editorUrl: string;
  letterUrl(key: ProfileKey): string;
}

/** For data-protection officers: the way to the profile editor, and the parents' letter of any profile. */
export function EditorLinks({ t, profiles, editorUrl, letterUrl }: Props) {
  const [key, setKey] = useState<ProfileKey | ''>(profiles[0]?.key ?? '');
  return (
    <section aria-labelledby="editor-links-heading" data-testid="editor-links">
      <h2 id="editor-links-heading">{t('edOptionsHeading')}</h2>
      <p>{t('edOptionsIntro')}</p>
      <p>
        <a href={editorUrl} target="_blank" rel="noreferrer">
          {t('edOptionsLink')}
        </a>
      </p>
      <label for="letter-profile">{t('edOptionsLetterFor')}</label>
      <p class="row">
        <select id="letter-profile" value={key} onChange={(e) => setKey((e.currentTarget as HTMLSelectElement).value as ProfileKey)}>
          {profiles.map((p) => (
            <option key={p.key} value={p.key}>
              {p.profile.institution.name}
            </option>
          ))}
        </select>
        {key && (
          <a href={letterUrl(key)} target="_blank" rel="noreferrer">
            {t('edOptionsOpenLetter')}
          </a>
        )}
      </p>
    </section>
  );
}
