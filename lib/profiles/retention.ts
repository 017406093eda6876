import type { DataCategory, Profile, Retention, RetentionUntil } from './schema';

/** Events that end a retention inside the conference service, shortest first. */
const EVENT_ORDER: readonly RetentionUntil[] = ['conference-end', 'room-closed', 'nightly-restart'];

export type Longest =
  | { kind: 'days'; days: number; exceptions: boolean; categories: DataCategory[] }
  | { kind: 'until'; until: RetentionUntil; categories: DataCategory[] };

/** The first layer's answer to "how long is it kept?", taken only from what the profile states. */
export interface RetentionSummary {
  /** Picture and sound are not kept beyond the conference. */
  notStored: boolean;
  /** What is kept longest, and for how long. */
  longest: Longest | null;
  /** Data the notice says is kept, without saying for how long. */
  unstated: DataCategory[];
}

const unique = (entries: readonly Retention[]): DataCategory[] => [...new Set(entries.map((e) => e.category))];

const isNotStored = (e: Retention) => e.category === 'conference-content' && e.until === 'conference-end' && e.maxDays === undefined;

/**
 * What is kept longest and for how long: the largest number of days any entry names, or else the
 * latest event (end of the conference, closing of the room, the nightly restart). Data kept in an
 * account or in the user's own browser lives as long as those do; the details layer lists it.
 * Null where the profile says nothing about retention.
 */
export function retentionSummary(profile: Profile): RetentionSummary | null {
  const entries = profile.retention ?? [];
  if (!entries.length) return null;
  const kept = entries.filter((e) => !isNotStored(e));
  const withDays = kept.filter((e) => e.maxDays !== undefined);
  let longest: Longest | null = null;
  if (withDays.length) {
    const days = Math.max(...withDays.map((e) => e.maxDays!));
    const top = withDays.filter((e) => e.maxDays === days);
    longest = { kind: 'days', days, exceptions: top.some((e) => e.exceptions === true), categories: unique(top) };
  } else {
    const rank = (e: Retention) => (e.until ? EVENT_ORDER.indexOf(e.until) : -1);
    const best = Math.max(-1, ...kept.map(rank));
    if (best >= 0) longest = { kind: 'until', until: EVENT_ORDER[best]!, categories: unique(kept.filter((e) => rank(e) === best)) };
  }
  return {
    notStored: entries.some(isNotStored),
    longest,
    unstated: unique(kept.filter((e) => e.maxDays === undefined && e.until === undefined)),
  };
}
