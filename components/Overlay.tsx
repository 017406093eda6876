import { useEffect, useRef } from 'preact/hooks';
import { useStore } from 'zustand';
import type { Translate } from '../lib/i18n';
import { HOST_NAME } from '../lib/messages';
import { PLATFORM_NAME } from '../lib/platforms';
import { checklistExpanded, endedShown, type OverlayStore } from '../lib/state/overlay';
import { trusted } from '../lib/trusted';
import { EndedCard } from './EndedCard';
import { JoinNotice } from './JoinNotice';
import { LeaveGuard } from './LeaveGuard';
import { RecordingReminder } from './Reminders';
import { RoomChecklist } from './RoomChecklist';

/** What the overlay does beyond its own state: storage, the page's controls, the summary tab. */
export interface OverlayActions {
  acknowledge(): void;
  tick(id: string, checked: boolean): void;
  resetTicks(): void;
  openSummary(): void;
  /** Opens or folds the room checklist (and remembers it for the room). */
  toggleChecklist(): void;
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

/**
 * Every panel in one column placed beside the conference's own regions: the recording warning
 * (compact, stays while a recording runs), the join notice or the small button it folds into, the
 * card after the meeting and the teacher's checklist (a bar until opened). The leave guard is a
 * modal dialog over the page.
 */
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
    if (target?.localName.startsWith(HOST_NAME)) focusReopen.current = true;
    else if (target instanceof HTMLElement && target.isConnected) queueMicrotask(() => target.focus());
  };

  const place = s.placement;
  const style = place ? { left: `${place.left}px`, top: `${place.top}px`, width: `${place.width}px`, maxHeight: `${place.maxHeight}px` } : undefined;

  return (
    <>
      <div class="stack" style={style} data-placed={place?.viewport ?? ''}>
        {detection.recording === true && (
          <RecordingReminder
            t={t}
            lang={lang}
            detection={detection}
            role={s.role}
            profile={s.profile}
            details={s.recordingDetails}
            onToggleDetails={() => store.getState().toggleRecordingDetails()}
          />
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
            onClick={trusted(() => store.getState().openNotice())}
          >
            <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
              <path d="M12 2l8 3v6c0 5-3.4 9.4-8 11-4.6-1.6-8-6-8-11V5l8-3z" fill="currentColor" />
            </svg>
          </button>
        )}
        {endedShown(s) && <EndedCard t={t} lang={lang} profile={s.profile} role={s.role} onClose={() => store.getState().dismissEnded()} />}
        {s.role === 'teacher' && detection.phase !== 'portal' && (
          <RoomChecklist
            t={t}
            lang={lang}
            detection={detection}
            profile={s.profile}
            ticks={s.ticks}
            expanded={checklistExpanded(s)}
            onToggle={actions.toggleChecklist}
            onTick={actions.tick}
            onReset={actions.resetTicks}
          />
        )}
      </div>
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
