import { detectJitsi } from './jitsi';
import type { Detection, Detector } from './types';

export type { Detection, Detector, Fact, Phase, Platform } from './types';

/** Every platform's detector, most specific first. */
const DETECTORS: readonly Detector[] = [detectJitsi];

export function detect(doc: Document, url: URL): Detection | null {
  for (const run of DETECTORS) {
    const found = run(doc, url);
    if (found) return found;
  }
  return null;
}

export function sameDetection(a: Detection | null, b: Detection | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.platform === b.platform && a.phase === b.phase && a.room === b.room && a.moderator === b.moderator;
}
