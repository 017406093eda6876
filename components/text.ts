import type { MessageKey, Translate } from '../lib/i18n';
import { plural } from '../lib/plural';
import { retentionSummary } from '../lib/profiles/retention';
import type { DataCategory, Profile, RetentionUntil, Text } from '../lib/profiles/schema';

export type Lang = 'de' | 'en';

/** The reader's language where the profile has it, German otherwise. */
export const pick = (text: Text, lang: Lang): string => (lang === 'en' ? (text.en ?? text.de) : text.de);

/** Kinds of data in plain words, as the first layer and the join notice name them. */
const CATEGORY: Record<DataCategory, MessageKey> = {
  'conference-content': 'catConferenceContent',
  metadata: 'catMetadata',
  logs: 'catLogs',
  chat: 'catChat',
  whiteboard: 'catWhiteboard',
  files: 'catFiles',
  'guest-data': 'catGuestData',
  device: 'catDevice',
  account: 'catAccount',
  identity: 'catIdentity',
  settings: 'catSettings',
};

/** The details layer adds the technical term where the plain words replace one. */
const CATEGORY_TERM: Partial<Record<DataCategory, MessageKey>> = {
  metadata: 'catMetadataTerm',
  logs: 'catLogsTerm',
};

export const categoryName = (t: Translate, category: DataCategory): string => t(CATEGORY[category]);
export const categoryTerm = (t: Translate, category: DataCategory): string => t(CATEGORY_TERM[category] ?? CATEGORY[category]);

/** Kinds of data in plain words, each once, in the order given. */
export function categoryList(t: Translate, categories: readonly DataCategory[]): string {
  return [...new Set(categories.map((c) => categoryName(t, c)))].join(', ');
}

/** The kinds of data a profile lists. */
export function categoryNames(t: Translate, profile: Profile): string {
  return categoryList(t, (profile.dataCategories ?? []).map((c) => c.category));
}

/** What "kept until" means, for each end a profile can name. */
export const UNTIL_LABEL: Readonly<Record<RetentionUntil, MessageKey>> = {
  'conference-end': 'keptUntilConferenceEnd',
  'room-closed': 'keptUntilRoomClosed',
  'nightly-restart': 'keptUntilNightlyRestart',
  account: 'edUntilAccount',
  browser: 'edUntilBrowser',
  'on-request': 'edUntilOnRequest',
};

/**
 * The first layer's lines on retention, in words for every reader: that picture and sound are not
 * stored (where the profile says so), what is kept longest and for how long, and what is kept
 * without a stated period. Empty where the profile says nothing about retention.
 */
export function retentionLines(t: Translate, profile: Profile | null): string[] {
  const summary = profile ? retentionSummary(profile) : null;
  if (!summary) return [];
  const lines: string[] = [];
  if (summary.notStored) lines.push(t('keptNotStored'));
  const { longest } = summary;
  if (longest?.kind === 'days') {
    const days = plural(t, 'countDays', longest.days);
    lines.push(t(longest.exceptions ? 'keptLongestDaysExceptions' : 'keptLongestDays', [categoryList(t, longest.categories), days]));
  } else if (longest?.kind === 'until') {
    lines.push(t('keptLongestUntil', [categoryList(t, longest.categories), t(UNTIL_LABEL[longest.until])]));
  }
  if (summary.unstated.length) lines.push(t('keptUnstated', categoryList(t, summary.unstated)));
  return lines;
}
