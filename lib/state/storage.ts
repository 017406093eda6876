import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { PLATFORMS, type Phase } from '../detect';
import { ROLES, type Role } from '../messages';
import { BUNDLED_PROFILES } from '../profiles/bundled';
import { cardOf, ProfileCard } from '../profiles/card';
import { isProfileKey, PROFILE_ID, profileKey } from '../profiles/key';
import type { Profile } from '../profiles/schema';
import { validateProfile } from '../profiles/validate';
import { parseSite } from '../sites';
import type { FrameReport } from '../tabs';
import { list, record, scalar, validatedItem } from './store';

/**
 * Every stored value, each read through its validator (lib/state/store.ts). Only lib/state reads
 * or writes them; content scripts go through the background (lib/state/room.ts).
 */

const PHASES = ['portal', 'prejoin', 'lobby', 'audio-setup', 'meeting', 'ended'] as const satisfies readonly Phase[];

const ProfileId = v.pipe(v.string(), v.regex(PROFILE_ID));
/** An origin as the options page stores it (`https://meet.schule.de`). */
const isOrigin = (text: string) => {
  const site = parseSite(text);
  return site.ok && site.origin === text;
};
const Origin = v.pipe(v.string(), v.check(isOrigin));
/** Room keys (`platform:host:room`) and checklist item ids: plain bounded text. */
const isRoomKey = (key: string) => key.length > 0 && key.length <= 1000;

/** Origins the user switched the extension on for (each has a host permission and a script). */
export const userSites = validatedItem('local:userSites', list(Origin));

/** Who uses this browser: decides what the overlay shows. */
export const roleSetting = validatedItem<Role>('local:role', scalar(v.picklist(ROLES), 'student'));

/** The school a user chose in the popup (a profile id). */
export const chosenSchool = validatedItem<string | null>('local:chosenSchool', scalar(v.nullable(ProfileId), null));

/** Origins the user confirmed as their school's conference: origin -> profile id. */
export const confirmedSites = validatedItem('local:confirmedSites', record(isOrigin, ProfileId));

/** Teachers' manual checklist ticks per room: room key -> item id -> ticked. */
export const checklistTicks = validatedItem('local:checklist', record(isRoomKey, v.record(v.pipe(v.string(), v.maxLength(200)), v.boolean())));

/** Rooms where the leave-last guard should not ask when the head count is unknown. */
export const guardOff = validatedItem('local:leaveGuardOff', record(isRoomKey, v.literal(true)));

/** Rooms where the teacher keeps the room checklist open rather than folded into its bar. */
export const checklistOpen = validatedItem('local:panels', record(isRoomKey, v.literal(true)));

/** Storage key of one imported profile's whole text. */
export const profileBodyKey = (id: string) => `profile:${id}`;

/** Whether a changed storage key (local area) is one of the imported profiles' (index or text). */
export const isProfileStorageKey = (key: string) => key === 'profiles' || key.startsWith('profile:');

/**
 * The imported profiles' index: one card per profile (what choosing and matching need); each
 * profile itself is stored under `profile:<id>`, so an import writes one profile and this small
 * list. An entry may still be a whole profile (the layout before version 2): it is read as such
 * and moved to its own key by the next write.
 */
export type IndexEntry = ProfileCard | Profile;
export const isWhole = (entry: IndexEntry): entry is Profile => 'format' in entry;

const IndexEntrySchema = v.union([
  ProfileCard,
  v.pipe(
    v.unknown(),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const result = validateProfile(dataset.value);
      if (result.ok) return result.profile;
      addIssue({ message: 'profile' });
      return NEVER;
    }),
  ),
]) as v.GenericSchema<unknown, IndexEntry>;

/** Version 1 stored every imported profile in one array; version 2 stores one key per profile. */
async function splitProfiles(old: unknown): Promise<unknown> {
  if (!Array.isArray(old)) return old;
  const bodies: Record<string, Profile> = {};
  const index: unknown[] = [];
  for (const entry of old) {
    const result = validateProfile(entry);
    if (!result.ok) {
      index.push(entry);
      continue;
    }
    const key = profileBodyKey(result.profile.id);
    if (key in bodies) continue;
    bodies[key] = result.profile;
    index.push(cardOf(result.profile));
  }
  // One write: the profiles move to their own keys as the array they replace goes, so the
  // quota is never needed twice.
  await browser.storage.local.set({ ...bodies, profiles: index, profiles$: { v: 2 } });
  return index;
}

export const indexShape = list(IndexEntrySchema);
export const profileIndex = validatedItem('local:profiles', indexShape, { version: 2, migrations: { 2: splitProfiles } });

/**
 * Acknowledged join notices: profile key (`bundled:…`, `imported:…`, `policy:…`) -> version.
 * Version 1 keyed them by profile id alone, so a policy or imported profile that reused a bundled
 * id inherited the bundled one's acknowledgement. An old entry goes to the profile that was shown
 * under that id: the imported one where one exists, else the bundled one, else the policy's.
 */
async function keyAcknowledgements(old: unknown): Promise<unknown> {
  if (typeof old !== 'object' || old === null || Array.isArray(old)) return old;
  const { profiles } = (await browser.storage.local.get('profiles')) as { profiles?: unknown };
  const imported = new Set(Array.isArray(profiles) ? profiles.map((p) => (p as { id?: unknown } | null)?.id) : []);
  const bundled = new Set(BUNDLED_PROFILES.map((p) => p.id));
  const out: Record<string, unknown> = {};
  for (const [id, version] of Object.entries(old)) {
    if (isProfileKey(id) || !PROFILE_ID.test(id)) out[id] = version;
    else out[profileKey(imported.has(id) ? 'imported' : bundled.has(id) ? 'bundled' : 'policy', id)] = version;
  }
  return out;
}

export const acknowledgements = validatedItem('local:acknowledgements', record(isProfileKey, v.pipe(v.number(), v.integer(), v.minValue(1))), {
  version: 2,
  migrations: { 2: keyAcknowledgements },
});

const Fact = <T extends v.GenericSchema>(schema: T) => v.union([schema, v.literal('unknown')]);
/** A detection as the detector reports it (session storage and messages). */
export const DetectionSchema = v.looseObject({
  platform: v.picklist(PLATFORMS),
  phase: v.picklist(PHASES),
  room: v.nullable(v.string()),
  moderator: Fact(v.boolean()),
  participants: Fact(v.number()),
  recording: Fact(v.boolean()),
  protected: Fact(v.boolean()),
});
const FrameReportSchema = v.looseObject({ detection: DetectionSchema, url: v.string() }) as v.GenericSchema<unknown, FrameReport>;

/** What each frame of a tab reported; session storage survives the service worker's restarts. */
export const tabFrames = (tabId: number) => validatedItem(`session:tab:${tabId}`, record((k) => /^\d+$/.test(k), FrameReportSchema));

/** The values the options page checks and repairs (session values are dropped when damaged). */
export const CHECKED_ITEMS = [profileIndex, userSites, roleSetting, chosenSchool, confirmedSites, acknowledgements, checklistTicks, guardOff, checklistOpen] as const;
