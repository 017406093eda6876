import type { Translate } from '../lib/i18n';
import type { Profile } from '../lib/profiles/schema';
import { pick } from './Summary';

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
        <button type="button" class="icon-button" aria-label={t('endedClose')} onClick={onClose}>
          <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
            <path d="M3 3l10 10M13 3L3 13" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
          </svg>
        </button>
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
