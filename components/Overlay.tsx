import { useEffect, useRef } from 'preact/hooks';
import { useStore } from 'zustand';
import type { Translate } from '../lib/i18n';
import { PLATFORM_NAME } from '../lib/platforms';
import type { OverlayStore } from '../lib/state/overlay';
import { JoinNotice } from './JoinNotice';

const HOST_TAG = 'KONFERENZLOTSE-UI';

interface Props {
  store: OverlayStore;
  t: Translate;
}

export function Overlay({ store, t }: Props) {
  const detection = useStore(store, (s) => s.detection);
  const noticeOpen = useStore(store, (s) => s.noticeOpen);
  const reopenButton = useRef<HTMLButtonElement>(null);
  // Where focus was when the notice opened: a page element, or our own reopen button.
  const returnFocus = useRef<Element | null>(null);
  const focusReopen = useRef(false);

  if (noticeOpen && returnFocus.current === null) returnFocus.current = document.activeElement ?? document.body;

  useEffect(() => {
    if (!noticeOpen && focusReopen.current) {
      focusReopen.current = false;
      reopenButton.current?.focus();
    }
  }, [noticeOpen]);

  if (!detection) return null;

  const close = () => {
    const target = returnFocus.current;
    returnFocus.current = null;
    if (target?.tagName === HOST_TAG) focusReopen.current = true;
    store.getState().closeNotice();
    if (target instanceof HTMLElement && target.tagName !== HOST_TAG && target.isConnected) target.focus();
  };

  if (noticeOpen) {
    return <JoinNotice t={t} platformName={t(PLATFORM_NAME[detection.platform])} onClose={close} />;
  }
  return (
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
  );
}
