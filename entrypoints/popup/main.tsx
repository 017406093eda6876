import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Popup, type PopupStatus } from '../../components/Popup';
import { t } from '../../lib/i18n';
import { parseSite } from '../../lib/sites';
import { findConference, switchOnAlways } from './conference';

function App() {
  const [status, setStatus] = useState<PopupStatus>({ kind: 'checking' });
  const [site, setSite] = useState<{ origin: string; pattern: string } | null>(null);

  useEffect(() => {
    (async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      const parsed = tab?.url ? parseSite(tab.url) : null;
      if (tab?.id === undefined || !parsed?.ok) return setStatus({ kind: 'cannot-check' });
      const detection = await findConference(tab.id);
      if (!detection) return setStatus({ kind: 'nothing' });
      const enabled = await browser.permissions.contains({ origins: [parsed.pattern] });
      setSite(parsed);
      setStatus({ kind: 'found', detection, host: new URL(parsed.origin).host, alwaysOn: enabled ? 'yes' : 'no' });
    })().catch(() => setStatus({ kind: 'cannot-check' }));
  }, []);

  const onAlwaysOn = () => {
    if (status.kind !== 'found' || !site) return;
    switchOnAlways(site.origin, site.pattern)
      .then((added) => setStatus({ ...status, alwaysOn: added ? 'done' : 'denied' }))
      .catch(() => setStatus({ ...status, alwaysOn: 'denied' }));
  };

  return <Popup t={t} status={status} onAlwaysOn={onAlwaysOn} />;
}

document.documentElement.lang = t('htmlLang');
render(<App />, document.getElementById('app')!);
