import { storage } from 'wxt/utils/storage';
import type { Role } from '../messages';
import type { Profile } from '../profiles/schema';
import type { TabFrames } from '../tabs';

/** Origins the user switched the extension on for (each has a host permission and a script). */
export const userSites = storage.defineItem<string[]>('local:userSites', { fallback: [], version: 1 });

/** What each frame of a tab reported; session storage survives the service worker's restarts. */
export const tabFrames = (tabId: number) => storage.defineItem<TabFrames>(`session:tab:${tabId}`, { fallback: {} });

/** Profiles an admin or parent imported (validated before they are stored). */
export const importedProfiles = storage.defineItem<Profile[]>('local:profiles', { fallback: [], version: 1 });

/** The school a user chose in the popup (a profile id). */
export const chosenSchool = storage.defineItem<string | null>('local:chosenSchool', { fallback: null, version: 1 });

/** Origins the user confirmed as their school's conference: origin -> profile id. */
export const confirmedSites = storage.defineItem<Record<string, string>>('local:confirmedSites', { fallback: {}, version: 1 });

/** Who uses this browser: decides what the overlay shows. */
export const roleSetting = storage.defineItem<Role>('local:role', { fallback: 'student', version: 1 });

/** Acknowledged join notices: profile id -> profile version. A new version asks again. */
export const acknowledgements = storage.defineItem<Record<string, number>>('local:acknowledgements', { fallback: {}, version: 1 });

/** Teachers' manual checklist ticks per room: room key -> item id -> ticked. */
export const checklistTicks = storage.defineItem<Record<string, Record<string, boolean>>>('local:checklist', { fallback: {}, version: 1 });

/** Rooms where the leave-last guard should not ask when the head count is unknown. */
export const guardOff = storage.defineItem<Record<string, true>>('local:leaveGuardOff', { fallback: {}, version: 1 });
