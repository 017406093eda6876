import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JoinNotice } from '../../components/JoinNotice';
import { LeaveGuard } from '../../components/LeaveGuard';
import { RecordingReminder } from '../../components/Reminders';
import { RoomChecklist } from '../../components/RoomChecklist';
import { UNKNOWN_FACTS } from '../../lib/detect/types';
import { cancelUntrusted, setTrustCheck, trusted } from '../../lib/trusted';
import { translator } from './messages';

const t = translator('de');
const container = document.createElement('div');
document.body.append(container);

/** Events a test dispatches as the person; every other event stands for a page script. */
const PERSON = Symbol('person');
const asPerson = <E extends Event>(event: E): E => Object.assign(event, { [PERSON]: true });
const personClick = (el: Element) => el.dispatchEvent(asPerson(new MouseEvent('click', { bubbles: true, cancelable: true })));
const personKey = (el: Element, key: string) => el.dispatchEvent(asPerson(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })));

let restore: () => void;
beforeEach(() => {
  restore = setTrustCheck((event) => PERSON in event);
});
afterEach(() => {
  restore();
  render(null, container);
});

describe('the trusted-event wrapper', () => {
  it('runs the handler for the person and not for anything else', () => {
    const handler = vi.fn();
    const wrapped = trusted(handler);
    wrapped(new MouseEvent('click'));
    expect(handler).not.toHaveBeenCalled();
    wrapped(asPerson(new MouseEvent('click')));
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('cancels the default action of an untrusted click only', () => {
    const page = new MouseEvent('click', { cancelable: true });
    cancelUntrusted(page);
    expect(page.defaultPrevented).toBe(true);
    const person = asPerson(new MouseEvent('click', { cancelable: true }));
    cancelUntrusted(person);
    expect(person.defaultPrevented).toBe(false);
  });

  it('without a test check, only events the browser marks as trusted count', () => {
    restore();
    const handler = vi.fn();
    trusted(handler)(asPerson(new MouseEvent('click')));
    expect(handler).not.toHaveBeenCalled();
    restore = setTrustCheck((event) => PERSON in event);
  });
});

describe('components act on the person\'s events only', () => {
  it('join notice: "Verstanden", ×, Escape and "Alle Datenschutz-Angaben"', () => {
    const [ack, close, more] = [vi.fn(), vi.fn(), vi.fn()];
    const profile = { id: 'p', version: 1 } as never;
    render(<JoinNotice t={t} lang="de" platformName="Jitsi Meet" profile={profile} role="student" onAcknowledge={ack} onClose={close} onMore={more} />, container);
    const notice = container.querySelector('[data-testid="notice"]')!;
    const buttons = [notice.querySelector('.primary')!, notice.querySelector('.icon-button')!, notice.querySelector('button.link')!];
    for (const button of buttons) (button as HTMLElement).click();
    notice.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect([ack, close, more].map((f) => f.mock.calls.length)).toEqual([0, 0, 0]);
    for (const button of buttons) personClick(button);
    personKey(notice, 'Escape');
    expect([ack, close, more].map((f) => f.mock.calls.length)).toEqual([1, 2, 1]);
  });

  it('checklist: fold and unfold, ticks (box and label), reset', () => {
    const [toggle, tick, reset] = [vi.fn(), vi.fn(), vi.fn()];
    const detection = { platform: 'jitsi' as const, phase: 'meeting' as const, room: 'r', ...UNKNOWN_FACTS };
    const draw = (expanded: boolean) =>
      render(
        <RoomChecklist t={t} lang="de" detection={detection} profile={null} ticks={{}} expanded={expanded} onToggle={toggle} onTick={tick} onReset={reset} />,
        container,
      );
    draw(false);
    const bar = container.querySelector<HTMLElement>('.panel-toggle')!;
    expect(bar.textContent).toBe('Raum-Checkliste (0 von 9)');
    bar.click();
    expect(toggle).not.toHaveBeenCalled();
    personClick(bar);
    expect(toggle).toHaveBeenCalledTimes(1);

    draw(true);
    const box = container.querySelector<HTMLInputElement>('#kl-check-camera-off')!;
    const label = container.querySelector<HTMLLabelElement>('label[for="kl-check-camera-off"]')!;
    // A page script's click is cancelled: the box does not tick, no change is reported.
    const pageClick = new MouseEvent('click', { bubbles: true, cancelable: true });
    box.dispatchEvent(pageClick);
    expect(pageClick.defaultPrevented).toBe(true);
    const labelClick = new MouseEvent('click', { bubbles: true, cancelable: true });
    label.dispatchEvent(labelClick);
    expect(labelClick.defaultPrevented).toBe(true);
    box.dispatchEvent(new Event('change', { bubbles: true }));
    expect(tick).not.toHaveBeenCalled();
    box.checked = true;
    box.dispatchEvent(asPerson(new Event('change', { bubbles: true })));
    expect(tick).toHaveBeenCalledWith('camera-off', true);

    const resetButton = [...container.querySelectorAll<HTMLElement>('button.link')].find((b) => b.textContent === 'Häkchen für diesen Raum zurücksetzen')!;
    resetButton.click();
    expect(reset).not.toHaveBeenCalled();
    personClick(resetButton);
    expect(reset).toHaveBeenCalledTimes(1);
  });

  it('leave guard: opens on "Bleiben"; leave anyway, end for all, stay, don\'t ask again, Escape', () => {
    const [end, leave, stay, off] = [vi.fn(), vi.fn(), vi.fn(), vi.fn()];
    act(() => {
      render(<LeaveGuard t={t} participants="unknown" canEnd guardOff={false} onEnd={end} onLeave={leave} onStay={stay} onGuardOff={off} />, container);
    });
    const guard = container.querySelector('[data-testid="leave-guard"]')!;
    const buttons = [...guard.querySelectorAll<HTMLElement>('button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['Bleiben', 'Trotzdem verlassen', 'Konferenz für alle beenden']);
    expect(document.activeElement).toBe(buttons[0]);
    for (const button of buttons) button.click();
    guard.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    const box = guard.querySelector<HTMLInputElement>('#kl-guard-off')!;
    box.dispatchEvent(new Event('change', { bubbles: true }));
    expect([end, leave, stay, off].map((f) => f.mock.calls.length)).toEqual([0, 0, 0, 0]);
    for (const button of buttons) personClick(button);
    personKey(guard, 'Escape');
    box.checked = true;
    box.dispatchEvent(asPerson(new Event('change', { bubbles: true })));
    expect([end, leave, stay, off].map((f) => f.mock.calls.length)).toEqual([1, 1, 2, 1]);
  });

  it('recording warning: its details fold and unfold for the person only', () => {
    const toggle = vi.fn();
    const detection = { platform: 'bbb' as const, phase: 'meeting' as const, room: 'r', ...UNKNOWN_FACTS, recording: true as const };
    const profile = { kind: 'generic', recording: { policy: 'allowed', text: { de: 'Erlaubt.' } } } as never;
    render(<RecordingReminder t={t} lang="de" detection={detection} role="student" profile={profile} details={false} onToggleDetails={toggle} />, container);
    const button = container.querySelector<HTMLElement>('.reminder-toggle')!;
    button.click();
    expect(toggle).not.toHaveBeenCalled();
    personClick(button);
    expect(toggle).toHaveBeenCalledTimes(1);
    expect(container.textContent).not.toContain('Erlaubt.');
  });
});
