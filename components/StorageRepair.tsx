import type { MessageKey, Translate } from '../lib/i18n';
import type { Damage } from '../lib/state/store';

/** The stored values by name, as people know them. */
const ITEM: Record<string, MessageKey> = {
  profiles: 'repairItemProfiles',
  userSites: 'repairItemUserSites',
  role: 'repairItemRole',
  chosenSchool: 'repairItemChosenSchool',
  confirmedSites: 'repairItemConfirmedSites',
  acknowledgements: 'repairItemAcknowledgements',
  checklist: 'repairItemChecklist',
  leaveGuardOff: 'repairItemLeaveGuardOff',
  panels: 'repairItemPanels',
};

const PREVIEW = 80;

/** Which entry, as a person counts: list positions from 1, a profile by its id, a record by its key. */
const entryName = (entry: string) => (/^\d+$/.test(entry) ? String(Number(entry) + 1) : entry.replace(/^profile:/, ''));

/** A short look at what is stored (never markup: shown as text). */
function preview(raw: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(raw) ?? String(raw);
  } catch {
    text = String(raw);
  }
  return text.length > PREVIEW ? `${text.slice(0, PREVIEW)}…` : text;
}

interface Props {
  t: Translate;
  damaged: readonly Damage[];
  /** Set after a repair: says it is done. */
  repaired: boolean;
  onRemove(damage: Damage): void;
  onRepairAll(): void;
}

/** Options: what cannot be read, each entry removable, and one plain "repair". */
export function StorageRepair({ t, damaged, repaired, onRemove, onRepairAll }: Props) {
  return (
    <section aria-labelledby="repair-heading" data-testid="repair" hidden={damaged.length === 0 && !repaired}>
      <h2 id="repair-heading">{t('repairHeading')}</h2>
      <p role="status" class="ok" data-testid="repair-status">
        {repaired && damaged.length === 0 ? t('repairDone') : ''}
      </p>
      {damaged.length > 0 && (
        <>
          <p>{t('repairIntro')}</p>
          <ul class="list">
            {damaged.map((d) => {
              const what = `${t(ITEM[d.item] ?? 'repairItemProfiles')}, ${d.entry === undefined ? t('repairWhole') : t('repairEntry', entryName(d.entry))}`;
              return (
                <li key={`${d.item}/${d.entry ?? ''}`} data-item={d.item} data-entry={d.entry ?? ''}>
                  <div>
                    <strong>
                      <bdi>{what}</bdi>
                    </strong>
                    <p class="muted">
                      <code>
                        <bdi>{preview(d.raw)}</bdi>
                      </code>
                    </p>
                  </div>
                  <button type="button" onClick={() => onRemove(d)}>
                    {t('repairRemove', what)}
                  </button>
                </li>
              );
            })}
          </ul>
          <p>
            <button type="button" class="primary" onClick={onRepairAll}>
              {t('repairAll')}
            </button>
          </p>
        </>
      )}
    </section>
  );
}
