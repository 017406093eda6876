import { useEffect, useRef } from 'preact/hooks';
import type { Translate } from '../lib/i18n';
import { JOIN_RULES } from '../lib/rules/reminders';

interface Props {
  t: Translate;
  platformName: string;
  onClose(): void;
}

/** The join notice: a short privacy note and the three rules. Non-modal, never blocks the page. */
export function JoinNotice({ t, platformName, onClose }: Props) {
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    dialog.current?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };

  return (
    <div
      ref={dialog}
      class="notice"
      role="dialog"
      aria-modal="false"
      aria-labelledby="kl-notice-title"
      aria-describedby="kl-notice-intro"
      tabIndex={-1}
      data-testid="notice"
      onKeyDown={onKeyDown}
    >
      <div class="notice-head">
        <h2 id="kl-notice-title">{t('noticeTitle')}</h2>
        <button type="button" class="icon-button" aria-label={t('noticeClose')} onClick={onClose}>
          <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
            <path d="M3 3l10 10M13 3L3 13" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
          </svg>
        </button>
      </div>
      <p id="kl-notice-intro">{t('noticeIntro', platformName)}</p>
      <p>{t('noticeAskSchool')}</p>
      <h3>{t('rulesHeading')}</h3>
      <ol class="rules">
        {JOIN_RULES.map((rule) => (
          <li key={rule.id} data-rule={rule.id}>
            {t(rule.text)}
          </li>
        ))}
      </ol>
      <button type="button" class="primary" onClick={onClose}>
        {t('noticeAck')}
      </button>
    </div>
  );
}
