import { useState } from 'preact/hooks';
import type { MessageKey, Translate } from '../../lib/i18n';
import { chromePolicy, firefoxPolicy } from '../../lib/editor/policy';
import type { Profile } from '../../lib/profiles/schema';

interface Props {
  t: Translate;
  /** The profile, where the draft passes the check; nothing to roll out before. */
  profile: Profile | null;
  extensionId: string;
  copy(text: string): Promise<void>;
}

function Snippet({ t, id, title, where, text, copy }: { t: Translate; id: string; title: MessageKey; where: MessageKey; text: string; copy: Props['copy'] }) {
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  return (
    <div class="snippet" data-testid={`policy-${id}`}>
      <h3 id={`${id}-title`}>{t(title)}</h3>
      <p class="hint" id={`${id}-where`}>
        {t(where)}
      </p>
      <textarea id={`${id}-text`} readOnly rows={10} spellcheck={false} aria-labelledby={`${id}-title`} aria-describedby={`${id}-where`} value={text} />
      <p class="row">
        <button
          type="button"
          onClick={() => {
            setCopied(null);
            copy(text).then(
              () => setCopied('ok'),
              () => setCopied('failed'),
            );
          }}
        >
          {t('edCopy', t(title))}
        </button>
        <span role="status" class={copied === 'failed' ? 'error' : 'ok'}>
          {copied === 'ok' ? t('edCopied') : copied === 'failed' ? t('edCopyFailed') : ''}
        </span>
      </p>
    </div>
  );
}

/** "For your IT department": the admin policy with this profile in it, for Chrome and for Firefox. */
export function PolicySnippet({ t, profile, extensionId, copy }: Props) {
  return (
    <section class="for-it" aria-labelledby="for-it-heading" data-testid="for-it">
      <h2 id="for-it-heading">{t('edForIt')}</h2>
      <p>{t('edForItIntro')}</p>
      {profile ? (
        <>
          <Snippet t={t} id="chrome" title="edPolicyChrome" where="edPolicyChromeWhere" text={chromePolicy(extensionId, profile)} copy={copy} />
          <Snippet t={t} id="firefox" title="edPolicyFirefox" where="edPolicyFirefoxWhere" text={firefoxPolicy(profile)} copy={copy} />
        </>
      ) : (
        <p class="muted">{t('edForItWaiting')}</p>
      )}
    </section>
  );
}
