import { useEffect, useRef } from 'preact/hooks';
import type { Translate } from '../lib/i18n';
import type { Profile } from '../lib/profiles/schema';
import { JOIN_RULES, NOTICE_INTRO } from '../lib/rules/reminders';
import { categoryNames, pick } from './Summary';
import { CloseButton } from './CloseButton';

interface Props {
  t: Translate;
  lang: 'de' | 'en';
  platformName: string;
  profile: Profile | null;
  onAcknowledge(): void;
  onClose(): void;
  onMore(): void;
}

/** The join notice: who is responsible, what is processed, how long it is kept, and the rules. */
export function JoinNotice({ t, lang, platformName, profile, onAcknowledge, onClose, onMore }: Props) {
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

  const notStated = t('noticeNotStated');
  const categories = profile?.dataCategories?.length ? categoryNames(t, profile) : null;
  const kept = profile?.retention?.[0] ? pick(profile.retention[0].text, lang) : null;
  const sanction = profile?.houseRules?.find((r) => r.rule === 'family-privacy')?.sanction;

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
      data-profile={profile ? `${profile.id}@${profile.version}` : ''}
      onKeyDown={onKeyDown}
    >
      <div class="notice-head">
        <h2 id="kl-notice-title">{t('noticeTitle')}</h2>
        <CloseButton label={t('noticeClose')} onClick={onClose} />
      </div>
      <p id="kl-notice-intro">{t(NOTICE_INTRO.text, platformName)}</p>
      <ul class="facts-short" data-testid="notice-facts">
        <li>{t('noticeResponsible', profile?.controller?.name ?? notStated)}</li>
        <li>{t('noticeProcessed', categories ?? notStated)}</li>
        <li>{t('noticeKept', kept ?? notStated)}</li>
      </ul>
      <h3>{t('rulesHeading')}</h3>
      <ol class="rules">
        {JOIN_RULES.map((rule) => (
          <li key={rule.id} data-rule={rule.id}>
            {t(rule.text)}
            {rule.id === 'family-privacy' && sanction && <span class="sanction"> {t('noticeSanction', pick(sanction, lang))}</span>}
          </li>
        ))}
      </ol>
      <details class="why">
        <summary>{t('noticeWhy')}</summary>
        <ul>
          <li>{t('lawRecording')}</li>
          <li>{t('lawImage')}</li>
          <li>{t('lawGdpr')}</li>
        </ul>
      </details>
      <div class="actions">
        <button type="button" class="primary" onClick={onAcknowledge}>
          {t('noticeAck')}
        </button>
        {profile && (
          <button type="button" class="link" onClick={onMore}>
            {t('noticeMore')}
          </button>
        )}
      </div>
    </div>
  );
}
