import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SitesSettings } from '../../components/SitesSettings';
import { t } from '../../lib/i18n';
import type { SiteMessage } from '../../lib/messages';
import { userSites } from '../../lib/state/storage';

function App() {
  const [sites, setSites] = useState<readonly string[]>([]);

  useEffect(() => {
    void userSites.getValue().then(setSites);
    return userSites.watch((value) => setSites(value ?? []));
  }, []);

  const onAdd = async (origin: string, pattern: string) => {
    // Asked right in the submit: the browser shows its prompt only for a user gesture.
    if (!(await browser.permissions.request({ origins: [pattern] }))) return false;
    const message: SiteMessage = { type: 'kl:add-site', origin };
    return Boolean(await browser.runtime.sendMessage(message));
  };

  const onRemove = async (origin: string) => {
    const message: SiteMessage = { type: 'kl:remove-site', origin };
    await browser.runtime.sendMessage(message);
  };

  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <SitesSettings t={t} sites={sites} onAdd={onAdd} onRemove={onRemove} />
    </main>
  );
}

document.documentElement.lang = t('htmlLang');
render(<App />, document.getElementById('app')!);
