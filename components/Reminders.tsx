import type { Detection } from '../lib/detect';
import type { Translate } from '../lib/i18n';
import type { Role } from '../lib/messages';
import { PLATFORM_NAME } from '../lib/platforms';
import type { Profile } from '../lib/profiles/schema';
import { CloseButton } from './CloseButton';
import { pick, type Lang } from './text';

interface Props {
  t: Translate;
  lang: Lang;
  detection: Detection;
  role: Role;
  profile: Profile | null;
  onClose(): void;
}

/**
 * Shown to every role the moment the page shows a running recording, with what the notice says
 * about recordings: a school's notice by its name, a generic profile as facts about the software.
 */
export function RecordingReminder({ t, lang, detection, role, profile, onClose }: Props) {
  const policy = profile?.recording;
  const conflict = role === 'teacher' && (policy?.policy === 'forbidden' || policy?.policy === 'disabled');
  const said = policy
    ? profile.kind === 'generic'
      ? t('recordingPolicyGeneric', [t(PLATFORM_NAME[detection.platform]), pick(policy.text, lang)])
      : t('recordingPolicySchool', [profile.institution.name, pick(policy.text, lang)])
    : null;
  return (
    <div class="reminder" role="alert" data-testid="recording-reminder">
      <div class="notice-head">
        <strong>{t('recordingRuns')}</strong>
        <CloseButton label={t('recordingClose')} onClick={onClose} />
      </div>
      {said && <p>{said}</p>}
      {conflict && (
        <p class="conflict" data-testid="recording-conflict">
          {t('recordingConflict')}
        </p>
      )}
    </div>
  );
}
