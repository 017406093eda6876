import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { EndedCard } from '../../components/EndedCard';
import { JoinNotice } from '../../components/JoinNotice';
import { RecordingReminder } from '../../components/Reminders';
import { Summary } from '../../components/Summary';
import { UNKNOWN_FACTS } from '../../lib/detect/types';
import type { MessageKey } from '../../lib/i18n';
import type { Role } from '../../lib/messages';
import { plural } from '../../lib/plural';
import { BUNDLED_PROFILES } from '../../lib/profiles/bundled';
import { isSourceId, SOURCE_DOCUMENTS, sourceDocument, type SourceDocument } from '../../lib/profiles/register';
import type { Profile } from '../../lib/profiles/schema';
import { FORMAL } from '../../lib/rules/address';
import { CHECKLIST } from '../../lib/rules/checklist';
import { LAW_NOTES } from '../../lib/rules/law';
import { JOIN_RULES } from '../../lib/rules/reminders';
import de from '../../public/_locales/de/messages.json';
import { translator } from './messages';

/** "Sie" and its forms as polite address (capitalised inside a sentence), and "Ihr Kind". */
const SIE = /(?<![.:!?]\s|^)\b(Sie|Ihnen|Ihr|Ihre|Ihrem|Ihren|Ihrer|Ihres)\b|Ihr Kind/;
const DU = /\b(du|dich|dir|dein|deine|deinem|deinen|deiner|deines)\b/i;

const container = document.createElement('div');
document.body.append(container);
afterEach(() => render(null, container));

const noop = () => {};
const meeting = { platform: 'bbb' as const, phase: 'meeting' as const, room: 'r', ...UNKNOWN_FACTS, recording: true as const };

/** What a person of this role reads in the overlay for this profile (every detail opened). */
function overlayText(profile: Profile | null, role: Role, used?: Set<MessageKey>): string {
  const t = translator('de', used);
  render(
    <>
      <JoinNotice t={t} lang="de" platformName="BigBlueButton" profile={profile} role={role} onAcknowledge={noop} onClose={noop} onMore={noop} />
      <RecordingReminder t={t} lang="de" detection={meeting} role={role} profile={profile} details onToggleDetails={noop} />
      <EndedCard t={t} lang="de" profile={profile} role={role} onClose={noop} />
    </>,
    container,
  );
  return container.textContent ?? '';
}

describe('register: students read "du", parents and teachers "Sie"', () => {
  for (const profile of [...BUNDLED_PROFILES, null]) {
    it(`${profile?.id ?? 'no profile'}: no student-facing text says "Sie" or "Ihr Kind"`, () => {
      const text = overlayText(profile, 'student');
      expect(text.match(SIE)?.[0], text).toBeUndefined();
    });

    it(`${profile?.id ?? 'no profile'}: parents are not addressed with "du"`, () => {
      const text = overlayText(profile, 'parent');
      expect(text.match(DU)?.[0], text).toBeUndefined();
    });
  }

  it('every message the student notice uses is free of "Sie"; every "Sie" twin is free of "du"', () => {
    const used = new Set<MessageKey>();
    for (const profile of BUNDLED_PROFILES) overlayText(profile, 'student', used);
    const messages = de as Record<string, { message: string }>;
    for (const key of used) expect(messages[key]!.message, key).not.toMatch(SIE);
    for (const [du, sie] of Object.entries(FORMAL)) {
      expect(messages[sie]!.message, sie).toMatch(/\b(Sie|Ihr|Ihre|Ihrer)\b/);
      expect(messages[sie]!.message, sie).not.toMatch(DU);
      expect(messages[du]!.message, du).not.toMatch(SIE);
    }
  });

  it("a school's sanction reaches students only in the wording written for them", () => {
    const hallermund = BUNDLED_PROFILES.find((p) => p.id === 'gs-hallermund-springe')!;
    expect(overlayText(hallermund, 'student')).toContain('Hältst du dich nicht daran, kann die Schule dich von Videokonferenzen ausschließen');
    expect(overlayText(hallermund, 'parent')).toContain('Die Schule kann Ihr Kind dann von Videokonferenzen ausschließen');
    const withoutStudentWording: Profile = {
      ...hallermund,
      houseRules: hallermund.houseRules!.map(({ studentSanction: _, ...rule }) => rule),
    };
    expect(overlayText(withoutStudentWording, 'student')).not.toContain('ausschließen');
  });
});

describe('rules and their sources', () => {
  it("keeping link and password private is Konferenzlotse's advice everywhere, never a school's", () => {
    for (const profile of [...BUNDLED_PROFILES, null]) {
      overlayText(profile, 'student');
      expect(container.querySelector('.rules [data-rule="keep-private"]')?.getAttribute('data-origin'), profile?.id).toBe('konferenzlotse');
      expect(container.querySelector('[data-testid="notice-rule-sources"] [data-rule="keep-private"]')?.textContent).toContain('Konferenzlotse rät dazu');
    }
  });

  it("a rule is the school's only where its notice states it, and then cites that notice by title", () => {
    const origin = (id: string) => {
      overlayText(BUNDLED_PROFILES.find((p) => p.id === id)!, 'student');
      return Object.fromEntries(JOIN_RULES.map((r) => [r.id, container.querySelector(`.rules [data-rule="${r.id}"]`)?.getAttribute('data-origin')]));
    };
    expect(origin('gs-hallermund-springe')).toEqual({ 'no-recording': 'school', 'family-privacy': 'school', 'keep-private': 'konferenzlotse' });
    expect(origin('kmz-zollernalbkreis')).toEqual({ 'no-recording': 'school', 'family-privacy': 'konferenzlotse', 'keep-private': 'konferenzlotse' });
    expect(origin('hannover-bildungsbuero')).toEqual({ 'no-recording': 'konferenzlotse', 'family-privacy': 'konferenzlotse', 'keep-private': 'konferenzlotse' });
    expect(origin('generic-jitsi')).toEqual({ 'no-recording': 'konferenzlotse', 'family-privacy': 'konferenzlotse', 'keep-private': 'konferenzlotse' });
    overlayText(BUNDLED_PROFILES.find((p) => p.id === 'kmz-zollernalbkreis')!, 'student');
    expect(container.querySelector('[data-testid="notice-rule-sources"] [data-rule="no-recording"]')?.textContent).toContain(
      'Datenschutz und Datensicherheit in Kürze (Jitsi-Videokonferenz) (Kreismedienzentrum Zollernalbkreis) – Verantwortung der Schule bzw. der Lehrkräfte',
    );
  });

  it('the recording rule forbids recording the conference, not only "others"', () => {
    expect(de.ruleNoRecording.message).not.toMatch(/von anderen/);
    expect(de.ruleNoRecording.message).toMatch(/Konferenz nicht auf/);
  });

  it('every legal note links its official text and is right for children', () => {
    for (const note of LAW_NOTES) {
      const law: SourceDocument = SOURCE_DOCUMENTS[note.law];
      expect(law.kind).toBe('law');
      expect(law.url).toMatch(/^https:\/\/(www\.gesetze-im-internet\.de|eur-lex\.europa\.eu)\//);
    }
    const all = LAW_NOTES.map((n) => de[n.text as keyof typeof de].message).join(' ');
    expect(all).not.toMatch(/macht sich strafbar/);
    expect(all).toMatch(/Ab 14 Jahren/);
    expect(all).toMatch(/§ 19 StGB/);
    expect(all).toMatch(/Art\. 2 Abs\. 2 lit\. c/);
    expect(all).toMatch(/§ 201 StGB/);
    expect(all).toMatch(/§ 22 KUG/);
    overlayText(null, 'student');
    const links = [...container.querySelectorAll('[data-testid="notice-law"] a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(LAW_NOTES.map((n) => sourceDocument(n.law).url));
  });

  it('every checklist item cites register documents by sections they have', () => {
    for (const item of CHECKLIST) {
      expect(item.sources.length, item.id).toBeGreaterThan(0);
      for (const { doc, section } of item.sources) {
        expect(isSourceId(doc), item.id).toBe(true);
        if (section) expect((SOURCE_DOCUMENTS[doc] as SourceDocument).sections, `${item.id}: ${section}`).toContain(section);
      }
    }
  });
});

describe('the summary people read', () => {
  const summaryText = (id: string) => {
    render(<Summary t={translator('de')} lang="de" profile={BUNDLED_PROFILES.find((p) => p.id === id)!} expanded />, container);
    return container.textContent ?? '';
  };

  it('names sources by title, issuer and section, never by a file name', () => {
    for (const profile of BUNDLED_PROFILES) {
      const text = summaryText(profile.id);
      expect(text, profile.id).not.toMatch(/seeds\/|\.txt|hallermund-hinweise/);
    }
    expect(summaryText('gs-hallermund-springe')).toContain(
      'Quelle: Datenschutzhinweise zum IServ Videokonferenztool (GS Hallermund, Springe) – Wer ist verantwortlich für die Verarbeitung der Daten meines Kindes?',
    );
  });

  it('states a sanction once, without repeating its label', () => {
    expect(summaryText('gs-hallermund-springe')).not.toMatch(/Bei Verstößen: Bei Verstößen|Verstößen: Bei Verstößen/);
  });

  it("shows Hannover's own data centre, no transfer to third parties, and the Bildungsbüro's phone and e-mail", () => {
    const text = summaryText('hannover-bildungsbuero');
    expect(text).toContain('eigenen Rechenzentrum der Stadt');
    expect(text).toContain('keine Daten aus der Nutzung von Jitsi Meet an Dritte weiter');
    expect(text).toContain('0511/168-31061');
    expect(text).toContain('beratung-bildungsbuero@hannover-stadt.de');
    expect(text).toContain('Name und Kontaktangaben');
    expect(text).toContain('unter den Voraussetzungen von Art. 17 DSGVO');
  });

  it('shows withdrawal of consent as missing where the notice names no legal basis (Kreismedienzentrum)', () => {
    render(<Summary t={translator('de')} lang="de" profile={BUNDLED_PROFILES.find((p) => p.id === 'kmz-zollernalbkreis')!} expanded />, container);
    const headings = [...container.querySelectorAll('h4')].map((h) => h.textContent);
    expect(headings).toContain('Einwilligung widerrufen');
  });

  it('names the EEA in English, where the law speaks of third countries', () => {
    render(<Summary t={translator('en')} lang="en" profile={BUNDLED_PROFILES.find((p) => p.id === 'lindgren-grundschule-berlin')!} expanded />, container);
    expect(container.textContent).toContain('outside the EEA');
    expect(container.textContent).not.toContain('outside the EU');
  });
});

describe('plural forms', () => {
  for (const lang of ['de', 'en'] as const) {
    const t = translator(lang);
    it(`${lang}: 0, 1 and many`, () => {
      const forms = (n: number) => [plural(t, 'guardText', n), plural(t, 'pickerCount', n), plural(t, 'importFailed', n), plural(t, 'countDays', n)];
      if (lang === 'de') {
        expect(forms(1)).toEqual([
          'Es ist noch 1 andere Person im Raum. Wer den Raum als Moderation verlässt, lässt sie ohne Aufsicht zurück.',
          '1 Schule gefunden',
          'Nicht importiert: 1 Fehler. Ihre bisherigen Profile bleiben unverändert.',
          '1 Tag',
        ]);
        expect(forms(2)[0]).toContain('Es sind noch 2 andere Personen im Raum.');
        expect(forms(0)[1]).toBe('0 Schulen gefunden');
        expect(forms(14)[3]).toBe('14 Tage');
      } else {
        expect(forms(1)).toEqual([
          '1 other person is still in the room. If you leave as the moderator, they stay without supervision.',
          '1 school found',
          'Not imported: 1 error. Your existing profiles are unchanged.',
          '1 day',
        ]);
        expect(forms(3)[2]).toBe('Not imported: 3 errors. Your existing profiles are unchanged.');
        expect(forms(0)[3]).toBe('0 days');
      }
    });
  }
});
