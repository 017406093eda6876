import type { Translate } from '../lib/i18n';
import type { Profile } from '../lib/profiles/schema';
import { pick } from './Summary';
import { CloseButton } from './CloseButton';

interface Props {
  t: Translate;
  lang: 'de' | 'en';
  profile: Profile | null;
  onClose(): void;
}

/** After the meeting: what is deleted when, as the profile says. */
export function EndedCard({ t, lang, profile, onClose }: Props) {
  const retention = profile?.retention ?? [];
  return (
    <section class="ended" data-testid="ended" aria-labelledby="kl-ended-title" role="status">
      <div class="notice-head">
        <h2 id="kl-ended-title">{t('endedTitle')}</h2>
        <CloseButton label={t('endedClose')} onClick={onClose} />
      </div>
      <p>{t('endedIntro')}</p>
      {retention.length ? (
        <ul>
          {retention.map((r, i) => (
            <li key={i}>{pick(r.text, lang)}</li>
          ))}
        </ul>
      ) : (
        <p>{t('summaryMissing')}</p>
      )}
    </section>
  );
}
