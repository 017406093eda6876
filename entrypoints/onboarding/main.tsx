import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { RolePicker, roleName } from '../../components/RolePicker';
import { t } from '../../lib/state/i18n';
import type { Role } from '../../lib/messages';
import { roleSetting } from '../../lib/state/storage';

/** First run: who uses this browser. Student is the default until someone chooses. */
function App() {
  const [role, setRole] = useState<Role>('student');
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void roleSetting.getValue().then(setRole);
  }, []);

  const onChange = (value: Role) => {
    setRole(value);
    void roleSetting.setValue(value).then(() => setSaved(true));
  };

  return (
    <main>
      <p class="muted">{t('onboardingTitle')}</p>
      <RolePicker t={t} role={role} onChange={onChange} level={1} />
      <p role="status" class="ok">
        {saved ? `${t('roleSaved', roleName(t, role))} ${t('onboardingDone')}` : ''}
      </p>
    </main>
  );
}

document.documentElement.lang = t('htmlLang');
render(<App />, document.getElementById('app')!);
