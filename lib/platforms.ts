import type { Platform } from './detect';
import type { MessageKey } from './i18n';

// What the extension shows of each platform, typed by the one list (PLATFORMS in lib/detect):
// a platform without its entry here is a type error.

/** The product name shown for each platform. */
export const PLATFORM_NAME: Readonly<Record<Platform, MessageKey>> = {
  jitsi: 'platformJitsi',
  bbb: 'platformBbb',
  iserv: 'platformIserv',
  greenlight: 'platformGreenlight',
  'nextcloud-bbb': 'platformNextcloudBbb',
  'moodle-bbb': 'platformMoodleBbb',
};

/** Short badge text per platform (not translated: these are product names). */
export const BADGE_TEXT: Readonly<Record<Platform, string>> = {
  jitsi: 'JM',
  bbb: 'BBB',
  iserv: 'IS',
  greenlight: 'GL',
  'nextcloud-bbb': 'NC',
  'moodle-bbb': 'MO',
};
