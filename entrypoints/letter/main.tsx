import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Letter } from '../../components/Letter';
import { t } from '../../lib/state/i18n';
import { findProfile, type KeyedProfile } from '../../lib/profiles/key';
import { loadProfileSources } from '../../lib/state/editor';

const lang = t('htmlLang') === 'en' ? 'en' : 'de';

/** The parents' letter of one profile (`?profile=<key>`), ready to print on A4. */
function App() {
  const [found, setFound] = useState<KeyedProfile | null | undefined>(undefined);

  useEffect(() => {
    const key = new URLSearchParams(location.search).get('profile');
    void loadProfileSources().then((sources) => {
      const result = findProfile(sources, key);
      setFound(result);
      if (result) document.title = `${result.profile.institution.name} – ${t('letterTitle')}`;
    });
  }, []);

  if (found === undefined) return null;
  return (
    <main>
      {found ? (
        <>
          <div class="no-print toolbar">
            <button type="button" class="primary" onClick={() => window.print()}>
              {t('summaryPrint')}
            </button>
            <p class="hint">{t('letterPrintHint')}</p>
          </div>
          <Letter t={t} lang={lang} profile={found.profile} />
        </>
      ) : (
        <>
          <h1>{t('letterTitle')}</h1>
          <p>{t('letterNotFound')}</p>
        </>
      )}
    </main>
  );
}

document.documentElement.lang = lang;
document.title = t('letterTitle');
render(<App />, document.getElementById('app')!);
