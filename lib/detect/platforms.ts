/**
 * The one list of platforms. Everything per platform derives from it and is typed by it, so a
 * platform added here is a type error wherever it still lacks its part: the detector registry
 * (lib/detect/index.ts), the profile schema, the product names and badge texts
 * (lib/platforms.ts) and the leave controls (lib/rules/leave.ts).
 */
export const PLATFORMS = ['jitsi', 'bbb', 'iserv', 'greenlight', 'nextcloud-bbb', 'moodle-bbb'] as const;

export type Platform = (typeof PLATFORMS)[number];
