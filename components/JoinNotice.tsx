import { useEffect, useRef } from 'preact/hooks';
import type { MessageKey, Translate } from '../lib/i18n';
import type { Role } from '../lib/messages';
import { describeSource, sourceDocument } from '../lib/profiles/register';
import type { Profile } from '../lib/profiles/schema';
import { addressed, addressOf } from '../lib/rules/address';
import { LAW_NOTES } from '../lib/rules/law';
import { JOIN_RULES, schoolRule, type JoinRuleId } from '../lib/rules/reminders';
import { cancelUntrusted, trusted } from '../lib/trusted';
import { CloseButton } from './CloseButton';
import { categoryNames, pick, retentionLines, type Lang } from './text';

interface Props {
  t: Translate;
  lang: Lang;
  platformName: string;
  profile: Profile | null;
  /** Students read "du", parents and teachers "Sie"; a parent's sanction text never reaches a student. */
  role: Role;
  onAcknowledge(): void;
  onClose(): void;
  onMore(): void;
  /** Takes focus when shown (in a conference); the editor's preview shows it without. */
  autoFocus?: boolean;
}

const RULE_NAME: Record<JoinRuleId, MessageKey> = {
  'no-recording': 'ruleNameNoRecording',
  'family-privacy': 'ruleNameFamilyPrivacy',
  'keep-private': 'ruleNameKeepPrivate',
};

/** The join notice: who is responsible, what is processed, how long it is kept, and the rules. */
export function JoinNotice({ t, lang, platformName, profile, role, onAcknowledge, onClose, onMore, autoFocus = true }: Props) {
  const dialog = useRef<HTMLDivElement>(null);
  const address = addressOf(role);

  useEffect(() => {
    if (autoFocus) dialog.current?.focus();
  }, []);

  const onKeyDown = trusted((event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  });

  const notStated = t(addressed('noticeNotStated', address));
  const categories = profile?.dataCategories?.length ? categoryNames(t, profile) : null;
  const kept = retentionLines(t, profile);
  // The sanction as the reader is addressed: students only where the school words it for them.
  const sanctionOf = (id: JoinRuleId) => {
    const rule = schoolRule(profile, id);
    const text = role === 'student' ? rule?.studentSanction : role === 'parent' ? rule?.sanction : undefined;
    return text ? pick(text, lang) : null;
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
      data-profile={profile ? `${profile.id}@${profile.version}` : ''}
      onKeyDown={onKeyDown}
    >
      <div class="notice-head">
        <h2 id="kl-notice-title">{t('noticeTitle')}</h2>
        <CloseButton label={t('noticeClose')} onClick={onClose} />
      </div>
      <p id="kl-notice-intro">{t(addressed('noticeIntro', address), platformName)}</p>
      <ul class="facts-short" data-testid="notice-facts">
        <li>{t('noticeResponsible', profile?.controller?.name ?? notStated)}</li>
        <li>{t('noticeProcessed', categories ?? notStated)}</li>
        <li data-testid="notice-kept">
          {t('noticeKept')}{' '}
          {kept.length ? kept.map((line, i) => <span class="kept-line" key={i}>{line} </span>) : notStated}
        </li>
      </ul>
      <h3>{t('rulesHeading')}</h3>
      <ol class="rules">
        {JOIN_RULES.map((rule) => {
          const fromSchool = Boolean(schoolRule(profile, rule.id));
          const sanction = sanctionOf(rule.id);
          return (
            <li key={rule.id} data-rule={rule.id} data-origin={fromSchool ? 'school' : 'konferenzlotse'}>
              {t(addressed(rule.text, address))} <span class="rule-origin">({t(fromSchool ? 'ruleFromSchool' : 'ruleOwnAdvice')})</span>
              {sanction && <span class="sanction"> {sanction}</span>}
            </li>
          );
        })}
      </ol>
      <details class="why">
        <summary onClick={cancelUntrusted}>{t('noticeWhy')}</summary>
        <ul data-testid="notice-law">
          {LAW_NOTES.map((note) => {
            const law = sourceDocument(note.law);
            return (
              <li key={note.law}>
                {t(note.text)}{' '}
                <a href={law.url} target="_blank" rel="noreferrer" onClick={cancelUntrusted}>
                  {t('lawLink', law.title)}
                </a>
              </li>
            );
          })}
        </ul>
        <h4>{t('noticeWhyBasis')}</h4>
        <ul data-testid="notice-rule-sources">
          {JOIN_RULES.map((rule) => {
            const stated = schoolRule(profile, rule.id);
            const name = t(RULE_NAME[rule.id]);
            return (
              <li key={rule.id} data-rule={rule.id}>
                {stated
                  ? t('noticeRuleSource', [name, stated.source.map((s) => describeSource(s).label).join('; ')])
                  : t(addressed('noticeRuleOwn', address), name)}
              </li>
            );
          })}
        </ul>
      </details>
      <div class="actions">
        <button type="button" class="primary" onClick={trusted(onAcknowledge)}>
          {t('noticeAck')}
        </button>
        {profile && (
          <button type="button" class="link" onClick={trusted(onMore)}>
            {t('noticeMore')}
          </button>
        )}
      </div>
    </div>
  );
}
