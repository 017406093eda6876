import type { Detection } from '../lib/detect';
import type { Translate } from '../lib/i18n';
import { PLATFORM_NAME } from '../lib/platforms';
import type { Profile } from '../lib/profiles/schema';
import { SchoolPicker } from './SchoolPicker';
import { Summary } from './Summary';

export type PopupStatus =
  | { kind: 'checking' }
  | { kind: 'cannot-check' }
  | { kind: 'nothing' }
  | { kind: 'found'; detection: Detection; host: string; alwaysOn: 'no' | 'yes' | 'denied' | 'done' };

interface Props {
  t: Translate;
  lang: 'de' | 'en';
  status: PopupStatus;
  /** The summary to show: the profile of this tab's conference, or the chosen school's. */
  profile: Profile | null;
  profiles: readonly Profile[];
  chosenId: string | null;
  fullUrl(profileId: string): string;
  onChoose(id: string): void;
  onAlwaysOn(): void;
}

/** The toolbar popup, for parents first: what this tab shows, and the school's summary. */
export function Popup({ t, lang, status, profile, profiles, chosenId, fullUrl, onChoose, onAlwaysOn }: Props) {
  const picker = (
    <section aria-labelledby="kl-school-heading">
      <h2 id="kl-school-heading">{t('popupSchoolHeading')}</h2>
      <p>{t('popupSchoolIntro')}</p>
      <SchoolPicker t={t} profiles={profiles} chosenId={chosenId} onChoose={onChoose} />
    </section>
  );
  return (
    <main>
      <h1>{t('extName')}</h1>
      <div role="status" data-testid="popup-status">
        {status.kind === 'cannot-check' && <p>{t('popupCannotCheck')}</p>}
        {status.kind === 'nothing' && <p>{t('popupNothing')}</p>}
        {status.kind === 'found' && (
          <>
            <p>{t('popupFound', t(PLATFORM_NAME[status.detection.platform]))}</p>
            {status.detection.room && <p class="muted">{t('popupRoom', status.detection.room)}</p>}
            {status.alwaysOn === 'done' && <p class="ok">{t('popupAlwaysOnDone', status.host)}</p>}
            {status.alwaysOn === 'denied' && <p class="error">{t('popupPermissionDenied')}</p>}
          </>
        )}
      </div>
      {status.kind === 'found' && (status.alwaysOn === 'no' || status.alwaysOn === 'denied') && (
        <button type="button" class="primary" onClick={onAlwaysOn}>
          {t('popupAlwaysOn')}
        </button>
      )}
      {profile && <Summary t={t} lang={lang} profile={profile} fullUrl={fullUrl(profile.id)} />}
      {profile ? (
        <details class="change-school">
          <summary>{t('pickerChange')}</summary>
          {picker}
        </details>
      ) : (
        status.kind !== 'checking' && picker
      )}
    </main>
  );
}
