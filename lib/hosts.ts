/**
 * Conference hosts the detector runs on without asking: public instances and the hosts of
 * bundled profiles. Every other site needs the toolbar button or an explicit opt-in.
 */
export const KNOWN_CONFERENCE_MATCHES: readonly string[] = ['https://meet.jit.si/*'];
