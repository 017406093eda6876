import { jitsi } from './jitsi';
import type { Detection, PlatformDetector } from './types';

export type { Detection, Fact, LiveFacts, Phase, Platform, PlatformDetector } from './types';

/** Every platform's detector, most specific first (IServ runs BBB, so it goes before BBB). */
export const DETECTORS: readonly PlatformDetector[] = [jitsi];

/** The app roots of all platforms: the subtrees the live observer watches. */
export const APP_ROOTS = [...new Set(DETECTORS.map((d) => d.appRoot))].join(', ');

export function detect(doc: Document, url: URL): Detection | null {
  for (const detector of DETECTORS) {
    const found = detector.detect(doc, url);
    if (found) return found;
  }
  return null;
}

const FIELDS = ['platform', 'phase', 'room', 'moderator', 'participants', 'recording', 'protected'] as const;

export function sameDetection(a: Detection | null, b: Detection | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return FIELDS.every((field) => a[field] === b[field]);
}
