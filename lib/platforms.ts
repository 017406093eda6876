import type { Platform } from './detect';
import type { MessageKey } from './i18n';

/** The product name shown for each platform. */
export const PLATFORM_NAME: Record<Platform, MessageKey> = {
  jitsi: 'platformJitsi',
  bbb: 'platformBbb',
  iserv: 'platformIserv',
  greenlight: 'platformGreenlight',
  'nextcloud-bbb': 'platformNextcloudBbb',
  'moodle-bbb': 'platformMoodleBbb',
};
