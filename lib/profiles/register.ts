/**
 * The register of source documents: every notice, law and upstream page a bundled fact, rule or
 * checklist item cites. Bundled profiles name a document by its id here (`source.document`); people
 * see its title, issuer and section, never an id or a file name. The notices' own text is not part
 * of the repository: `file` names the copy the project keeps apart, for checking a fact by hand.
 */
export interface SourceDocument {
  title: string;
  issuer: string;
  kind: 'notice' | 'consent-form' | 'law' | 'upstream';
  /** When the document was issued, where it says so. */
  date?: string;
  url?: string;
  file?: string;
  /** The parts of the document that facts cite (headings or described paragraphs). */
  sections: readonly string[];
}

export const SOURCE_DOCUMENTS = {
  'hallermund-hinweise': {
    title: 'Datenschutzhinweise zum IServ Videokonferenztool',
    issuer: 'GS Hallermund, Springe',
    kind: 'notice',
    file: '000_44c249d678d77c30.txt',
    sections: [
      'Einleitung („Liebe Eltern! Liebe Erziehungsberechtigte!“)',
      'Wer ist verantwortlich für die Verarbeitung der Daten meines Kindes?',
      'An wen kann ich mich wenden, wenn ich Fragen zum Datenschutz habe?',
      'Zu welchem Zweck sollen die Daten meines Kindes verarbeitet werden?',
      'Auf welcher Rechtsgrundlage erfolgt die Verarbeitung?',
      'Welche personenbezogenen Daten meines Kindes werden bei Teilnahme an einer IServ Videokonferenz verarbeitet?',
      'Wer hat Zugriff auf die personenbezogenen Daten meines Kindes?',
      'An wen werden die Daten meines Kindes übermittelt und wie lange werden diese Daten gespeichert?',
      'Absatz nach „Technische Information“',
      'Zweiter Absatz nach „Technische Information“ (Zusammenfassung vor der Bitte um Einwilligung)',
    ],
  },
  'hallermund-einwilligung': {
    title: 'Datenschutzrechtliche Einwilligung in die Nutzung des Videokonferenzmoduls unter IServ',
    issuer: 'GS Hallermund, Springe',
    kind: 'consent-form',
    file: '001_ba44c2bb84f8a629.txt',
    sections: [
      'Überschrift',
      'Einwilligungserklärung, erster Absatz',
      'Einwilligungserklärung, Absatz zu den Servern der IServ GmbH',
      'Einwilligungserklärung, Absatz zur Löschung',
      'Einwilligungserklärung, Absatz zu den Nutzungshinweisen',
      'Einwilligungserklärung, letzter Absatz vor den Unterschriften',
    ],
  },
  'lindgren-datenschutzerklaerung': {
    title: 'Datenschutzerklärung',
    issuer: 'Astrid-Lindgren-Grundschule am Ritterfeld, Berlin',
    kind: 'notice',
    file: '002_aaa0ff8b5c1d5ae3.txt',
    sections: [
      'Einleitung',
      'Verantwortlich',
      'Name und Anschrift des Datenschutzbeauftragten',
      'Rechtsgrundlage',
      'Verwendete Systeme für unsere Online-Angebote',
      'Auftragsverarbeitung durch Dritte',
      'Welche personenbezogenen Daten werden in der Nextcloud verarbeitet?',
      'Zweck der Datenverarbeitung im Lernraum (Nextcloud) – Wann werden die personenbezogenen Daten gelöscht?',
      'Zweck der Datenverarbeitung im Videokonferenzdienst (BigBlueButton)',
      'Zweck der Datenverarbeitung im Videokonferenzdienst (BigBlueButton) – Welche personenbezogenen Daten werden verarbeitet?',
      'Wer hat Zugriff auf diese Daten?',
      'Zweck der Datenverarbeitung im Videokonferenzdienst (BigBlueButton) – Wann werden die personenbezogenen Daten gelöscht?',
      'Rechte der betroffenen Personen',
      'Erhebung von Zugriffsdaten und Logfiles',
    ],
  },
  'kmz-kurzinfo': {
    title: 'Datenschutz und Datensicherheit in Kürze (Jitsi-Videokonferenz)',
    issuer: 'Kreismedienzentrum Zollernalbkreis',
    kind: 'notice',
    file: '003_de6ed865630c6fec.txt',
    sections: [
      'Einleitung',
      'Wichtig zu wissen',
      'Verantwortung der Schule bzw. der Lehrkräfte',
      'Schlussabsatz',
    ],
  },
  'hannover-erstberatung': {
    title: 'Informationen zur Datenverarbeitung: Videokonferenz per Jitsi zur schulischen Erstberatung im Bildungsbüro',
    issuer: 'Landeshauptstadt Hannover',
    kind: 'notice',
    file: '004_f71c9c77b93c2848.txt',
    sections: [
      'Verarbeitungstätigkeit',
      '1. Kontaktdaten – Verantwortliche Stelle',
      '1. Kontaktdaten – Ihre Ansprechpartner/-innen',
      '2. Zweck der Verarbeitung',
      '2. Rechtsgrundlage der Verarbeitung',
      '3. Kategorien der personenbezogenen Daten, die verarbeitet werden',
      '4. Speicherdauer',
      '5. Empfänger oder Kategorien von Empfängern',
      '6. Recht auf Auskunft',
      '6. Recht auf Berichtigung',
      '6. Recht auf Löschung',
      '6. Recht auf Einschränkung der Verarbeitung',
      '6. Recht auf Widerspruch',
      '6. Widerrufsrecht bei Einwilligung',
      '6. Recht auf Beschwerde',
      '6. Allgemeine Hinweise zu diesen Rechten',
    ],
  },
  'bbb-issue-9202': {
    title: 'RAW recordings are created and stored, even if the meeting isn’t recorded (issue 9202)',
    issuer: 'BigBlueButton project on GitHub',
    kind: 'upstream',
    url: 'https://github.com/bigbluebutton/bigbluebutton/issues/9202',
    sections: ['Issue'],
  },
  'bbb-pr-18044': {
    title: 'Only record media while the meeting is being actively recorded (pull request 18044)',
    issuer: 'BigBlueButton project on GitHub',
    kind: 'upstream',
    url: 'https://github.com/bigbluebutton/bigbluebutton/pull/18044',
    sections: ['Pull request'],
  },
  'bbb-docs-privacy': {
    title: 'BigBlueButton documentation: Privacy',
    issuer: 'BigBlueButton project',
    kind: 'upstream',
    url: 'https://docs.bigbluebutton.org/administration/privacy/',
    sections: ['Retention of cache files'],
  },
  'bbb-docs-customize': {
    title: 'BigBlueButton documentation: Server customization',
    issuer: 'BigBlueButton project',
    kind: 'upstream',
    url: 'https://docs.bigbluebutton.org/administration/customize/',
    sections: ['Delete raw data from published recordings'],
  },
  'bbb-docs-api': {
    title: 'BigBlueButton documentation: API reference',
    issuer: 'BigBlueButton project',
    kind: 'upstream',
    url: 'https://docs.bigbluebutton.org/development/api/',
    sections: ['create: record'],
  },
  jibri: {
    title: 'Jibri: recording and streaming for Jitsi Meet',
    issuer: 'Jitsi project on GitHub',
    kind: 'upstream',
    url: 'https://github.com/jitsi/jibri',
    sections: ['README'],
  },
  'stgb-201': {
    title: '§ 201 StGB – Verletzung der Vertraulichkeit des Wortes',
    issuer: 'Strafgesetzbuch (gesetze-im-internet.de)',
    kind: 'law',
    url: 'https://www.gesetze-im-internet.de/stgb/__201.html',
    sections: [],
  },
  'stgb-19': {
    title: '§ 19 StGB – Schuldunfähigkeit des Kindes',
    issuer: 'Strafgesetzbuch (gesetze-im-internet.de)',
    kind: 'law',
    url: 'https://www.gesetze-im-internet.de/stgb/__19.html',
    sections: [],
  },
  'kug-22': {
    title: '§ 22 KUG – Recht am eigenen Bild',
    issuer: 'Kunsturhebergesetz (gesetze-im-internet.de)',
    kind: 'law',
    url: 'https://www.gesetze-im-internet.de/kunsturhg/__22.html',
    sections: [],
  },
  dsgvo: {
    title: 'Datenschutz-Grundverordnung (DSGVO), Art. 2 und 6',
    issuer: 'Verordnung (EU) 2016/679 (EUR-Lex)',
    kind: 'law',
    url: 'https://eur-lex.europa.eu/legal-content/DE/TXT/?uri=CELEX:32016R0679',
    sections: [],
  },
} as const satisfies Record<string, SourceDocument>;

export type SourceId = keyof typeof SOURCE_DOCUMENTS;

export function isSourceId(id: string): id is SourceId {
  return Object.hasOwn(SOURCE_DOCUMENTS, id);
}

export const sourceDocument = (id: SourceId): SourceDocument => SOURCE_DOCUMENTS[id];

/** A citation of one register document and, where it matters, the part of it (rules, checklist). */
export interface Citation {
  doc: SourceId;
  section?: string;
}

/** How a source reads for people: "title (issuer) – section", with the document's link. */
export function describeSource(source: { document: string; section?: string; url?: string }): { label: string; url?: string } {
  const known = isSourceId(source.document) ? sourceDocument(source.document) : null;
  const document = known ? `${known.title} (${known.issuer})` : source.document;
  return { label: source.section ? `${document} – ${source.section}` : document, url: source.url ?? known?.url };
}
