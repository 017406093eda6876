import type { Detection } from '../lib/detect';
import type { Translate } from '../lib/i18n';
import { PLATFORM_NAME } from '../lib/platforms';

export type PopupStatus =
  | { kind: 'checking' }
  | { kind: 'cannot-check' }
  | { kind: 'nothing' }
  | { kind: 'found'; detection: Detection; host: string; alwaysOn: 'no' | 'yes' | 'denied' | 'done' };

interface Props {
  t: Translate;
  status: PopupStatus;
  onAlwaysOn(): void;
}

/** The toolbar popup: what was found on the current tab, and "always on this site". */
export function Popup({ t, status, onAlwaysOn }: Props) {
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
    </main>
  );
}
