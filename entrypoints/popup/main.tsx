import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Popup, type PopupStatus } from '../../components/Popup';
import { EMPTY_POLICY, type Policy, type PolicyHost } from '../../lib/policy';
import type { ProfileKey } from '../../lib/profiles/key';
import { keyOf, type Match, type ProfileChoice } from '../../lib/profiles/match';
import type { Profile } from '../../lib/profiles/schema';
import { parseSite } from '../../lib/sites';
import { loadPolicy, pendingPolicyHosts, switchOnPolicyHosts } from '../../lib/state/managed';
import { t } from '../../lib/state/i18n';
import { confirmSchoolSite, forgetSchoolSite, loadProfile, loadProfileChoice, resolveAndLoad } from '../../lib/state/profiles';
import { switchOnSite } from '../../lib/state/sites';
import { chosenSchool } from '../../lib/state/storage';
import { profilePageUrl } from '../../lib/state/pages';
import type { FrameReport } from '../../lib/tabs';
import { activeTab, checkOnce, knownConference } from './conference';

const lang = t('htmlLang') === 'en' ? 'en' : 'de';

/** The summary the popup shows, read whole, and why it applies. */
interface Shown {
  profile: Profile | null;
  key: ProfileKey | null;
  match: Match | null;
}

/**
 * The conference's profile where there is one (read whole only now, the list holds cards), else
 * the school the user chose, else the school's policy profile.
 */
async function shownFor(choice: ProfileChoice, conference: FrameReport | null): Promise<Shown> {
  if (conference) {
    const match = await resolveAndLoad(new URL(conference.url), conference.detection.platform, choice);
    return { profile: match?.profile ?? null, key: match?.key ?? null, match };
  }
  const chosen = choice.profiles.find((p) => p.id === choice.chosenId);
  if (!chosen && choice.policy?.[0]) return { profile: choice.policy[0], key: keyOf(choice, choice.policy[0]), match: null };
  const key = chosen ? keyOf(choice, chosen) : null;
  return { profile: key ? await loadProfile(key) : null, key, match: null };
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
  const [shown, setShown] = useState<Shown>({ profile: null, key: null, match: null });
  const [policy, setPolicy] = useState<Policy>(EMPTY_POLICY);
  const [policyPending, setPolicyPending] = useState<PolicyHost[]>([]);

  useEffect(() => {
    void loadPolicy().then(async ({ policy: read }) => {
      setPolicy(read);
      setPolicyPending(await pendingPolicyHosts(read.hosts));
    });
    (async () => {
      const loaded = loadProfileChoice();
      const tab = await activeTab();
      setChoice(await loaded);
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

  const checking = status.kind === 'checking';
  useEffect(() => {
    if (checking) return;
    let current = true;
    void shownFor(choice, conference).then((next) => {
      if (current) setShown(next);
    });
    return () => {
      current = false;
    };
  }, [checking, choice, conference]);

  // Each choice shows once it is stored: the popup may close at any moment after the click.
  const onChoose = (id: string) => {
    void chosenSchool.setValue(id).then(() => setChoice((now) => ({ ...now, chosenId: id })));
  };

  const origin = conference ? new URL(conference.url).origin : null;
  const { match } = shown;

  const onConfirm = () => {
    const id = match?.chosenElsewhere?.id;
    if (!origin || !id) return;
    void confirmSchoolSite(origin, id).then(() => setChoice((now) => ({ ...now, confirmed: { ...now.confirmed, [origin]: id } })));
  };

  const onForget = () => {
    if (!origin) return;
    void forgetSchoolSite(origin).then(() =>
      setChoice((now) => {
        const { [origin]: _, ...rest } = now.confirmed ?? {};
        return { ...now, confirmed: rest };
      }),
    );
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
      profile={checking ? null : shown.profile}
      match={checking ? null : match}
      profiles={choice.profiles}
      chosenId={choice.chosenId ?? null}
      fullUrl={shown.key ? profilePageUrl('/summary.html', shown.key) : undefined}
      letterUrl={shown.key ? profilePageUrl('/letter.html', shown.key) : undefined}
      onChoose={onChoose}
      onAlwaysOn={onAlwaysOn}
      onConfirm={onConfirm}
      onForget={onForget}
      policyPending={policyPending}
      onSwitchOnPolicy={switchOnPolicyHosts}
      hidePicker={policy.hideSchoolPicker && policy.profiles.length > 0}
      isImported={(p) => choice.importedIds?.has(p.id) ?? false}
    />
  );
}

document.documentElement.lang = lang;
render(<App />, document.getElementById('app')!);
