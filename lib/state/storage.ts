import { storage } from 'wxt/utils/storage';
import type { TabFrames } from '../tabs';

/** Origins the user switched the extension on for (each has a host permission and a script). */
export const userSites = storage.defineItem<string[]>('local:userSites', { fallback: [], version: 1 });

/** What each frame of a tab reported; session storage survives the service worker's restarts. */
export const tabFrames = (tabId: number) => storage.defineItem<TabFrames>(`session:tab:${tabId}`, { fallback: {} });
