import { useEffect, useRef } from 'preact/hooks';
import type { Fact } from '../lib/detect';
import type { Translate } from '../lib/i18n';
import { plural } from '../lib/plural';
import { cancelUntrusted, trusted } from '../lib/trusted';

interface Props {
  t: Translate;
  participants: Fact<number>;
  /** The platform's own end-for-all control is on the page. */
  canEnd: boolean;
  guardOff: boolean;
  onEnd(): void;
  onLeave(): void;
  onStay(): void;
  onGuardOff(off: boolean): void;
}

/**
 * Holds a moderator's leave while others are still in the room. An alert dialog with a
 * destructive choice opens with focus on the safest one (WAI-ARIA APG, alert dialog): "stay",
 * so Enter pressed by reflex never ends the meeting for everyone.
 */
export function LeaveGuard({ t, participants, canEnd, guardOff, onEnd, onLeave, onStay, onGuardOff }: Props) {
  const stay = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    stay.current?.focus();
  }, []);

  // A modal dialog: Escape means "stay", Tab stays inside.
  const onKeyDown = trusted((event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onStay();
      return;
    }
    if (event.key !== 'Tab' || !box.current) return;
    const focusable = Array.from(box.current.querySelectorAll<HTMLElement>('button, input'));
    const root = box.current.getRootNode() as ShadowRoot;
    const index = focusable.indexOf(root.activeElement as HTMLElement);
    const next = event.shiftKey ? (index <= 0 ? focusable.length - 1 : index - 1) : (index + 1) % focusable.length;
    event.preventDefault();
    focusable[next]?.focus();
  });

  const others = participants === 'unknown' ? null : participants - 1;
  return (
    <div class="backdrop">
      <div
        ref={box}
        class="guard"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="kl-guard-title"
        aria-describedby="kl-guard-text"
        data-testid="leave-guard"
        onKeyDown={onKeyDown}
      >
        <h2 id="kl-guard-title">{t('guardTitle')}</h2>
        <p id="kl-guard-text">{others === null ? t('guardTextUnknown') : plural(t, 'guardText', others)}</p>
        <div class="actions">
          <button ref={stay} type="button" class="primary" onClick={trusted(onStay)}>
            {t('guardStay')}
          </button>
          <button type="button" onClick={trusted(onLeave)}>
            {t('guardLeave')}
          </button>
          {canEnd && (
            <button type="button" class="primary danger" onClick={trusted(onEnd)}>
              {t('guardEnd')}
            </button>
          )}
        </div>
        {participants === 'unknown' && (
          <p class="dont-ask">
            <input
              id="kl-guard-off"
              type="checkbox"
              checked={guardOff}
              onClick={cancelUntrusted}
              onChange={trusted((e) => onGuardOff((e.target as HTMLInputElement).checked))}
            />
            <label for="kl-guard-off" onClick={cancelUntrusted}>
              {t('guardDontAsk')}
            </label>
          </p>
        )}
      </div>
    </div>
  );
}
