import type { MessageKey } from '../i18n';
import type { SourceId } from '../profiles/register';

/** One line of legal background behind the rules, with the official text it rests on. */
export interface LawNote {
  text: MessageKey;
  law: SourceId;
}

/**
 * Why the rules hold, in words a child understands: what is forbidden, why it hurts others, and
 * what can follow (the school's measures, civil claims, criminal law only from 14, § 19 StGB).
 */
export const LAW_NOTES: readonly LawNote[] = [
  { text: 'lawRecording', law: 'stgb-201' },
  { text: 'lawImage', law: 'kug-22' },
  { text: 'lawGdpr', law: 'dsgvo' },
  { text: 'lawConsequences', law: 'stgb-19' },
];
