import { describe, expect, it } from 'vitest';
import type { Detection } from '../../../lib/detect';
import { UNKNOWN_FACTS } from '../../../lib/detect/types';
import { createOverlayStore } from '../../../lib/state/overlay';

const prejoin: Detection = { platform: 'jitsi', phase: 'prejoin', room: 'Mathe7b', ...UNKNOWN_FACTS };

describe('overlay store', () => {
  it('opens the notice for a new conference', () => {
    const store = createOverlayStore();
    store.getState().show(prejoin, 'student');
    expect(store.getState()).toMatchObject({ detection: prejoin, role: 'student', noticeOpen: true });
  });

  it('keeps the notice closed when the same room moves on to the meeting', () => {
    const store = createOverlayStore();
    store.getState().show(prejoin, 'student');
    store.getState().closeNotice();
    store.getState().show({ ...prejoin, phase: 'meeting' }, 'student');
    expect(store.getState().noticeOpen).toBe(false);
    expect(store.getState().detection?.phase).toBe('meeting');
  });

  it('brings the notice back for another room', () => {
    const store = createOverlayStore();
    store.getState().show(prejoin, 'student');
    store.getState().closeNotice();
    store.getState().show({ ...prejoin, room: 'Deutsch7b' }, 'student');
    expect(store.getState().noticeOpen).toBe(true);
  });

  it('forgets the conference when the page shows none any more', () => {
    const store = createOverlayStore();
    store.getState().show(prejoin, 'student');
    store.getState().show(null, 'student');
    expect(store.getState()).toMatchObject({ detection: null, noticeOpen: false });
  });

  it('reopens on request', () => {
    const store = createOverlayStore();
    store.getState().show(prejoin, 'student');
    store.getState().closeNotice();
    store.getState().openNotice();
    expect(store.getState().noticeOpen).toBe(true);
  });
});
