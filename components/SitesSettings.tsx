import { useState } from 'preact/hooks';
import type { Translate } from '../lib/i18n';
import { parseSite } from '../lib/sites';

interface Props {
  t: Translate;
  sites: readonly string[];
  /** Asks the browser for the site's permission and registers it; false when refused. */
  onAdd(origin: string, pattern: string): Promise<boolean>;
  onRemove(origin: string): Promise<void>;
}

type Notice = { kind: 'error' | 'ok'; text: string } | null;

const host = (origin: string) => new URL(origin).host;

/** Options: the conference sites a user switched the extension on for. */
export function SitesSettings({ t, sites, onAdd, onRemove }: Props) {
  const [input, setInput] = useState('');
  const [notice, setNotice] = useState<Notice>(null);

  const add = async (event: Event) => {
    event.preventDefault();
    const parsed = parseSite(input);
    if (!parsed.ok) {
      const key = parsed.error === 'empty' ? 'sitesErrorEmpty' : parsed.error === 'scheme' ? 'sitesErrorScheme' : 'sitesErrorInvalid';
      setNotice({ kind: 'error', text: t(key) });
      return;
    }
    if (await onAdd(parsed.origin, parsed.pattern)) {
      setInput('');
      setNotice({ kind: 'ok', text: t('sitesAdded', host(parsed.origin)) });
    } else {
      setNotice({ kind: 'error', text: t('sitesErrorDenied') });
    }
  };

  return (
    <section aria-labelledby="sites-heading" data-testid="sites">
      <h2 id="sites-heading">{t('sitesHeading')}</h2>
      <p>{t('sitesIntro')}</p>
      {sites.length === 0 ? (
        <p class="muted">{t('sitesEmpty')}</p>
      ) : (
        <ul class="list">
          {sites.map((origin) => (
            <li key={origin}>
              <span>{host(origin)}</span>
              <button
                type="button"
                onClick={async () => {
                  await onRemove(origin);
                  setNotice({ kind: 'ok', text: t('sitesRemoved', host(origin)) });
                }}
              >
                {t('sitesRemove', host(origin))}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} noValidate>
        <label for="site-input">{t('sitesInputLabel')}</label>
        <div class="row">
          <input
            id="site-input"
            type="text"
            inputMode="url"
            autoComplete="url"
            spellcheck={false}
            value={input}
            aria-invalid={notice?.kind === 'error'}
            aria-describedby="site-notice"
            onInput={(e) => setInput((e.target as HTMLInputElement).value)}
          />
          <button type="submit" class="primary">
            {t('sitesAdd')}
          </button>
        </div>
      </form>
      <p id="site-notice" role="status" class={notice?.kind ?? ''}>
        {notice?.text ?? ''}
      </p>
    </section>
  );
}
