import type { Detection, Fact } from '../detect';
import type { MessageKey } from '../i18n';
import type { Citation } from '../profiles/register';

export type Stage = 'before' | 'during' | 'end';

/** One line of the teachers' room checklist. */
export interface ChecklistItem {
  id: string;
  stage: Stage;
  text: MessageKey;
  /** Where the page shows the state: ticked (true), not ticked (false) or not shown (unknown). */
  auto?: (detection: Detection) => Fact<boolean>;
  sources: readonly Citation[];
}

/** The Kreismedienzentrum's duties for organisers: the basis of most items. */
const ORGANISER: Citation = { doc: 'kmz-kurzinfo', section: 'Verantwortung der Schule bzw. der Lehrkräfte' };

export const CHECKLIST: readonly ChecklistItem[] = [
  {
    id: 'protected',
    stage: 'before',
    text: 'checkProtected',
    auto: (d) => d.protected,
    sources: [ORGANISER],
  },
  { id: 'camera-off', stage: 'before', text: 'checkCameraOff', sources: [ORGANISER] },
  { id: 'first-names', stage: 'before', text: 'checkFirstNames', sources: [ORGANISER] },
  {
    id: 'parents',
    stage: 'before',
    text: 'checkParents',
    sources: [ORGANISER, { doc: 'hallermund-einwilligung', section: 'Überschrift' }],
  },
  { id: 'rules', stage: 'before', text: 'checkRules', sources: [ORGANISER] },
  {
    id: 'no-recording',
    stage: 'during',
    text: 'checkNoRecording',
    // Ticked while the page shows that no recording runs.
    auto: (d) => (d.recording === 'unknown' ? 'unknown' : !d.recording),
    sources: [ORGANISER, { doc: 'hallermund-hinweise', section: 'Absatz nach „Technische Information“' }],
  },
  {
    id: 'all-see',
    stage: 'during',
    text: 'checkAllSee',
    sources: [{ doc: 'hallermund-hinweise', section: 'Wer hat Zugriff auf die personenbezogenen Daten meines Kindes?' }],
  },
  {
    id: 'leave-last',
    stage: 'end',
    text: 'checkLeaveLast',
    auto: (d) => (d.phase === 'ended' ? true : 'unknown'),
    sources: [ORGANISER],
  },
  {
    id: 'deleted',
    stage: 'end',
    text: 'checkDeleted',
    sources: [{ doc: 'hallermund-hinweise', section: 'An wen werden die Daten meines Kindes übermittelt und wie lange werden diese Daten gespeichert?' }],
  },
];

export interface ItemState {
  item: ChecklistItem;
  checked: boolean;
  /** The page decided it (the tick follows the page, not the hand). */
  automatic: boolean;
}

/** Each item ticked from the page where it shows the state, else from the teacher's own tick. */
export function checklistState(detection: Detection, ticks: Readonly<Record<string, boolean>>): ItemState[] {
  return CHECKLIST.map((item) => {
    const fact = item.auto?.(detection) ?? 'unknown';
    return fact === 'unknown'
      ? { item, checked: ticks[item.id] === true, automatic: false }
      : { item, checked: fact, automatic: true };
  });
}
