import type { Detection } from '../lib/detect';
import type { Translate } from '../lib/i18n';
import type { Role } from '../lib/messages';
import type { Profile } from '../lib/profiles/schema';
import { pick } from './Summary';
import { CloseButton } from './CloseButton';

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
        <CloseButton label={t('recordingClose')} onClick={onClose} />
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
