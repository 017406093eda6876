import type { Detection } from '../lib/detect';
import type { Translate } from '../lib/i18n';
import type { Role } from '../lib/messages';
import { PLATFORM_NAME } from '../lib/platforms';
import type { Profile } from '../lib/profiles/schema';
import { trusted } from '../lib/trusted';
import { pick, type Lang } from './text';

interface Props {
  t: Translate;
  lang: Lang;
  detection: Detection;
  role: Role;
  profile: Profile | null;
  /** Shows what the notice says about recordings, not only the warning's line. */
  details: boolean;
  onToggleDetails(): void;
}

/**
 * Shown to every role the moment the page shows a running recording, and for as long as it
 * runs: one compact line, for teachers the school's ban where there is one, and on demand what
 * the notice says about recordings (a school's notice by its name, a generic profile as facts
 * about the software).
 */
export function RecordingReminder({ t, lang, detection, role, profile, details, onToggleDetails }: Props) {
  const policy = profile?.recording;
  const conflict = role === 'teacher' && (policy?.policy === 'forbidden' || policy?.policy === 'disabled');
  const said = policy
    ? profile.kind === 'generic'
      ? t('recordingPolicyGeneric', [t(PLATFORM_NAME[detection.platform]), pick(policy.text, lang)])
      : t('recordingPolicySchool', [profile.institution.name, pick(policy.text, lang)])
    : null;
  return (
    <div class="reminder" role="alert" data-testid="recording-reminder">
      <div class="reminder-line">
        <span class="rec-dot" aria-hidden="true" />
        <strong>{t('recordingRuns')}</strong>
        {said && (
          <button
            type="button"
            class="link reminder-toggle"
            aria-expanded={details}
            aria-controls="kl-recording-details"
            onClick={trusted(onToggleDetails)}
          >
            {t(details ? 'recordingLess' : 'recordingMore')}
          </button>
        )}
      </div>
      {conflict && (
        <p class="conflict" data-testid="recording-conflict">
          {t('recordingConflict')}
        </p>
      )}
      {said && details && <p id="kl-recording-details">{said}</p>}
    </div>
  );
}
