import { browser } from 'wxt/browser';
import type de from '../public/_locales/de/messages.json';

/** Every message name; German is the reference locale, English must have the same keys. */
export type MessageKey = keyof typeof de;

export type Translate = (key: MessageKey, substitutions?: string | string[]) => string;

/** The browser picks the locale: English for English browsers, German otherwise. */
export const t: Translate = (key, substitutions) => browser.i18n.getMessage(key, substitutions);
