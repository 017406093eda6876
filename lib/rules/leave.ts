import type { Detection, Platform } from '../detect';

/**
 * The platforms' own leave and end controls. Jitsi's hang-up menu items have no stable
 * attribute, only their translated labels (lang/main-de.json, main.json); BigBlueButton's have
 * data-test names.
 */
const JITSI = {
  leave: 'button[aria-label="Konferenz verlassen"], button[aria-label="Leave meeting"]',
  end: 'button[aria-label="Konferenz für alle beenden"], button[aria-label="End meeting for all"]',
};
const BBB = {
  leave: '[data-test="directLogoutButton"], [data-test="optionsLogoutButton"], li[data-test="logout"]',
  end: '[data-test="endMeetingButton"]',
};

/**
 * Per platform (a platform missing here is a type error); null where the page has no leave
 * control of its own: the front ends only open BigBlueButton, which runs in a page of its own.
 */
export const LEAVE_CONTROLS: Readonly<Record<Platform, { leave: string; end: string } | null>> = {
  jitsi: JITSI,
  bbb: BBB,
  iserv: BBB,
  greenlight: null,
  'nextcloud-bbb': null,
  'moodle-bbb': null,
};

/**
 * Hold a moderator's leave while others are still in: with a known head count above one, or with
 * an unknown count unless the user said not to ask again for this room. Never for participants
 * or a moderator alone.
 */
export function shouldGuard(detection: Detection, dontAskAgain: boolean): boolean {
  if (detection.phase !== 'meeting' || detection.moderator !== true) return false;
  if (detection.participants === 'unknown') return !dontAskAgain;
  return detection.participants > 1;
}
