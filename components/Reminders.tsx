import type { Detection } from '../lib/detect';
import type { Translate } from '../lib/i18n';
import type { Role } from '../lib/messages';
import type { Profile } from '../lib/profiles/schema';
import { pick } from './Summary';

interface Props {
  t: Translate;
  lang: 'de' | 'en';
  detection: Detection;
  role: Role;
  profile: Profile | null;
  onClose(): void;
}

/** Shown to every role the moment the page shows a running recording. */
export function RecordingReminder({ t, lang, role, profile, onClose }: Props) {
  const policy = profile?.recording;
  const conflict = role === 'teacher' && (policy?.policy === 'forbidden' || policy?.policy === 'disabled');
  return (
    <div class="reminder" role="alert" data-testid="recording-reminder">
      <div class="notice-head">
        <strong>{t('recordingRuns')}</strong>
        <button type="button" class="icon-button" aria-label={t('recordingClose')} onClick={onClose}>
          <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
            <path d="M3 3l10 10M13 3L3 13" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
          </svg>
        </button>
      </div>
      {policy && <p>{t('recordingPolicy', pick(policy.text, lang))}</p>}
      {conflict && (
        <p class="conflict" data-testid="recording-conflict">
          {t('recordingConflict')}
        </p>
      )}
    </div>
  );
}
