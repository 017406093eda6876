import type { Detection, Phase } from './detect';

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

/**
 * The one frame of a tab that gets the overlay. On a tie the lowest frame id wins (the top
 * frame is 0): frame ids are integer keys, which objects list in ascending order, and only a
 * higher rank replaces the first found.
 */
export function pickFrame(frames: TabFrames): number | null {
  let best: { id: number; rank: number } | null = null;
  for (const [key, { detection }] of Object.entries(frames)) {
    const rank = PHASE_RANK[detection.phase];
    if (!best || rank > best.rank) best = { id: Number(key), rank };
  }
  return best?.id ?? null;
}
