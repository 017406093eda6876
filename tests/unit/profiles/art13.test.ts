import { describe, expect, it } from 'vitest';
import { art13Gaps, checkArt13 } from '../../../lib/profiles/art13';
import { sampleProfile } from './sample';

describe('GDPR Art. 13 check', () => {
  it('a complete profile has no gaps', () => {
    expect(art13Gaps(sampleProfile())).toEqual([]);
  });

  it('names each missing item, never fills it', () => {
    const profile = sampleProfile({ dpo: undefined, complaint: undefined, retention: undefined });
    expect(art13Gaps(profile)).toEqual(['dpo', 'retention', 'complaint']);
  });

  it('recipients count as given through access or processors', () => {
    const noAccess = sampleProfile({ access: undefined });
    expect(art13Gaps(noAccess)).toContain('recipients');
    expect(art13Gaps({ ...noAccess, processors: [{ name: 'IServ GmbH', text: { de: 'x' }, source: [{ document: 'd' }] }] })).not.toContain('recipients');
  });

  it('withdrawing consent is needed only where consent is a basis', () => {
    const publicTask = sampleProfile({ legalBases: [{ basis: 'public-task', text: { de: 'x' }, source: [{ document: 'd' }] }], withdrawConsent: undefined });
    expect(checkArt13(publicTask).find((r) => r.item === 'withdrawConsent')?.status).toBe('not-applicable');
    expect(art13Gaps(sampleProfile({ withdrawConsent: undefined }))).toEqual(['withdrawConsent']);
  });
});
