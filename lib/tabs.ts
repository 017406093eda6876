import type { Detection, Phase, Platform } from './detect';

/** What a frame last reported, and the address of that frame's document. */
export interface FrameReport {
  detection: Detection;
  url: string;
}

/** What each frame of a tab last reported, by frame id. */
export type TabFrames = Record<string, FrameReport>;

/** A frame that holds the conference itself outranks a portal page around or before it. */
const PHASE_RANK: Record<Phase, number> = {
  meeting: 5,
  'audio-setup': 4,
  lobby: 4,
  prejoin: 4,
  ended: 3,
  portal: 1,
};

/** The one frame of a tab that gets the overlay; lower frame ids win ties (top frame first). */
export function pickFrame(frames: TabFrames): number | null {
  let best: number | null = null;
  for (const [key, { detection }] of Object.entries(frames)) {
    const id = Number(key);
    const current = best === null ? undefined : frames[String(best)]?.detection;
    if (!current || PHASE_RANK[detection.phase] > PHASE_RANK[current.phase]) best = id;
    else if (PHASE_RANK[detection.phase] === PHASE_RANK[current.phase] && best !== null && id < best) best = id;
  }
  return best;
}

/** Short badge text per platform (not translated: these are product names). */
export const BADGE_TEXT: Record<Platform, string> = {
  jitsi: 'JM',
  bbb: 'BBB',
  iserv: 'IS',
  greenlight: 'GL',
  'nextcloud-bbb': 'NC',
  'moodle-bbb': 'MO',
};
