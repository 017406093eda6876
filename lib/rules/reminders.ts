import type { Profile } from '../profiles/schema';
import type { AddressedKey } from './address';

export type JoinRuleId = 'no-recording' | 'family-privacy' | 'keep-private';

export interface JoinRule {
  id: JoinRuleId;
  text: AddressedKey;
}

/**
 * The three rules every participant sees when joining. Where the school's notice states a rule
 * (a house rule of the same id), it is shown as the school's, with that notice as its source;
 * otherwise it is Konferenzlotse's own advice, resting on the law (lib/rules/law.ts). No notice
 * asks to keep the room's link and password private: that one is always Konferenzlotse's advice.
 */
export const JOIN_RULES: readonly JoinRule[] = [
  { id: 'no-recording', text: 'ruleNoRecording' },
  { id: 'family-privacy', text: 'ruleFamilyPrivacy' },
  { id: 'keep-private', text: 'ruleKeepPrivate' },
];

export type HouseRule = NonNullable<Profile['houseRules']>[number];

/** The school's own statement of a join rule, where its notice makes one. */
export function schoolRule(profile: Profile | null, id: JoinRuleId): HouseRule | undefined {
  return profile?.houseRules?.find((r) => r.rule === id);
}
