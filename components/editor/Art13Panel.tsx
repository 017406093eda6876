import type { MessageKey, Translate } from '../../lib/i18n';
import type { DraftCheck, DraftArt13Status } from '../../lib/editor/check';
import { ART13_HINT, ART13_NAME } from './labels';

const STATUS: Record<DraftArt13Status, MessageKey> = {
  present: 'edArt13Present',
  missing: 'edArt13Missing',
  'not-applicable': 'edArt13NotApplicable',
  invalid: 'edArt13Invalid',
};

interface Props {
  t: Translate;
  art13: DraftCheck['art13'];
  /** Moves focus to the field that answers an item. */
  onGo(field: string): void;
}

/** What GDPR Art. 13 asks a notice to say, item by item: given, missing, not needed, or given with errors. */
export function Art13Panel({ t, art13, onGo }: Props) {
  const done = art13.filter((a) => a.status === 'present' || a.status === 'not-applicable').length;
  return (
    <section class="art13" aria-labelledby="art13-heading" data-testid="art13-panel">
      <h2 id="art13-heading">{t('edArt13Heading')}</h2>
      <p class="art13-count" data-testid="art13-count">
        {t('edArt13Count', [String(done), String(art13.length)])}
      </p>
      <ul class="art13-items">
        {art13.map(({ item, status, field }) => (
          <li key={item} data-item={item} data-status={status} class={`status-${status}`}>
            <span class="art13-status">{t(STATUS[status])}</span>{' '}
            <button type="button" class="link" onClick={() => onGo(field)} aria-describedby={`art13-hint-${item}`}>
              {t(ART13_NAME[item])}
            </button>
            <p class="hint" id={`art13-hint-${item}`}>
              {t(ART13_HINT[item])}
            </p>
          </li>
        ))}
      </ul>
      <p class="hint">{t('edArt13Note')}</p>
    </section>
  );
}
