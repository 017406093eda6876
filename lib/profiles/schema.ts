import * as v from 'valibot';
import { PLATFORMS } from '../detect/platforms';

/**
 * A profile: one institution's video-conference setup and its privacy notice, as data.
 * Every fact carries its sources; what a notice does not say is left out and shown as missing.
 * docs/profiles.md explains each field; docs/profile.schema.json is generated from this file.
 */

export const PROFILE_FORMAT = 1;

/** Upper bounds: a profile is a notice, not a database; they keep hostile input small. */
export const LIMITS = {
  text: 2000,
  short: 200,
  items: 40,
  sources: 10,
  /** Size of an imported file or pasted text, in characters. */
  input: 200_000,
} as const;

/** Line breaks and tabs are fine; other control characters have no place in a notice. */
const NO_CONTROL = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;

const text = (max: number = LIMITS.text) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.minLength(1),
    v.maxLength(max),
    v.regex(NO_CONTROL, 'control'),
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

/** A host name, or "*." and a domain for every subdomain (no scheme, no path). */
const HOST = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export const Deployment = v.strictObject(
  {
    platform: v.picklist(PLATFORMS),
    hosts: v.optional(v.pipe(v.array(v.pipe(v.string(), v.toLowerCase(), v.regex(HOST, 'host'))), v.maxLength(LIMITS.items))),
    source: v.optional(sources),
  },
);

export const Profile = v.strictObject(
  {
    $schema: v.optional(v.string()),
    format: v.literal(PROFILE_FORMAT),
    id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/, 'id')),
    version: v.pipe(v.number(), v.integer(), v.minValue(1)),
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
