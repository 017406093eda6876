/**
 * Public conference hosts the detector runs on without asking. The hosts that bundled profiles
 * name join them (wxt.config.ts); every other site needs the toolbar button or an opt-in.
 */
export const PUBLIC_INSTANCE_MATCHES: readonly string[] = [
  // Jitsi's public instance.
  'https://meet.jit.si/*',
  // The BigBlueButton servers IServ runs for its schools' video conferences.
  'https://*.videoconference.iserv.eu/*',
];
