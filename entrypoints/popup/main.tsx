import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Popup, type PopupStatus } from '../../components/Popup';
import { t } from '../../lib/i18n';
import { resolveProfile, type ProfileChoice } from '../../lib/profiles/match';
import type { Profile } from '../../lib/profiles/schema';
import { parseSite } from '../../lib/sites';
import { loadProfileChoice } from '../../lib/state/profiles';
import { chosenSchool } from '../../lib/state/storage';
import type { FrameReport } from '../../lib/tabs';
import { switchOnSite } from '../../lib/state/sites';
import { activeTab, checkOnce, knownConference } from './conference';

const lang = t('htmlLang') === 'en' ? 'en' : 'de';
const fullUrl = (id: string) => `${browser.runtime.getURL('/summary.html')}?profile=${encodeURIComponent(id)}`;

/** The conference's profile where there is one, else the school the user chose. */
function profileFor(choice: ProfileChoice, conference: FrameReport | null): Profile | null {
  if (conference) return resolveProfile(new URL(conference.url), conference.detection.platform, choice)?.profile ?? null;
  return choice.profiles.find((p) => p.id === choice.chosenId) ?? null;
}

/** What the popup speaks about: the conference the tab shows, checked once if need be. */
async function conferenceOf(tabId: number, tabUrl: string | undefined): Promise<FrameReport | null | 'cannot-check'> {
  const known = await knownConference(tabId);
  if (known) return known;
  if (!tabUrl || !parseSite(tabUrl).ok) return 'cannot-check';
  return checkOnce(tabId);
}

function App() {
  const [status, setStatus] = useState<PopupStatus>({ kind: 'checking' });
  const [choice, setChoice] = useState<ProfileChoice>({ profiles: [] });
  const [conference, setConference] = useState<FrameReport | null>(null);

  useEffect(() => {
    (async () => {
      setChoice(await loadProfileChoice());
      const tab = await activeTab();
      if (tab?.id === undefined) return setStatus({ kind: 'cannot-check' });
      const found = await conferenceOf(tab.id, tab.url);
      if (found === 'cannot-check') return setStatus({ kind: 'cannot-check' });
      if (!found) return setStatus({ kind: 'nothing' });
      const site = parseSite(found.url);
      const enabled = site.ok && (await browser.permissions.contains({ origins: [site.pattern] }));
      setConference(found);
      setStatus({ kind: 'found', detection: found.detection, host: new URL(found.url).host, alwaysOn: enabled || !site.ok ? 'yes' : 'no' });
    })().catch(() => setStatus({ kind: 'cannot-check' }));
  }, []);

  const onChoose = (id: string) => {
    setChoice({ ...choice, chosenId: id });
    void chosenSchool.setValue(id);
  };

  const onAlwaysOn = () => {
    const site = conference ? parseSite(conference.url) : null;
    if (status.kind !== 'found' || !site?.ok) return;
    switchOnSite(site.origin, site.pattern)
      .then((added) => setStatus({ ...status, alwaysOn: added ? 'done' : 'denied' }))
      .catch(() => setStatus({ ...status, alwaysOn: 'denied' }));
  };

  return (
    <Popup
      t={t}
      lang={lang}
      status={status}
      profile={status.kind === 'checking' ? null : profileFor(choice, conference)}
      profiles={choice.profiles}
      chosenId={choice.chosenId ?? null}
      fullUrl={fullUrl}
      onChoose={onChoose}
      onAlwaysOn={onAlwaysOn}
    />
  );
}

document.documentElement.lang = lang;
render(<App />, document.getElementById('app')!);
