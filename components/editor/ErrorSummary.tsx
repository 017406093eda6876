import type { Translate } from '../../lib/i18n';
import { plural } from '../../lib/plural';
import type { ProfileError } from '../../lib/profiles/validate';
import { explainProblem } from '../Problems';
import { describePath } from './labels';

interface Props {
  t: Translate;
  errors: readonly ProfileError[];
  onGo(path: string): void;
  /** Takes out a field the format does not know (from an opened file). */
  onDrop(path: string): void;
}

/** Every error of the draft, each a button to its field; the same words as the importer's. */
export function ErrorSummary({ t, errors, onGo, onDrop }: Props) {
  return (
    <section id="error-summary" class={errors.length ? 'error-summary' : 'error-summary none'} aria-labelledby="error-summary-heading" tabIndex={-1} data-testid="error-summary">
      <h2 id="error-summary-heading">{errors.length ? plural(t, 'edErrors', errors.length) : t('edNoErrors')}</h2>
      {errors.length > 0 && (
        <ul>
          {errors.map((error, i) => {
            const { where, what } = explainProblem(t, error);
            return (
              <li key={i} data-error-path={error.path}>
                <button type="button" class="link" onClick={() => onGo(error.path)}>
                  {describePath(t, error.path)}
                </button>
                : {what} <code class="path">{where}</code>
                {error.code === 'unknownField' && (
                  <>
                    {' '}
                    <button type="button" onClick={() => onDrop(error.path)}>
                      {t('edDropField', error.path)}
                    </button>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
