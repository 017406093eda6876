import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Summary } from '../../components/Summary';
import { t } from '../../lib/i18n';
import type { Profile } from '../../lib/profiles/schema';
import { loadProfileChoice } from '../../lib/state/profiles';

const lang = t('htmlLang') === 'en' ? 'en' : 'de';

/** The whole summary of one profile, every section open, ready to print for parents. */
function App() {
  const [profile, setProfile] = useState<Profile | null | undefined>(undefined);

  useEffect(() => {
    const id = new URLSearchParams(location.search).get('profile');
    void loadProfileChoice().then((choice) => {
      const found = choice.profiles.find((p) => p.id === id) ?? (choice.policy?.find((p) => p.id === id) ?? null);
      setProfile(found);
      if (found) document.title = `${found.institution.name} – ${t('summaryTitle')}`;
    });
  }, []);

  if (profile === undefined) return null;
  if (profile === null) return <p>{t('pickerNone')}</p>;
  return (
    <main>
      <h1>{profile.institution.name}</h1>
      <p class="no-print">
        <button type="button" class="primary" onClick={() => window.print()}>
          {t('summaryPrint')}
        </button>
      </p>
      <Summary t={t} lang={lang} profile={profile} expanded />
    </main>
  );
}

document.documentElement.lang = lang;
render(<App />, document.getElementById('app')!);
