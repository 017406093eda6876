import { bbb } from './bbb';
import { greenlight } from './greenlight';
import { iserv } from './iserv';
import { jitsi } from './jitsi';
import { moodleBbb } from './moodle-bbb';
import { nextcloudBbb } from './nextcloud-bbb';
import type { Detection, PlatformDetector } from './types';

export type { Detection, Fact, LiveFacts, Phase, Platform, PlatformDetector } from './types';

/** Every platform's detector, most specific first (IServ runs BBB, so it goes before BBB). */
export const DETECTORS: readonly PlatformDetector[] = [iserv, bbb, greenlight, nextcloudBbb, moodleBbb, jitsi];

/** The app roots of all platforms, in detector order: the live observer watches the first found. */
export const APP_ROOTS: readonly string[] = DETECTORS.flatMap((d) => (d.appRoot ? [d.appRoot] : []));

export function findAppRoot(doc: Document): Element | null {
  for (const selector of APP_ROOTS) {
    const root = doc.querySelector(selector);
    if (root) return root;
  }
  return null;
}

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
