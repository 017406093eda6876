import { useState } from 'preact/hooks';
import type { MessageKey, Translate } from '../lib/i18n';
import { LIMITS, type Profile } from '../lib/profiles/schema';
import { plural } from '../lib/plural';
import { parseProfile, type ProfileError, type ProfileErrorCode } from '../lib/profiles/validate';
import type { SaveOutcome } from '../lib/state/profiles';

const MESSAGE: Record<ProfileErrorCode, MessageKey> = {
  tooLarge: 'errTooLarge',
  notJson: 'errNotJson',
  notObject: 'errNotObject',
  missing: 'errMissing',
  unknownField: 'errUnknownField',
  wrongType: 'errWrongType',
  empty: 'errEmpty',
  tooLong: 'errTooLong',
  tooMany: 'errTooMany',
  choice: 'errChoice',
  number: 'errNumber',
  range: 'errRange',
  format: 'errFormat',
  https: 'errHttps',
  url: 'errUrl',
  email: 'errEmail',
  host: 'errHost',
  id: 'errId',
  phone: 'errPhone',
  control: 'errControl',
};

const TYPE: Record<string, MessageKey> = { text: 'typeText', number: 'typeNumber', boolean: 'typeBoolean', object: 'typeObject', list: 'typeList' };

/** One error in plain words: where (a JSON path) and what is wrong. */
export function explainError(t: Translate, error: ProfileError): { where: string; what: string } {
  const detail = error.code === 'wrongType' ? t(TYPE[error.detail ?? ''] ?? 'typeText') : (error.detail ?? '');
  return { where: error.path || t('importWhole'), what: t(MESSAGE[error.code], detail) };
}

interface Props {
  t: Translate;
  /** Stores a valid profile; called only when the whole input is valid. */
  onImport(profile: Profile): Promise<SaveOutcome>;
}

type Outcome = { kind: 'ok'; text: string } | { kind: 'errors'; errors: ProfileError[] } | { kind: 'empty' } | { kind: 'not-saved'; reason: 'quota' | 'failed' } | null;

/** Import from a file or pasted text. Invalid input changes nothing and says what and where. */
export function ProfileImport({ t, onImport }: Props) {
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);

  const importText = async (input: string) => {
    // Each attempt starts without the last one's outcome: an earlier "saved" never stands for this one.
    setOutcome(null);
    if (!input.trim()) return setOutcome({ kind: 'empty' });
    const result = parseProfile(input);
    if (!result.ok) return setOutcome({ kind: 'errors', errors: result.errors });
    const saved = await onImport(result.profile);
    if (!saved.ok) return setOutcome({ kind: 'not-saved', reason: saved.reason });
    setText('');
    setOutcome({ kind: 'ok', text: t('importDone', [result.profile.institution.name, String(result.profile.version)]) });
  };

  const onFile = async (event: Event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setOutcome(null);
    // Checked before reading: a huge file is refused without loading it.
    if (file.size > LIMITS.input * 4) return setOutcome({ kind: 'errors', errors: [{ path: '', code: 'tooLarge', detail: String(LIMITS.input) }] });
    await importText(await file.text());
  };

  return (
    <section aria-labelledby="import-heading" data-testid="profile-import">
      <h2 id="import-heading">{t('importHeading')}</h2>
      <label for="import-file">{t('importFile')}</label>
      <input id="import-file" type="file" accept="application/json,.json" onChange={onFile} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void importText(text);
        }}
      >
        <label for="import-text">{t('importText')}</label>
        <textarea id="import-text" rows={6} spellcheck={false} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
        <p>
          <button type="submit" class="primary">
            {t('importButton')}
          </button>
        </p>
      </form>
      <div role="status" aria-live="polite" data-testid="import-result">
        {outcome?.kind === 'ok' && <p class="ok">{outcome.text}</p>}
        {outcome?.kind === 'empty' && <p class="error">{t('importEmpty')}</p>}
        {outcome?.kind === 'not-saved' && <p class="error">{t(outcome.reason === 'quota' ? 'importNotSavedQuota' : 'importNotSavedFailed')}</p>}
        {outcome?.kind === 'errors' && (
          <>
            <p class="error">{plural(t, 'importFailed', outcome.errors.length)}</p>
            <ul class="errors">
              {outcome.errors.map((error, i) => {
                const { where, what } = explainError(t, error);
                return (
                  <li key={i}>
                    <code>{where}</code>: {what}
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
