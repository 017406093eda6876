import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { PolicySection } from '../../components/PolicySection';
import { ProfileImport } from '../../components/ProfileImport';
import { ProfilesSettings } from '../../components/ProfilesSettings';
import { RolePicker, roleName } from '../../components/RolePicker';
import { SitesSettings } from '../../components/SitesSettings';
import { t } from '../../lib/i18n';
import type { Role } from '../../lib/messages';
import { BUNDLED_PROFILES } from '../../lib/profiles/bundled';
import { mergeProfiles } from '../../lib/profiles/match';
import type { Profile } from '../../lib/profiles/schema';
import { EMPTY_POLICY, type PolicyHost, type PolicyReading } from '../../lib/policy';
import { effectiveRole, loadPolicy, pendingPolicyHosts, switchOnPolicyHosts, watchPolicy } from '../../lib/state/managed';
import { saveImportedProfile } from '../../lib/state/profiles';
import { switchOffSite, switchOnSite } from '../../lib/state/sites';
import { importedProfiles, roleSetting, userSites } from '../../lib/state/storage';

/** Saves the profile as a JSON file. */
function download(profile: Profile) {
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(profile, null, 2)}\n`], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${profile.id}.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function App() {
  const [sites, setSites] = useState<readonly string[]>([]);
  const [imported, setImported] = useState<Profile[]>([]);
  const [role, setRole] = useState<Role>('student');
  const [roleLocked, setRoleLocked] = useState(false);
  const [roleSaved, setRoleSaved] = useState(false);
  const [policy, setPolicy] = useState<PolicyReading>({ policy: EMPTY_POLICY, problems: [], keys: [] });
  const [pending, setPending] = useState<PolicyHost[]>([]);

  useEffect(() => {
    // The school's policy: what it sets, its problems, and the role it may lock.
    const readPolicy = async () => {
      const reading = await loadPolicy();
      const [state, waiting] = await Promise.all([effectiveRole(reading), pendingPolicyHosts(reading.policy.hosts)]);
      setPolicy(reading);
      setPending(waiting);
      setRole(state.role);
      setRoleLocked(state.locked);
    };
    void readPolicy();
    const unwatchPolicy = watchPolicy(() => void readPolicy());
    void userSites.getValue().then(setSites);
    void importedProfiles.getValue().then(setImported);
    const unwatchSites = userSites.watch((value) => setSites(value ?? []));
    const unwatchProfiles = importedProfiles.watch((value) => setImported(value ?? []));
    return () => {
      unwatchPolicy();
      unwatchSites();
      unwatchProfiles();
    };
  }, []);

  const onSwitchOnPolicy = async (hosts: readonly PolicyHost[]) => {
    const granted = await switchOnPolicyHosts(hosts);
    if (granted) setPending(await pendingPolicyHosts(policy.policy.hosts));
    return granted;
  };

  const onRemoveProfile = async (profile: Profile) => {
    await importedProfiles.setValue((await importedProfiles.getValue()).filter((p) => p.id !== profile.id));
  };

  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <PolicySection t={t} reading={policy} pending={pending} onSwitchOn={onSwitchOnPolicy} />
      <RolePicker
        t={t}
        role={role}
        level={2}
        locked={roleLocked}
        onChange={(value) => {
          if (roleLocked) return;
          setRole(value);
          void roleSetting.setValue(value).then(() => setRoleSaved(true));
        }}
      />
      <p role="status" class="ok">
        {roleSaved ? t('roleSaved', roleName(t, role)) : ''}
      </p>
      <ProfilesSettings
        t={t}
        profiles={mergeProfiles(BUNDLED_PROFILES, imported)}
        importedIds={new Set(imported.map((p) => p.id))}
        onExport={download}
        onRemove={(p) => void onRemoveProfile(p)}
      />
      <ProfileImport t={t} onImport={saveImportedProfile} bundledName={(id) => BUNDLED_PROFILES.find((p) => p.id === id)?.institution.name} />
      <SitesSettings t={t} sites={sites} onAdd={switchOnSite} onRemove={switchOffSite} />
    </main>
  );
}

document.documentElement.lang = t('htmlLang');
render(<App />, document.getElementById('app')!);
