import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Popup, type PopupStatus } from '../../components/Popup';
import { t } from '../../lib/i18n';
import { EMPTY_POLICY, type Policy, type PolicyHost } from '../../lib/policy';
import { BUNDLED_PROFILES } from '../../lib/profiles/bundled';
import { resolveProfile, type Match, type ProfileChoice } from '../../lib/profiles/match';
import type { Profile } from '../../lib/profiles/schema';
import { loadPolicy, pendingPolicyHosts, switchOnPolicyHosts } from '../../lib/state/managed';
import { parseSite } from '../../lib/sites';
import { confirmSchoolSite, forgetSchoolSite, loadProfileChoice } from '../../lib/state/profiles';
import { chosenSchool } from '../../lib/state/storage';
import type { FrameReport } from '../../lib/tabs';
import { switchOnSite } from '../../lib/state/sites';
import { activeTab, checkOnce, knownConference } from './conference';

const lang = t('htmlLang') === 'en' ? 'en' : 'de';
const fullUrl = (id: string) => `${browser.runtime.getURL('/summary.html')}?profile=${encodeURIComponent(id)}`;

/** Which profile applies to the tab's conference, and why. */
function matchFor(choice: ProfileChoice, conference: FrameReport | null): Match | null {
  return conference ? resolveProfile(new URL(conference.url), conference.detection.platform, choice) : null;
}

/** The conference's profile where there is one, else the school the user chose, else the school's policy profile. */
function profileFor(choice: ProfileChoice, conference: FrameReport | null): Profile | null {
  if (conference) return matchFor(choice, conference)?.profile ?? null;
  return choice.profiles.find((p) => p.id === choice.chosenId) ?? choice.policy?.[0] ?? null;
}

/** Bundled profiles are the ones built in; every other one in the list was imported. */
const isImported = (profile: Profile) => !BUNDLED_PROFILES.includes(profile);

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
  const [policy, setPolicy] = useState<Policy>(EMPTY_POLICY);
  const [policyPending, setPolicyPending] = useState<PolicyHost[]>([]);

  useEffect(() => {
    void loadPolicy().then(async ({ policy: read }) => {
      setPolicy(read);
      setPolicyPending(await pendingPolicyHosts(read.hosts));
    });
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

  const origin = conference ? new URL(conference.url).origin : null;
  const match = status.kind === 'checking' ? null : matchFor(choice, conference);

  const onConfirm = () => {
    const id = match?.chosenElsewhere?.id;
    if (!origin || !id) return;
    setChoice({ ...choice, confirmed: { ...choice.confirmed, [origin]: id } });
    void confirmSchoolSite(origin, id);
  };

  const onForget = () => {
    if (!origin) return;
    const { [origin]: _, ...rest } = choice.confirmed ?? {};
    setChoice({ ...choice, confirmed: rest });
    void forgetSchoolSite(origin);
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
      match={match}
      profiles={choice.profiles}
      chosenId={choice.chosenId ?? null}
      fullUrl={fullUrl}
      onChoose={onChoose}
      onAlwaysOn={onAlwaysOn}
      onConfirm={onConfirm}
      onForget={onForget}
      policyPending={policyPending}
      onSwitchOnPolicy={switchOnPolicyHosts}
      hidePicker={policy.hideSchoolPicker && policy.profiles.length > 0}
      isImported={isImported}
    />
  );
}

document.documentElement.lang = lang;
render(<App />, document.getElementById('app')!);
