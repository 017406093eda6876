import type { Translate } from '../lib/i18n';
import { PLATFORM_NAME } from '../lib/platforms';
import { plural } from '../lib/plural';
import type { PolicyHost, PolicyReading } from '../lib/policy';
import { PolicyActivation } from './PolicyActivation';
import { ProblemList } from './Problems';
import { roleName } from './RolePicker';

interface Props {
  t: Translate;
  reading: PolicyReading;
  /** Policy hosts not switched on yet. */
  pending: readonly PolicyHost[];
  onSwitchOn(hosts: readonly PolicyHost[]): Promise<boolean>;
}

/**
 * "Set by your school": what the admin policy sets and every problem in it with its path, in
 * words for the school's IT. Shown only in a browser where the policy sets anything.
 */
export function PolicySection({ t, reading, pending, onSwitchOn }: Props) {
  const { policy, problems, keys } = reading;
  if (keys.length === 0) return null;
  const waiting = new Set(pending.map((h) => h.origin));
  return (
    <section aria-labelledby="policy-heading" data-testid="policy">
      <h2 id="policy-heading">{t('policyHeading')}</h2>
      <p>{t('policyIntro')}</p>
      <dl class="policy-sets">
        {policy.profiles.length > 0 && (
          <>
            <dt>{t('policySetsProfiles')}</dt>
            <dd>
              <ul data-testid="policy-profiles">
                {policy.profiles.map((p) => (
                  <li key={p.id} data-profile={p.id}>
                    <bdi>{p.institution.name}</bdi> <span class="muted">(v{p.version})</span>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {policy.hosts.length > 0 && (
          <>
            <dt>{t('policySetsHosts')}</dt>
            <dd>
              <ul data-testid="policy-hosts">
                {policy.hosts.map((h) => (
                  <li key={h.origin} data-origin={h.origin} data-state={waiting.has(h.origin) ? 'pending' : 'active'}>
                    <code>{h.host}</code> <span class="muted">({h.platform ? t(PLATFORM_NAME[h.platform]) : t('policyHostDetected')})</span>:{' '}
                    {waiting.has(h.origin) ? t('policyHostPending') : t('policyHostActive')}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {policy.role && (
          <>
            <dt>{t('policySetsRole')}</dt>
            <dd data-testid="policy-role">{t(policy.roleLocked ? 'policyRoleLocked' : 'policyRoleDefault', roleName(t, policy.role))}</dd>
          </>
        )}
        {policy.hideSchoolPicker && <dd data-testid="policy-hide-picker">{t('policyHidePicker')}</dd>}
      </dl>
      <PolicyActivation t={t} pending={pending} onSwitchOn={onSwitchOn} />
      {problems.length > 0 ? (
        <div data-testid="policy-problems">
          <p class="error">{plural(t, 'policyProblems', problems.length)}</p>
          <ProblemList t={t} problems={problems} whole="policyWhole" />
        </div>
      ) : (
        <p class="ok">{t('policyNoProblems')}</p>
      )}
    </section>
  );
}
