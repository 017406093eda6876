import type { MessageKey } from '../i18n';
import type { Role } from '../messages';

/** Students are addressed with "du", parents and teachers with "Sie". */
export type Address = 'du' | 'Sie';

export const addressOf = (role: Role): Address => (role === 'student' ? 'du' : 'Sie');

/**
 * Messages that address the reader, written for students ("du"); each has its "Sie" twin for
 * parents and teachers. English has one form for both.
 */
export const FORMAL = {
  noticeIntro: 'noticeIntroSie',
  noticeNotStated: 'noticeNotStatedSie',
  ruleNoRecording: 'ruleNoRecordingSie',
  ruleFamilyPrivacy: 'ruleFamilyPrivacySie',
  ruleKeepPrivate: 'ruleKeepPrivateSie',
  noticeRuleOwn: 'noticeRuleOwnSie',
} as const satisfies Partial<Record<MessageKey, MessageKey>>;

export type AddressedKey = keyof typeof FORMAL;

export const addressed = (key: AddressedKey, address: Address): MessageKey => (address === 'du' ? key : FORMAL[key]);
