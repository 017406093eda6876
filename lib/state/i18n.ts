import { browser } from 'wxt/browser';
import type { Translate } from '../i18n';

/** The browser picks the locale: English for English browsers, German otherwise. */
export const t: Translate = (key, substitutions) => browser.i18n.getMessage(key, substitutions);
