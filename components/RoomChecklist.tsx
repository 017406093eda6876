import type { Detection } from '../lib/detect';
import type { MessageKey, Translate } from '../lib/i18n';
import type { Profile } from '../lib/profiles/schema';
import { CHECKLIST, checklistState, type Stage } from '../lib/rules/checklist';
import { describeSource } from '../lib/profiles/register';
import { cancelUntrusted, trusted } from '../lib/trusted';
import { pick } from './text';

const STAGES: [Stage, MessageKey][] = [
  ['before', 'checklistBefore'],
  ['during', 'checklistDuring'],
  ['end', 'checklistEnd'],
];

const DELETION_CATEGORIES = new Set(['chat', 'whiteboard', 'files']);

interface Props {
  t: Translate;
  lang: 'de' | 'en';
  detection: Detection;
  profile: Profile | null;
  ticks: Record<string, boolean>;
  /** Open; folded it is a bar that says how many items are done ("3 von 9"). */
  expanded: boolean;
  onToggle(): void;
  onTick(id: string, checked: boolean): void;
  onReset(): void;
}

/**
 * The teachers' room checklist: ticked from the page where it shows the state, else by hand.
 * Folded into a bar with the count until the teacher opens it.
 */
export function RoomChecklist({ t, lang, detection, profile, ticks, expanded, onToggle, onTick, onReset }: Props) {
  const items = checklistState(detection, ticks);
  const done = items.filter((i) => i.checked).length;
  const deletion = (profile?.retention ?? []).filter((r) => DELETION_CATEGORIES.has(r.category));

  return (
    <section class="checklist" data-testid="checklist" data-expanded={String(expanded)} aria-labelledby="kl-checklist-toggle">
      <button
        type="button"
        id="kl-checklist-toggle"
        class="panel-toggle"
        aria-expanded={expanded}
        aria-controls="kl-checklist-body"
        onClick={trusted(onToggle)}
      >
        {t('checklistToggle', [String(done), String(items.length)])}
      </button>
      {expanded && (
        <div id="kl-checklist-body" class="panel">
          {STAGES.map(([stage, heading]) => (
            <fieldset key={stage}>
              <legend>{t(heading)}</legend>
              {items
                .filter((i) => i.item.stage === stage)
                .map(({ item, checked, automatic }) => (
                  <div class="check" key={item.id} data-item={item.id} data-checked={String(checked)} data-auto={String(automatic)}>
                    <input
                      type="checkbox"
                      id={`kl-check-${item.id}`}
                      checked={checked}
                      disabled={automatic}
                      aria-describedby={automatic ? `kl-check-${item.id}-auto` : undefined}
                      onClick={cancelUntrusted}
                      onChange={trusted((e) => onTick(item.id, (e.target as HTMLInputElement).checked))}
                    />
                    <label for={`kl-check-${item.id}`} onClick={cancelUntrusted}>
                      {t(item.text)}
                    </label>
                    {automatic && (
                      <span class="auto" id={`kl-check-${item.id}-auto`}>
                        {t('checklistAuto')}
                      </span>
                    )}
                    {item.id === 'deleted' &&
                      deletion.map((r, i) => (
                        <p class="retention" key={i}>
                          {t('checklistRetention', pick(r.text, lang))}
                        </p>
                      ))}
                  </div>
                ))}
            </fieldset>
          ))}
          <button type="button" class="link" onClick={trusted(onReset)}>
            {t('checklistReset')}
          </button>
          <details class="why">
            <summary onClick={cancelUntrusted}>{t('checklistSources')}</summary>
            <ul data-testid="checklist-sources">
              {CHECKLIST.map((item) => (
                <li key={item.id} data-source-of={item.id}>
                  {t('checklistSource', [t(item.text), item.sources.map((s) => describeSource({ document: s.doc, section: s.section }).label).join('; ')])}
                </li>
              ))}
            </ul>
          </details>
        </div>
      )}
    </section>
  );
}
