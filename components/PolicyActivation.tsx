import { useState } from 'preact/hooks';
import type { Translate } from '../lib/i18n';
import type { PolicyHost } from '../lib/policy';

/** "meet.schule.de und bbb.schule.de": hosts as one phrase in the reader's language. */
export function hostList(t: Translate, hosts: readonly PolicyHost[]): string {
  const names = hosts.map((h) => h.host);
  try {
    return new Intl.ListFormat(t('htmlLang') || 'de', { type: 'conjunction' }).format(names);
  } catch {
    return names.join(', ');
  }
}

interface Props {
  t: Translate;
  /** Policy hosts not switched on yet. */
  pending: readonly PolicyHost[];
  /**
   * Asks for all of them in one permission prompt. Called straight from the click: the browser
   * shows a prompt only during the user's gesture.
   */
  onSwitchOn(hosts: readonly PolicyHost[]): Promise<boolean>;
}

type State = { kind: 'waiting' } | { kind: 'done'; hosts: readonly PolicyHost[] } | { kind: 'denied' };

/**
 * The one click a managed browser needs: browsers grant host permissions only on a user's
 * gesture, also to extensions an admin installed (docs/admin.md).
 */
export function PolicyActivation({ t, pending, onSwitchOn }: Props) {
  const [state, setState] = useState<State>({ kind: 'waiting' });
  if (state.kind === 'done') {
    return (
      <p class="ok" role="status" data-testid="policy-activation-done">
        {t('policyActivateDone', hostList(t, state.hosts))}
      </p>
    );
  }
  if (pending.length === 0) return null;
  const onClick = () => {
    const hosts = [...pending];
    onSwitchOn(hosts)
      .then((granted) => setState(granted ? { kind: 'done', hosts } : { kind: 'denied' }))
      .catch(() => setState({ kind: 'denied' }));
  };
  return (
    <section class="note policy-activation" data-testid="policy-activation" aria-live="polite">
      <button type="button" class="primary" onClick={onClick} aria-describedby="kl-policy-why">
        {t('policyActivate', hostList(t, pending))}
      </button>
      <p id="kl-policy-why" class="muted">
        {t('policyActivateWhy')}
      </p>
      {state.kind === 'denied' && <p class="error">{t('policyActivateDenied')}</p>}
    </section>
  );
}
