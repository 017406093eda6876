import type { Translate } from '../lib/i18n';
import type { Role } from '../lib/messages';
import type { Profile } from '../lib/profiles/schema';
import { CloseButton } from './CloseButton';
import { pick, retentionLines, type Lang } from './text';

interface Props {
  t: Translate;
  lang: Lang;
  profile: Profile | null;
  role: Role;
  onClose(): void;
}

/**
 * After the meeting: what is deleted when, as the profile says. Adults read the profile's own
 * lines (written for parents); students read the same facts in the first layer's plain words.
 */
export function EndedCard({ t, lang, profile, role, onClose }: Props) {
  const lines = role === 'student' ? retentionLines(t, profile) : (profile?.retention ?? []).map((r) => pick(r.text, lang));
  return (
    <section class="ended" data-testid="ended" aria-labelledby="kl-ended-title" role="status">
      <div class="notice-head">
        <h2 id="kl-ended-title">{t('endedTitle')}</h2>
        <CloseButton label={t('endedClose')} onClick={onClose} />
      </div>
      <p>{t('endedIntro')}</p>
      {lines.length ? (
        <ul>
          {lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      ) : (
        <p>{t('summaryMissing')}</p>
      )}
    </section>
  );
}
