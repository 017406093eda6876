import type de from '../public/_locales/de/messages.json';

/** Every message name; German is the reference locale, English must have the same keys. */
export type MessageKey = keyof typeof de;

/**
 * Gives a message in the reader's language. Views take it as a prop; the browser-bound one is
 * `t` in lib/state/i18n.ts (tests use their own, tests/unit/messages.ts).
 */
export type Translate = (key: MessageKey, substitutions?: string | string[]) => string;
