import { describe, expect, it } from 'vitest';
import type { Detection } from '../../lib/detect';
import { UNKNOWN_FACTS } from '../../lib/detect/types';
import { CHECKLIST, checklistState } from '../../lib/rules/checklist';
import { shouldGuard } from '../../lib/rules/leave';
import de from '../../public/_locales/de/messages.json';

const meeting = (over: Partial<Detection> = {}): Detection => ({ platform: 'bbb', phase: 'meeting', room: 'r', ...UNKNOWN_FACTS, ...over });

describe('leave-last guard', () => {
  it('holds a moderator with others in the room', () => {
    expect(shouldGuard(meeting({ moderator: true, participants: 3 }), false)).toBe(true);
    expect(shouldGuard(meeting({ moderator: true, participants: 3 }), true)).toBe(true);
  });

  it('lets a moderator alone, a participant or an unknown role go', () => {
    expect(shouldGuard(meeting({ moderator: true, participants: 1 }), false)).toBe(false);
    expect(shouldGuard(meeting({ moderator: false, participants: 3 }), false)).toBe(false);
    expect(shouldGuard(meeting({ moderator: 'unknown', participants: 3 }), false)).toBe(false);
  });

  it('asks with an unknown count unless told not to for the room', () => {
    expect(shouldGuard(meeting({ moderator: true }), false)).toBe(true);
    expect(shouldGuard(meeting({ moderator: true }), true)).toBe(false);
  });

  it('only in the meeting', () => {
    expect(shouldGuard(meeting({ moderator: true, participants: 3, phase: 'ended' }), false)).toBe(false);
  });
});

describe('room checklist', () => {
  it('every item has German text and a source', () => {
    for (const item of CHECKLIST) {
      expect(de, item.id).toHaveProperty(item.text);
      expect(item.sources.length, item.id).toBeGreaterThan(0);
    }
  });

  it('ticks itself from the page, else from the teacher', () => {
    const state = (d: Detection, ticks = {}) => Object.fromEntries(checklistState(d, ticks).map((s) => [s.item.id, [s.checked, s.automatic]]));
    expect(state(meeting({ protected: true, recording: false }))).toMatchObject({ protected: [true, true], 'no-recording': [true, true], 'camera-off': [false, false] });
    expect(state(meeting({ protected: false, recording: true }))).toMatchObject({ protected: [false, true], 'no-recording': [false, true] });
    expect(state(meeting(), { protected: true, 'camera-off': true })).toMatchObject({ protected: [true, false], 'camera-off': [true, false] });
    expect(state(meeting({ phase: 'ended' }))).toMatchObject({ 'leave-last': [true, true] });
  });
});
