import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { downloadProfile } from '../../components/download';
import { EditorLinks } from '../../components/EditorLinks';
import { PolicySection } from '../../components/PolicySection';
import { ProfileImport } from '../../components/ProfileImport';
import { ProfilesSettings } from '../../components/ProfilesSettings';
import { RolePicker, roleName } from '../../components/RolePicker';
import { SitesSettings } from '../../components/SitesSettings';
import { StorageRepair } from '../../components/StorageRepair';
import type { Role } from '../../lib/messages';
import { BUNDLED_PROFILES } from '../../lib/profiles/bundled';
import { keyedProfiles } from '../../lib/profiles/key';
import { mergeProfiles } from '../../lib/profiles/match';
import type { Profile } from '../../lib/profiles/schema';
import { EMPTY_POLICY, type PolicyHost, type PolicyReading } from '../../lib/policy';
import { t } from '../../lib/state/i18n';
import { effectiveRole, loadPolicy, pendingPolicyHosts, switchOnPolicyHosts, watchPolicy } from '../../lib/state/managed';
import { loadImportedProfiles, removeImportedProfile, saveImportedProfile, watchImportedProfiles } from '../../lib/state/profiles';
import { findDamage, repairDamage } from '../../lib/state/repair';
import { switchOffSite, switchOnSite } from '../../lib/state/sites';
import type { Damage } from '../../lib/state/store';
import { roleSetting, userSites } from '../../lib/state/storage';
import { profilePageUrl } from '../../lib/state/pages';

/** Imported profiles and everything stored that cannot be read. */
async function readState(): Promise<{ imported: Profile[]; damaged: Damage[] }> {
  const [{ profiles, damaged }, others] = await Promise.all([loadImportedProfiles(), findDamage()]);
  return { imported: profiles, damaged: [...damaged, ...others] };
}

function App() {
  const [sites, setSites] = useState<readonly string[]>([]);
  const [imported, setImported] = useState<Profile[]>([]);
  const [damaged, setDamaged] = useState<readonly Damage[]>([]);
  const [repaired, setRepaired] = useState(false);
  const [role, setRole] = useState<Role>('student');
  const [roleLocked, setRoleLocked] = useState(false);
  const [roleSaved, setRoleSaved] = useState(false);
  const [policy, setPolicy] = useState<PolicyReading>({ policy: EMPTY_POLICY, problems: [], keys: [] });
  const [pending, setPending] = useState<PolicyHost[]>([]);

  const refresh = () =>
    readState().then((state) => {
      setImported(state.imported);
      setDamaged(state.damaged);
    });

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
    void refresh();
    const unwatchSites = userSites.watch(setSites);
    const unwatchProfiles = watchImportedProfiles(() => void refresh());
    return () => {
      unwatchPolicy();
      unwatchSites();
      unwatchProfiles();
    };
  }, []);

  const repair = async (damage?: Damage) => {
    await repairDamage(damage);
    setRepaired(true);
    await refresh();
    setRole((await effectiveRole()).role);
  };

  const onSwitchOnPolicy = async (hosts: readonly PolicyHost[]) => {
    const granted = await switchOnPolicyHosts(hosts);
    if (granted) setPending(await pendingPolicyHosts(policy.policy.hosts));
    return granted;
  };

  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <StorageRepair t={t} damaged={damaged} repaired={repaired} onRemove={(d) => void repair(d)} onRepairAll={() => void repair()} />
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
        onExport={downloadProfile}
        onRemove={(p) => void removeImportedProfile(p.id)}
      />
      <ProfileImport t={t} onImport={saveImportedProfile} bundledName={(id) => BUNDLED_PROFILES.find((p) => p.id === id)?.institution.name} />
      <EditorLinks
        t={t}
        profiles={keyedProfiles({ bundled: BUNDLED_PROFILES, imported, policy: policy.policy.profiles })}
        editorUrl={browser.runtime.getURL('/editor.html')}
        letterUrl={(key) => profilePageUrl('/letter.html', key)}
      />
      <SitesSettings t={t} sites={sites} onAdd={switchOnSite} onRemove={switchOffSite} />
    </main>
  );
}

document.documentElement.lang = t('htmlLang');
render(<App />, document.getElementById('app')!);
