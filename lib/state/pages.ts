import { browser } from 'wxt/browser';
import type { ProfileKey } from '../profiles/key';

/** An extension page about one profile: the printable summary or the parents' letter. */
export const profilePageUrl = (page: '/summary.html' | '/letter.html', key: ProfileKey) =>
  `${browser.runtime.getURL(page)}?profile=${encodeURIComponent(key)}`;
