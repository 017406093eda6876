import { describe, expect, it } from 'vitest';
import type { Detection } from '../../../lib/detect';
import { UNKNOWN_FACTS } from '../../../lib/detect/types';
import { checklistExpanded, createOverlayStore, type OverlayInput } from '../../../lib/state/overlay';

const prejoin: Detection = { platform: 'jitsi', phase: 'prejoin', room: 'Mathe7b', ...UNKNOWN_FACTS };
const input = (over: Partial<OverlayInput> = {}): OverlayInput => ({
  detection: prejoin,
  role: 'student',
  profile: null,
  roomKey: 'jitsi:meet.jit.si:Mathe7b',
  acknowledged: false,
  ticks: {},
  guardOff: false,
  checklistOpen: false,
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

  it('the recording warning keeps its details open while it runs and folds them for a new recording', () => {
    const store = createOverlayStore();
    const recording = (on: boolean) => input({ detection: { ...prejoin, phase: 'meeting', recording: on } });
    store.getState().show(recording(true));
    expect(store.getState().recordingDetails).toBe(false);
    store.getState().toggleRecordingDetails();
    store.getState().show(recording(true));
    expect(store.getState().recordingDetails).toBe(true);
    store.getState().show(recording(false));
    store.getState().show(recording(true));
    expect(store.getState().recordingDetails).toBe(false);
  });

  it('forgets the conference when the page shows none any more', () => {
    const store = createOverlayStore();
    store.getState().show(input());
    store.getState().show(input({ detection: null }));
    expect(store.getState()).toMatchObject({ detection: null, noticeOpen: false });
  });
});

describe('folding: one open panel unless the person opens another', () => {
  const meeting = { ...prejoin, phase: 'meeting' as const };
  const teacher = (over: Partial<OverlayInput> = {}) => input({ role: 'teacher', detection: meeting, ...over });

  it('the checklist starts as a bar and opens on demand, the opening remembered for the room', () => {
    const store = createOverlayStore();
    store.getState().show(teacher({ acknowledged: true }));
    expect(checklistExpanded(store.getState())).toBe(false);
    expect(store.getState().toggleChecklist()).toBe(true);
    expect(checklistExpanded(store.getState())).toBe(true);
    // A later message of the same room (stored value still behind) keeps what the person did.
    store.getState().show(teacher({ acknowledged: true, checklistOpen: false }));
    expect(checklistExpanded(store.getState())).toBe(true);
    expect(store.getState().toggleChecklist()).toBe(false);
    expect(checklistExpanded(store.getState())).toBe(false);
  });

  it('a checklist remembered open opens by itself only when the notice is not open', () => {
    const store = createOverlayStore();
    store.getState().show(teacher({ checklistOpen: true }));
    expect(store.getState().noticeOpen).toBe(true);
    expect(checklistExpanded(store.getState())).toBe(false);
    store.getState().acknowledge();
    expect(checklistExpanded(store.getState())).toBe(true);
  });

  it('the card after the meeting folds a remembered checklist too', () => {
    const store = createOverlayStore();
    store.getState().show(teacher({ acknowledged: true, checklistOpen: true, detection: { ...meeting, phase: 'ended' } }));
    expect(checklistExpanded(store.getState())).toBe(false);
    store.getState().dismissEnded();
    expect(checklistExpanded(store.getState())).toBe(true);
  });

  it('the person may open the checklist beside the notice', () => {
    const store = createOverlayStore();
    store.getState().show(teacher());
    expect(store.getState().toggleChecklist()).toBe(true);
    expect(store.getState()).toMatchObject({ noticeOpen: true });
    expect(checklistExpanded(store.getState())).toBe(true);
  });

  it('the acknowledged notice stays folded while the page changes; another room starts folded', () => {
    const store = createOverlayStore();
    store.getState().show(teacher());
    store.getState().acknowledge();
    store.getState().toggleChecklist();
    store.getState().show(teacher({ acknowledged: true }));
    expect(store.getState()).toMatchObject({ noticeOpen: false, checklistOpen: true });
    store.getState().show(teacher({ acknowledged: true, roomKey: 'jitsi:meet.jit.si:Deutsch7b' }));
    expect(store.getState()).toMatchObject({ checklistOpen: false, checklistByHand: false });
  });

  it('keeps a placement that did not change, so nothing renders again', () => {
    const store = createOverlayStore();
    const place = { left: 16, top: 16, width: 352, maxHeight: 500, overPage: false, viewport: '1280x800' };
    store.getState().setPlacement(place);
    const first = store.getState().placement;
    store.getState().setPlacement({ ...place });
    expect(store.getState().placement).toBe(first);
    store.getState().setPlacement({ ...place, top: 80 });
    expect(store.getState().placement?.top).toBe(80);
  });
});
