import type { Detection } from '../lib/detect';
import type { Translate } from '../lib/i18n';
import { PLATFORM_NAME } from '../lib/platforms';
import type { Match } from '../lib/profiles/match';
import type { PolicyHost } from '../lib/policy';
import type { ProfileCard } from '../lib/profiles/card';
import type { Profile } from '../lib/profiles/schema';
import { PolicyActivation } from './PolicyActivation';
import { SchoolPicker } from './SchoolPicker';
import { Sentence } from './Sentence';
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
  /** Which profile applies to this tab's conference, and why. */
  match: Match | null;
  profiles: readonly ProfileCard[];
  chosenId: string | null;
  /** The printable summary page of the profile shown. */
  fullUrl?: string;
  /** The parents' letter of the profile shown. */
  letterUrl?: string;
  onChoose(id: string): void;
  onAlwaysOn(): void;
  /** The user says the tab's conference is their chosen school's. */
  onConfirm(): void;
  onForget(): void;
  /** The school's policy hosts that wait for the one click, and the click. */
  policyPending?: readonly PolicyHost[];
  onSwitchOnPolicy?(hosts: readonly PolicyHost[]): Promise<boolean>;
  /** The policy hides the school picker (where a policy profile is set). */
  hidePicker?: boolean;
  /** Imported profiles are marked in the picker. */
  isImported?(profile: ProfileCard): boolean;
}

/** Why a profile applies here, in one sentence, and the one step that changes it. */
function Scope({ t, match, platformName, host, onConfirm, onForget }: { t: Translate; match: Match; platformName: string; host: string; onConfirm(): void; onForget(): void }) {
  const name = match.profile.institution.name;
  const why =
    match.reason === 'generic'
      ? match.chosenElsewhere
        ? <Sentence t={t} name="whyGenericChosen" values={[match.chosenElsewhere.institution.name, platformName]} />
        : t('whyGeneric', platformName)
      : t(({ policy: 'whyPolicy', confirmed: 'whyConfirmed', chosen: 'whyChosen', host: 'whyHost' } as const)[match.reason]);
  return (
    <section class="scope" data-testid="popup-applies" data-reason={match.reason} aria-labelledby="kl-applies">
      <p id="kl-applies">
        <strong>
          <Sentence t={t} name="popupApplies" values={[name]} />
        </strong>{' '}
        {why}
      </p>
      {match.chosenElsewhere && (
        <>
          <p class="muted">
            <Sentence t={t} name="popupConfirmHint" values={[host, match.chosenElsewhere.institution.name]} />
          </p>
          <button type="button" onClick={onConfirm} data-testid="popup-confirm">
            <Sentence t={t} name="popupConfirm" values={[match.chosenElsewhere.institution.name]} />
          </button>
        </>
      )}
      {match.reason === 'confirmed' && (
        <button type="button" class="link" onClick={onForget} data-testid="popup-forget">
          {t('popupForget')}
        </button>
      )}
    </section>
  );
}

/** The toolbar popup, for parents first: what this tab shows, and the school's summary. */
export function Popup(props: Props) {
  const { t, lang, status, profile, match, profiles, chosenId, fullUrl, letterUrl, onChoose, onAlwaysOn, onConfirm, onForget } = props;
  const { policyPending = [], onSwitchOnPolicy, hidePicker = false, isImported } = props;
  const picker = hidePicker ? null : (
    <section aria-labelledby="kl-school-heading">
      <h2 id="kl-school-heading">{t('popupSchoolHeading')}</h2>
      <p>{t('popupSchoolIntro')}</p>
      <SchoolPicker t={t} profiles={profiles} chosenId={chosenId} onChoose={onChoose} isImported={isImported} />
    </section>
  );
  return (
    <main>
      <h1>{t('extName')}</h1>
      {onSwitchOnPolicy && <PolicyActivation t={t} pending={policyPending} onSwitchOn={onSwitchOnPolicy} />}
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
      {status.kind === 'found' && match && (
        <Scope t={t} match={match} platformName={t(PLATFORM_NAME[status.detection.platform])} host={status.host} onConfirm={onConfirm} onForget={onForget} />
      )}
      {profile && <Summary t={t} lang={lang} profile={profile} fullUrl={fullUrl} letterUrl={letterUrl} />}
      {profile && picker ? (
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
