import { describe, expect, it } from 'vitest';
import type { Detection, Phase, Platform } from '../../lib/detect';
import { UNKNOWN_FACTS } from '../../lib/detect/types';
import { pickFrame, type FrameReport } from '../../lib/tabs';

const found = (platform: Platform, phase: Phase): FrameReport => ({
  detection: { platform, phase, room: 'r', ...UNKNOWN_FACTS } satisfies Detection,
  url: 'https://example.org/',
});

describe('one overlay per tab', () => {
  it('has no frame when nothing was found', () => {
    expect(pickFrame({})).toBeNull();
  });

  it('gives it to the embedded conference, not the portal around it', () => {
    expect(pickFrame({ 0: found('moodle-bbb', 'portal'), 7: found('bbb', 'meeting') })).toBe(7);
  });

  it('prefers the frame in the meeting over one still at prejoin', () => {
    expect(pickFrame({ 3: found('jitsi', 'prejoin'), 5: found('jitsi', 'meeting') })).toBe(5);
  });

  it('gives a tie to the lowest frame id (the top frame is 0), in whatever order frames reported', () => {
    // Frame ids are integer keys: objects list them in ascending order.
    expect(pickFrame({ 4: found('jitsi', 'meeting'), 0: found('jitsi', 'meeting') })).toBe(0);
    expect(pickFrame({ 9: found('bbb', 'meeting'), 7: found('bbb', 'meeting'), 0: found('moodle-bbb', 'portal') })).toBe(7);
  });

  it('still shows a portal page alone', () => {
    expect(pickFrame({ 0: found('iserv', 'portal') })).toBe(0);
  });
});
