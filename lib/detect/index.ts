import { bbb } from './bbb';
import { greenlight } from './greenlight';
import { iserv } from './iserv';
import { jitsi } from './jitsi';
import { moodleBbb } from './moodle-bbb';
import { nextcloudBbb } from './nextcloud-bbb';
import type { Platform } from './platforms';
import type { Detection, PlatformDetector } from './types';

export { PLATFORMS } from './platforms';
export type { Detection, Fact, LiveFacts, Phase, Platform, PlatformDetector, Reads } from './types';

/**
 * Every platform's detector, by platform: a platform of PLATFORMS without its detector here is a
 * type error. The entries' order is the detection order, most specific first: IServ runs
 * BigBlueButton on its own servers, so it goes before BBB.
 */
export const DETECTOR: { readonly [P in Platform]: PlatformDetector<P> } = {
  iserv,
  bbb,
  greenlight,
  'nextcloud-bbb': nextcloudBbb,
  'moodle-bbb': moodleBbb,
  jitsi,
};

const DETECTORS: readonly PlatformDetector[] = Object.values(DETECTOR);

/** The first finding of all detectors, in their order. */
export function detect(doc: Document, url: URL): Detection | null {
  for (const detector of DETECTORS) {
    const found = detector.detect(doc, url);
    if (found) return found;
  }
  return null;
}

/**
 * Whether two findings say the same. Each detector builds its findings with the same keys in the
 * same order, so equal findings serialise alike (at worst an unchanged finding is reported twice).
 */
export function sameDetection(a: Detection | null, b: Detection | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
