import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { EditorLinks } from '../../components/EditorLinks';
import { ProfileImport } from '../../components/ProfileImport';
import { ProfilesSettings } from '../../components/ProfilesSettings';
import { RolePicker, roleName } from '../../components/RolePicker';
import { SitesSettings } from '../../components/SitesSettings';
import { t } from '../../lib/i18n';
import type { Role } from '../../lib/messages';
import { BUNDLED_PROFILES } from '../../lib/profiles/bundled';
import { keyedProfiles } from '../../lib/profiles/key';
import { mergeProfiles } from '../../lib/profiles/match';
import type { Profile } from '../../lib/profiles/schema';
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
  const [roleSaved, setRoleSaved] = useState(false);

  useEffect(() => {
    void roleSetting.getValue().then(setRole);
    void userSites.getValue().then(setSites);
    void importedProfiles.getValue().then(setImported);
    const unwatchSites = userSites.watch((value) => setSites(value ?? []));
    const unwatchProfiles = importedProfiles.watch((value) => setImported(value ?? []));
    return () => {
      unwatchSites();
      unwatchProfiles();
    };
  }, []);

  const onImport = async (profile: Profile) => {
    const current = await importedProfiles.getValue();
    await importedProfiles.setValue([...current.filter((p) => p.id !== profile.id), profile]);
  };

  const onRemoveProfile = async (profile: Profile) => {
    await importedProfiles.setValue((await importedProfiles.getValue()).filter((p) => p.id !== profile.id));
  };

  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <RolePicker
        t={t}
        role={role}
        level={2}
        onChange={(value) => {
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
      <ProfileImport t={t} onImport={onImport} />
      <EditorLinks
        t={t}
        profiles={keyedProfiles({ bundled: BUNDLED_PROFILES, imported, policy: [] })}
        editorUrl={browser.runtime.getURL('/editor.html')}
        letterUrl={(key) => `${browser.runtime.getURL('/letter.html')}?profile=${encodeURIComponent(key)}`}
      />
      <SitesSettings t={t} sites={sites} onAdd={switchOnSite} onRemove={switchOffSite} />
    </main>
  );
}

document.documentElement.lang = t('htmlLang');
render(<App />, document.getElementById('app')!);
