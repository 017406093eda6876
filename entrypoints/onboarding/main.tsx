import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { PolicyActivation } from '../../components/PolicyActivation';
import { RolePicker, roleName } from '../../components/RolePicker';
import { t } from '../../lib/state/i18n';
import type { Role } from '../../lib/messages';
import type { PolicyHost } from '../../lib/policy';
import { effectiveRole, loadPolicy, pendingPolicyHosts, switchOnPolicyHosts } from '../../lib/state/managed';
import { roleSetting } from '../../lib/state/storage';

/**
 * First run: who uses this browser (student is the default until someone chooses, or the
 * school's policy sets it), and in a managed browser the one click that switches on the
 * school's conference sites.
 */
function App() {
  const [role, setRole] = useState<Role>('student');
  const [locked, setLocked] = useState(false);
  const [saved, setSaved] = useState(false);
  const [pending, setPending] = useState<PolicyHost[]>([]);

  useEffect(() => {
    void (async () => {
      const reading = await loadPolicy();
      const [state, waiting] = await Promise.all([effectiveRole(reading), pendingPolicyHosts(reading.policy.hosts)]);
      setRole(state.role);
      setLocked(state.locked);
      setPending(waiting);
    })();
  }, []);

  const onChange = (value: Role) => {
    if (locked) return;
    setRole(value);
    void roleSetting.setValue(value).then(() => setSaved(true));
  };

  return (
    <main>
      <p class="muted">{t('onboardingTitle')}</p>
      <PolicyActivation t={t} pending={pending} onSwitchOn={switchOnPolicyHosts} />
      <RolePicker t={t} role={role} onChange={onChange} level={1} locked={locked} />
      <p role="status" class="ok">
        {saved ? `${t('roleSaved', roleName(t, role))} ${t('onboardingDone')}` : ''}
      </p>
    </main>
  );
}

document.documentElement.lang = t('htmlLang');
render(<App />, document.getElementById('app')!);
