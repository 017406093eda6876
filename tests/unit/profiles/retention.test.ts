import { describe, expect, it } from 'vitest';
import { retentionLines } from '../../../components/text';
import { BUNDLED_PROFILES } from '../../../lib/profiles/bundled';
import { retentionSummary } from '../../../lib/profiles/retention';
import type { Profile } from '../../../lib/profiles/schema';
import { translator } from '../messages';
import { sampleProfile } from './sample';

const bundled = (id: string): Profile => BUNDLED_PROFILES.find((p) => p.id === id)!;
const t = translator('de');
const src = [{ document: 'Hinweis' }];
const entry = (over: Partial<NonNullable<Profile['retention']>[number]>) => ({ category: 'chat' as const, text: { de: 'x' }, source: src, ...over });

describe('the first layer says what is kept longest and for how long', () => {
  it('GS Hallermund: at most 7 days, and picture and sound are not stored', () => {
    expect(retentionLines(t, bundled('gs-hallermund-springe'))).toEqual([
      'Bild und Ton werden nicht gespeichert.',
      'Am längsten gespeichert: Chat, Geteilte Dateien, Whiteboard, Angaben zu Raum und Zeit, Angaben zum Gerät, Nutzerkonto – höchstens 7 Tage.',
    ]);
  });

  it('Astrid-Lindgren-Grundschule: connection data at most 14 days', () => {
    expect(retentionLines(t, bundled('lindgren-grundschule-berlin'))).toEqual([
      'Bild und Ton werden nicht gespeichert.',
      'Am längsten gespeichert: Verbindungsdaten – höchstens 14 Tage.',
    ]);
  });

  it('Kreismedienzentrum: the chat until the nightly restart, the logs without a period', () => {
    expect(retentionLines(t, bundled('kmz-zollernalbkreis'))).toEqual([
      'Bild und Ton werden nicht gespeichert.',
      'Am längsten gespeichert: Chat – bis zum nächtlichen Neustart des Servers.',
      'Ohne Angabe, wie lange: Verbindungsdaten.',
    ]);
  });

  it('Hannover: connection data at most 30 days with exceptions, the room name without a period', () => {
    expect(retentionLines(t, bundled('hannover-bildungsbuero'))).toEqual([
      'Bild und Ton werden nicht gespeichert.',
      'Am längsten gespeichert: Verbindungsdaten – höchstens 30 Tage, mit Ausnahmen (siehe Details).',
      'Ohne Angabe, wie lange: Angaben zu Raum und Zeit.',
    ]);
  });

  it('every bundled institution names its longest period; generic profiles say nothing', () => {
    for (const profile of BUNDLED_PROFILES) {
      const summary = retentionSummary(profile);
      if (profile.kind === 'generic') expect(summary, profile.id).toBeNull();
      else expect(summary?.longest, profile.id).not.toBeNull();
    }
  });

  it('never shows only the reassuring half: a longer period always wins over "not stored"', () => {
    const p = sampleProfile({ retention: [entry({ category: 'conference-content', until: 'conference-end' }), entry({ category: 'logs', maxDays: 3 })] });
    expect(retentionSummary(p)).toEqual({ notStored: true, longest: { kind: 'days', days: 3, exceptions: false, categories: ['logs'] }, unstated: [] });
  });

  it('the largest number of days wins, whatever the order; one day is singular', () => {
    const p = sampleProfile({ retention: [entry({ category: 'logs', maxDays: 1 }), entry({ category: 'chat', until: 'room-closed' })] });
    expect(retentionLines(t, p)).toEqual(['Am längsten gespeichert: Verbindungsdaten – höchstens 1 Tag.']);
    const q = sampleProfile({ retention: [entry({ category: 'chat', maxDays: 2 }), entry({ category: 'logs', maxDays: 9 }), entry({ category: 'files', maxDays: 9 })] });
    expect(retentionSummary(q)?.longest).toEqual({ kind: 'days', days: 9, exceptions: false, categories: ['logs', 'files'] });
  });

  it('events rank by how late they come; account and browser data are left to the details', () => {
    const p = sampleProfile({ retention: [entry({ until: 'nightly-restart' }), entry({ category: 'files', until: 'room-closed' }), entry({ category: 'account', until: 'account' })] });
    expect(retentionSummary(p)).toEqual({ notStored: false, longest: { kind: 'until', until: 'nightly-restart', categories: ['chat'] }, unstated: [] });
  });

  it('no retention at all: nothing to say (shown as missing)', () => {
    expect(retentionLines(t, sampleProfile({ retention: undefined }))).toEqual([]);
    expect(retentionLines(t, null)).toEqual([]);
  });
});
