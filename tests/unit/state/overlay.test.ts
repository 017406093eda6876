import { describe, expect, it } from 'vitest';
import type { Detection } from '../../../lib/detect';
import { UNKNOWN_FACTS } from '../../../lib/detect/types';
import { createOverlayStore, type OverlayInput } from '../../../lib/state/overlay';

const prejoin: Detection = { platform: 'jitsi', phase: 'prejoin', room: 'Mathe7b', ...UNKNOWN_FACTS };
const input = (over: Partial<OverlayInput> = {}): OverlayInput => ({
  detection: prejoin,
  role: 'student',
  profile: null,
  roomKey: 'jitsi:meet.jit.si:Mathe7b',
  acknowledged: false,
  ticks: {},
  guardOff: false,
  ...over,
});

describe('overlay store', () => {
  it('opens the notice when joining a room not yet acknowledged', () => {
    const store = createOverlayStore();
    store.getState().show(input());
    expect(store.getState()).toMatchObject({ role: 'student', noticeOpen: true });
  });

  it('keeps it closed once acknowledged for this profile version', () => {
    const store = createOverlayStore();
    store.getState().show(input({ acknowledged: true }));
    expect(store.getState().noticeOpen).toBe(false);
  });

  it('does not open on a portal page or after the meeting', () => {
    const store = createOverlayStore();
    store.getState().show(input({ detection: { ...prejoin, phase: 'portal' } }));
    expect(store.getState().noticeOpen).toBe(false);
    store.getState().show(input({ detection: { ...prejoin, phase: 'ended' } }));
    expect(store.getState().noticeOpen).toBe(false);
  });

  it('opens when the portal leads to the joining moment', () => {
    const store = createOverlayStore();
    store.getState().show(input({ detection: { ...prejoin, phase: 'portal' } }));
    store.getState().show(input());
    expect(store.getState().noticeOpen).toBe(true);
  });

  it('a notice closed without acknowledging stays closed in the same room', () => {
    const store = createOverlayStore();
    store.getState().show(input());
    store.getState().closeNotice();
    store.getState().show(input({ detection: { ...prejoin, phase: 'meeting' } }));
    expect(store.getState().noticeOpen).toBe(false);
  });

  it('another room asks again', () => {
    const store = createOverlayStore();
    store.getState().show(input());
    store.getState().closeNotice();
    store.getState().show(input({ roomKey: 'jitsi:meet.jit.si:Deutsch7b' }));
    expect(store.getState().noticeOpen).toBe(true);
  });

  it('a new profile version asks again, even in the same room', () => {
    const store = createOverlayStore();
    store.getState().show(input({ acknowledged: true }));
    store.getState().show(input({ acknowledged: false }));
    expect(store.getState().noticeOpen).toBe(true);
  });

  it('a notice reopened by hand stays open while the page changes', () => {
    const store = createOverlayStore();
    store.getState().show(input({ acknowledged: true }));
    store.getState().openNotice();
    store.getState().show(input({ acknowledged: true, detection: { ...prejoin, phase: 'meeting' } }));
    expect(store.getState().noticeOpen).toBe(true);
    store.getState().acknowledge();
    expect(store.getState()).toMatchObject({ noticeOpen: false, acknowledged: true });
  });

  it('a dismissed recording reminder comes back when a new recording starts', () => {
    const store = createOverlayStore();
    const recording = (on: boolean) => input({ detection: { ...prejoin, phase: 'meeting', recording: on } });
    store.getState().show(recording(true));
    store.getState().dismissRecording();
    store.getState().show(recording(true));
    expect(store.getState().recordingDismissed).toBe(true);
    store.getState().show(recording(false));
    store.getState().show(recording(true));
    expect(store.getState().recordingDismissed).toBe(false);
  });

  it('forgets the conference when the page shows none any more', () => {
    const store = createOverlayStore();
    store.getState().show(input());
    store.getState().show(input({ detection: null }));
    expect(store.getState()).toMatchObject({ detection: null, noticeOpen: false });
  });
});
