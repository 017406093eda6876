import type { MessageKey, Translate } from '../lib/i18n';
import { art13Gaps, type Art13Item } from '../lib/profiles/art13';
import type { Profile } from '../lib/profiles/schema';
import { Sentence } from './Sentence';

export const ITEM: Record<Art13Item, MessageKey> = {
  controller: 'art13controller',
  dpo: 'art13dpo',
  purposes: 'art13purposes',
  legalBasis: 'art13legalBasis',
  recipients: 'art13recipients',
  thirdCountry: 'art13thirdCountry',
  retention: 'art13retention',
  rights: 'art13rights',
  withdrawConsent: 'art13withdrawConsent',
  complaint: 'art13complaint',
};

interface Props {
  t: Translate;
  profiles: readonly Profile[];
  importedIds: ReadonlySet<string>;
  onExport(profile: Profile): void;
  onRemove(profile: Profile): void;
}

/** Every profile with its GDPR Art. 13 gaps, for admins and data-protection officers. */
export function ProfilesSettings({ t, profiles, importedIds, onExport, onRemove }: Props) {
  return (
    <section aria-labelledby="profiles-heading" data-testid="profiles">
      <h2 id="profiles-heading">{t('profilesHeading')}</h2>
      <p>{t('profilesIntro')}</p>
      <ul class="list profiles">
        {profiles.map((p) => {
          const gaps = art13Gaps(p);
          const imported = importedIds.has(p.id);
          return (
            <li key={p.id} data-profile={p.id}>
              <div>
                <strong>
                  <bdi>{p.institution.name}</bdi>
                </strong>{' '}
                <span class="muted">
                  ({imported ? t('profilesImported') : t('profilesBundled')}, v{p.version})
                </span>
                <p class={gaps.length ? 'gaps' : 'ok'} data-testid="art13">
                  {gaps.length ? t('profilesGaps', gaps.map((item) => t(ITEM[item])).join(', ')) : t('profilesComplete')}
                </p>
              </div>
              <div class="row">
                <button type="button" onClick={() => onExport(p)}>
                  <Sentence t={t} name="profilesExport" values={[p.institution.name]} />
                </button>
                {imported && (
                  <button type="button" onClick={() => onRemove(p)}>
                    <Sentence t={t} name="profilesRemove" values={[p.institution.name]} />
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
