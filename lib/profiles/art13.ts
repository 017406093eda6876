import type { Profile } from './schema';

/** The items GDPR Art. 13 requires a notice to give, in the order of the article. */
export const ART13_ITEMS = [
  'controller',
  'dpo',
  'purposes',
  'legalBasis',
  'recipients',
  'thirdCountry',
  'retention',
  'rights',
  'withdrawConsent',
  'complaint',
] as const;

export type Art13Item = (typeof ART13_ITEMS)[number];
export type Art13Status = 'present' | 'missing' | 'not-applicable';

/** The fields the check reads: it looks only at whether each is there (a profile, or a draft of one). */
export type Art13Input = Partial<Pick<Profile, 'controller' | 'dpo' | 'purposes' | 'legalBases' | 'access' | 'processors' | 'thirdCountryTransfer' | 'retention' | 'rights' | 'withdrawConsent' | 'complaint'>>;

/** Which Art. 13 items a profile gives and which it lacks; nothing is ever filled in. */
export function checkArt13(profile: Art13Input): { item: Art13Item; status: Art13Status }[] {
  // Withdrawal must be explained where consent is a legal basis, and may need to be where the
  // notice names no basis at all; it is not needed only where the bases named exclude consent.
  const consentExcluded = Boolean(profile.legalBases?.length) && !profile.legalBases!.some((b) => b.basis === 'consent');
  const present: Record<Art13Item, boolean> = {
    controller: Boolean(profile.controller),
    dpo: Boolean(profile.dpo),
    purposes: Boolean(profile.purposes?.length),
    legalBasis: Boolean(profile.legalBases?.length),
    recipients: Boolean(profile.access?.length || profile.processors?.length),
    thirdCountry: Boolean(profile.thirdCountryTransfer),
    retention: Boolean(profile.retention?.length),
    rights: Boolean(profile.rights),
    withdrawConsent: Boolean(profile.withdrawConsent),
    complaint: Boolean(profile.complaint),
  };
  return ART13_ITEMS.map((item) => ({
    item,
    status: present[item] ? 'present' : item === 'withdrawConsent' && consentExcluded ? 'not-applicable' : 'missing',
  }));
}

export function art13Gaps(profile: Profile): Art13Item[] {
  return checkArt13(profile)
    .filter((r) => r.status === 'missing')
    .map((r) => r.item);
}
