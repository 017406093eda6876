/**
 * Conference hosts the detector runs on without asking: public instances and the hosts of
 * bundled profiles. Every other site needs the toolbar button or an explicit opt-in.
 */
export const KNOWN_CONFERENCE_MATCHES: readonly string[] = [
  // Jitsi's public instance.
  'https://meet.jit.si/*',
  // The BigBlueButton servers IServ runs for its schools' video conferences.
  'https://*.videoconference.iserv.eu/*',
];
