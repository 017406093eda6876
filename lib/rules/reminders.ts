import type { MessageKey } from '../i18n';

/** Where a bundled fact or rule comes from: a seed notice in shared/seeds and its section. */
export interface Source {
  seed: '000' | '001' | '002' | '003' | '004';
  section: string;
}

export interface Reminder {
  id: 'no-recording' | 'family-privacy' | 'keep-private';
  text: MessageKey;
  sources: readonly Source[];
}

/** The three rules every participant sees when joining. */
export const JOIN_RULES: readonly Reminder[] = [
  {
    id: 'no-recording',
    text: 'ruleNoRecording',
    sources: [
      { seed: '000', section: 'Hinweis nach „Technische Information“: Verbot von Mitschnitten' },
      { seed: '003', section: 'Verantwortung der Schule bzw. der Lehrkräfte' },
    ],
  },
  {
    id: 'family-privacy',
    text: 'ruleFamilyPrivacy',
    sources: [{ seed: '000', section: 'Schlussabsatz: Privatsphäre der Familienmitglieder' }],
  },
  {
    id: 'keep-private',
    text: 'ruleKeepPrivate',
    sources: [
      { seed: '000', section: 'Schlussabsatz: Inhalte bleiben im Kreis der Teilnehmer' },
      { seed: '003', section: 'Verantwortung der Schule bzw. der Lehrkräfte: Raum durch ein Passwort schützen' },
    ],
  },
];

/** The notice's opening line: true of any conference software (the school's facts come from its profile). */
export const NOTICE_INTRO: { text: MessageKey; sources: readonly Source[] } = {
  text: 'noticeIntro',
  sources: [
    { seed: '000', section: 'Wer hat Zugriff auf die personenbezogenen Daten meines Kindes?' },
    { seed: '004', section: '5. Übermittlung Ihrer personenbezogenen Daten von uns an Dritte' },
  ],
};
