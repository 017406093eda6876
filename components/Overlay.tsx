import { useEffect, useRef } from 'preact/hooks';
import { useStore } from 'zustand';
import type { Translate } from '../lib/i18n';
import { PLATFORM_NAME } from '../lib/platforms';
import type { OverlayStore } from '../lib/state/overlay';
import { EndedCard } from './EndedCard';
import { JoinNotice } from './JoinNotice';
import { LeaveGuard } from './LeaveGuard';
import { RecordingReminder } from './Reminders';
import { RoomChecklist } from './RoomChecklist';

const HOST_TAG = 'KONFERENZLOTSE-UI';

/** What the overlay does beyond its own state: storage, the page's controls, the summary tab. */
export interface OverlayActions {
  acknowledge(): void;
  tick(id: string, checked: boolean): void;
  resetTicks(): void;
  openSummary(): void;
  guardOff(off: boolean): void;
  leaveAnyway(): void;
  endForAll(): void;
  stay(): void;
  canEnd(): boolean;
}

interface Props {
  store: OverlayStore;
  t: Translate;
  lang: 'de' | 'en';
  actions: OverlayActions;
}

export function Overlay({ store, t, lang, actions }: Props) {
  const s = useStore(store);
  const reopenButton = useRef<HTMLButtonElement>(null);
  // Where focus was when the notice opened: a page element, or our own reopen button.
  const returnFocus = useRef<Element | null>(null);
  const focusReopen = useRef(false);

  if (s.noticeOpen && returnFocus.current === null) returnFocus.current = document.activeElement ?? document.body;

  useEffect(() => {
    if (!s.noticeOpen && focusReopen.current) {
      focusReopen.current = false;
      reopenButton.current?.focus();
    }
  }, [s.noticeOpen]);

  const detection = s.detection;
  if (!detection) return null;

  const giveFocusBack = () => {
    const target = returnFocus.current;
    returnFocus.current = null;
    if (target?.tagName === HOST_TAG) focusReopen.current = true;
    else if (target instanceof HTMLElement && target.isConnected) queueMicrotask(() => target.focus());
  };

  return (
    <>
      {detection.recording === true && !s.recordingDismissed && (
        <RecordingReminder t={t} lang={lang} detection={detection} role={s.role} profile={s.profile} onClose={() => store.getState().dismissRecording()} />
      )}
      {s.noticeOpen ? (
        <JoinNotice
          t={t}
          lang={lang}
          platformName={t(PLATFORM_NAME[detection.platform])}
          profile={s.profile}
          role={s.role}
          onAcknowledge={() => {
            giveFocusBack();
            actions.acknowledge();
          }}
          onClose={() => {
            giveFocusBack();
            store.getState().closeNotice();
          }}
          onMore={actions.openSummary}
        />
      ) : (
        <button
          ref={reopenButton}
          type="button"
          class="reopen"
          aria-label={t('noticeReopen')}
          title={t('noticeReopen')}
          onClick={() => store.getState().openNotice()}
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
            <path d="M12 2l8 3v6c0 5-3.4 9.4-8 11-4.6-1.6-8-6-8-11V5l8-3z" fill="currentColor" />
          </svg>
        </button>
      )}
      {detection.phase === 'ended' && !s.endedDismissed && <EndedCard t={t} lang={lang} profile={s.profile} role={s.role} onClose={() => store.getState().dismissEnded()} />}
      {s.role === 'teacher' && detection.phase !== 'portal' && (
        <RoomChecklist t={t} lang={lang} detection={detection} profile={s.profile} ticks={s.ticks} onTick={actions.tick} onReset={actions.resetTicks} />
      )}
      {s.heldLeave && (
        <LeaveGuard
          t={t}
          participants={detection.participants}
          canEnd={actions.canEnd()}
          guardOff={s.guardOff}
          onEnd={actions.endForAll}
          onLeave={actions.leaveAnyway}
          onStay={actions.stay}
          onGuardOff={actions.guardOff}
        />
      )}
    </>
  );
}
