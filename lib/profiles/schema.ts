import * as v from 'valibot';
import { PLATFORMS } from '../detect/platforms';
import { hostProblem } from '../hostnames';
import { PROFILE_ID } from './key';

/**
 * A profile: one institution's video-conference setup and its privacy notice, as data.
 * Every fact carries its sources; what a notice does not say is left out and shown as missing.
 * docs/profiles.md explains each field; docs/profile.schema.json is generated from this file.
 */

export const PROFILE_FORMAT = 1;

/** The highest version number: large enough for dates with the hour (2026090112), finite and exact. */
export const MAX_VERSION = 2_147_483_647;

/** Upper bounds: a profile is a notice, not a database; they keep hostile input small. */
export const LIMITS = {
  text: 2000,
  short: 200,
  items: 40,
  sources: 10,
  /** Size of an imported file or pasted text, in characters. */
  input: 200_000,
} as const;

/** Line breaks and tabs are fine; other control characters (C0, DEL, C1) have no place in a notice. */
const NO_CONTROL = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$/;

/** A UTF-16 half without its other half: text that was damaged on its way (e.g. `"\ud800"`). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Characters that draw nothing: zero-width spaces and joiners, direction marks, soft hyphens, fillers. */
const INVISIBLE = /[\s\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/gu;

/**
 * Direction controls: embeddings and overrides (U+202A–U+202E) turn the text around them, the
 * extension's own labels included, so they are refused; isolates (U+2066–U+2069) are fine only
 * where each one is closed in the same text.
 */
export function bidiMisused(value: string): boolean {
  if (/[\u202A-\u202E]/.test(value)) return true;
  let open = 0;
  for (const ch of value) {
    if (ch === '\u2066' || ch === '\u2067' || ch === '\u2068') open++;
    else if (ch === '\u2069' && --open < 0) return true;
  }
  return open !== 0;
}

/** Nothing but invisible characters: a name nobody can read. */
export const onlyInvisible = (value: string): boolean => value.replace(INVISIBLE, '') === '';

const text = (max: number = LIMITS.text) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.minLength(1),
    v.maxLength(max),
    v.check((value) => !LONE_SURROGATE.test(value), 'encoding'),
    v.regex(NO_CONTROL, 'control'),
    v.check((value) => !bidiMisused(value), 'bidi'),
    v.check((value) => !onlyInvisible(value), 'invisible'),
  );

const list = <T extends v.GenericSchema>(item: T, max: number = LIMITS.items) =>
  v.pipe(v.array(item), v.minLength(1), v.maxLength(max));

/** Links open only as web pages over https or as e-mail; nothing else becomes a link. */
export const HttpsUrl = v.pipe(
  text(LIMITS.short),
  v.url('url'),
  v.startsWith('https://', 'https'),
);

export const Email = v.pipe(text(LIMITS.short), v.email('email'));

/** Text in German (required) and English (shown to English browsers; German where missing). */
export const Text = v.strictObject(
  {
    de: text(),
    en: v.optional(text()),
  },
);

/** Where a fact comes from: a document (notice, seed file, web page) and the part of it. */
export const Source = v.strictObject(
  {
    document: text(LIMITS.short),
    section: v.optional(text(LIMITS.short)),
    url: v.optional(HttpsUrl),
  },
);

const sources = list(Source, LIMITS.sources);

/** A statement of the notice in plain words, with where it comes from. */
export const Fact = v.strictObject(
  {
    text: Text,
    source: sources,
  },
);

export const Contact = v.strictObject(
  {
    name: text(LIMITS.short),
    address: v.optional(text(LIMITS.short)),
    email: v.optional(Email),
    phone: v.optional(v.pipe(text(60), v.regex(/^[+0-9 ()/-]+$/, 'phone'))),
    url: v.optional(HttpsUrl),
    source: sources,
  },
);

export const LEGAL_BASES = ['consent', 'contract', 'legal-obligation', 'vital-interests', 'public-task', 'legitimate-interests'] as const;
export const DATA_CATEGORIES = [
  'conference-content',
  'metadata',
  'logs',
  'chat',
  'whiteboard',
  'files',
  'guest-data',
  'device',
  'account',
  'identity',
  'settings',
] as const;
/**
 * Until when a retention entry keeps its data, where the notice names an event rather than a
 * number of days: the end of the conference, the closing of the room, the server's nightly
 * restart, the life of an account, the user's own browser, or a deletion on request.
 */
export const RETENTION_UNTIL = ['conference-end', 'room-closed', 'nightly-restart', 'account', 'browser', 'on-request'] as const;
export const RECORDING_POLICIES = ['forbidden', 'disabled', 'allowed', 'unknown'] as const;
export const HOUSE_RULES = ['no-recording', 'family-privacy', 'keep-private', 'no-full-names', 'camera-off', 'usage-agreement', 'leave-last', 'password'] as const;

/**
 * A host name, or "*." and a domain for every subdomain (no scheme, no path), within DNS limits
 * and never on a public suffix (lib/hostnames.ts).
 */
const Host = v.pipe(
  v.string(),
  v.maxLength(LIMITS.short * 2),
  v.toLowerCase(),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const problem = hostProblem(dataset.value);
    if (problem) addIssue({ message: problem });
  }),
);

export const Deployment = v.strictObject(
  {
    platform: v.picklist(PLATFORMS),
    hosts: v.optional(v.pipe(v.array(Host), v.maxLength(LIMITS.items))),
    source: v.optional(sources),
  },
);

export const Profile = v.strictObject(
  {
    /** Where editors find the format (docs/profile.schema.json); a short address, nothing more. */
    $schema: v.optional(text(LIMITS.short)),
    format: v.literal(PROFILE_FORMAT),
    id: v.pipe(v.string(), v.regex(PROFILE_ID, 'id')),
    /** A whole number that grows with each change (a date such as 20260901 works too). */
    version: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_VERSION)),
    kind: v.picklist(['institution', 'generic']),
    language: v.picklist(['de', 'en']),
    institution: v.strictObject(
      {
        name: text(LIMITS.short),
        town: v.optional(text(LIMITS.short)),
        state: v.optional(text(LIMITS.short)),
        address: v.optional(text(LIMITS.short)),
        source: v.optional(sources),
      },
    ),
    deployments: list(Deployment, 10),
    /** Art. 13(1)(a) */
    controller: v.optional(Contact),
    /** Art. 13(1)(b) */
    dpo: v.optional(Contact),
    /** The office that handles the processing and answers questions, where it is not the controller itself. */
    office: v.optional(Contact),
    /** Art. 13(1)(c) */
    purposes: v.optional(list(Fact)),
    legalBases: v.optional(
      list(
        v.strictObject(
          {
            basis: v.picklist(LEGAL_BASES),
            text: Text,
            source: sources,
          },
        ),
      ),
    ),
    dataCategories: v.optional(
      list(
        v.strictObject(
          {
            category: v.picklist(DATA_CATEGORIES),
            text: Text,
            source: sources,
          },
        ),
      ),
    ),
    /** Art. 13(1)(e): who sees the data (participants, staff). */
    access: v.optional(list(Fact)),
    /** Art. 13(1)(e): processors and where they host. */
    processors: v.optional(
      list(
        v.strictObject(
          {
            name: text(LIMITS.short),
            location: v.optional(Text),
            text: Text,
            source: sources,
          },
        ),
      ),
    ),
    /** Where the servers run (own data centre, a hoster's data centres), where no processor says it. */
    hosting: v.optional(Fact),
    /** Art. 13(1)(f) */
    thirdCountryTransfer: v.optional(Fact),
    /** Art. 13(2)(a) */
    retention: v.optional(
      list(
        v.strictObject(
          {
            category: v.picklist(DATA_CATEGORIES),
            text: Text,
            /** The longest period the notice names for this data, in days. */
            maxDays: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3650))),
            /** The notice names exceptions to that period (e.g. logs kept as evidence). */
            exceptions: v.optional(v.boolean()),
            /** Or the event the notice names as the end. */
            until: v.optional(v.picklist(RETENTION_UNTIL)),
            source: sources,
          },
        ),
      ),
    ),
    recording: v.optional(
      v.strictObject(
        {
          policy: v.picklist(RECORDING_POLICIES),
          text: Text,
          source: sources,
        },
      ),
    ),
    houseRules: v.optional(
      list(
        v.strictObject(
          {
            rule: v.picklist(HOUSE_RULES),
            text: Text,
            sanction: v.optional(Text),
            /** The sanction as students read it ("du"); students see no sanction without it. */
            studentSanction: v.optional(Text),
            source: sources,
          },
        ),
      ),
    ),
    /** Art. 13(2)(b): access, rectification, erasure, restriction, objection, portability. */
    rights: v.optional(Fact),
    /** Art. 13(2)(c) */
    withdrawConsent: v.optional(Fact),
    /** Art. 13(2)(d) */
    complaint: v.optional(
      v.strictObject(
        {
          authority: v.optional(text(LIMITS.short)),
          text: Text,
          source: sources,
        },
      ),
    ),
    /** Generic profiles: what to ask the school, since the software cannot say. */
    askSchool: v.optional(Text),
  },
);

export type Profile = v.InferOutput<typeof Profile>;
export type Text = v.InferOutput<typeof Text>;
export type Source = v.InferOutput<typeof Source>;
export type Contact = v.InferOutput<typeof Contact>;
export type ProfilePlatform = (typeof PLATFORMS)[number];
export type DataCategory = (typeof DATA_CATEGORIES)[number];
export type RetentionUntil = (typeof RETENTION_UNTIL)[number];
export type Retention = NonNullable<Profile['retention']>[number];
