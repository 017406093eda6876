import { useState } from 'preact/hooks';
import type { Translate } from '../lib/i18n';
import { plural } from '../lib/plural';
import type { Profile } from '../lib/profiles/schema';
import { parseProfile, readProfileFile, type ProfileError } from '../lib/profiles/validate';
import type { SaveOutcome } from '../lib/state/profiles';
import { ProblemList } from './Problems';
import { Sentence } from './Sentence';

interface Props {
  t: Translate;
  /** Stores a valid profile; called only when the whole input is valid. */
  onImport(profile: Profile): Promise<SaveOutcome>;
  /** The bundled profile of an id, if there is one (its name is shown when an import replaces it). */
  bundledName(id: string): string | undefined;
}

type Outcome =
  | { kind: 'ok'; profile: Profile; replaced?: string }
  | { kind: 'not-saved'; reason: 'quota' | 'failed' }
  | { kind: 'errors'; errors: ProfileError[] }
  | { kind: 'empty' }
  | null;

/** Import from a file or pasted text. Invalid input changes nothing and says what and where. */
export function ProfileImport({ t, onImport, bundledName }: Props) {
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);

  const importText = async (input: string) => {
    if (!input.trim()) return setOutcome({ kind: 'empty' });
    const result = parseProfile(input);
    if (!result.ok) return setOutcome({ kind: 'errors', errors: result.errors });
    const saved = await onImport(result.profile).catch((): SaveOutcome => ({ ok: false, reason: 'failed' }));
    if (!saved.ok) return setOutcome({ kind: 'not-saved', reason: saved.reason });
    setText('');
    setOutcome({ kind: 'ok', profile: result.profile, replaced: saved.replacedBundled ? bundledName(result.profile.id) : undefined });
  };

  const onFile = async (event: Event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    // An earlier outcome must not stand for this attempt.
    setOutcome(null);
    // A huge file is refused unread; a Latin-1 file is refused, not read with "�" in place of its Umlauts.
    const read = await readProfileFile(file);
    if (!read.ok) return setOutcome({ kind: 'errors', errors: read.errors });
    await importText(read.text);
  };

  return (
    <section aria-labelledby="import-heading" data-testid="profile-import">
      <h2 id="import-heading">{t('importHeading')}</h2>
      <label for="import-file">{t('importFile')}</label>
      <input id="import-file" type="file" accept="application/json,.json" onChange={onFile} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setOutcome(null);
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
        {outcome?.kind === 'ok' && (
          <>
            <p class="ok">
              <Sentence t={t} name="importDone" values={[outcome.profile.institution.name, String(outcome.profile.version)]} />
            </p>
            {outcome.replaced !== undefined && (
              <p class="note" data-testid="import-replaced">
                <Sentence t={t} name="importReplacedBundled" values={[outcome.replaced, outcome.profile.id]} />
              </p>
            )}
          </>
        )}
        {outcome?.kind === 'not-saved' && <p class="error">{t(outcome.reason === 'quota' ? 'importNotSavedQuota' : 'importNotSavedFailed')}</p>}
        {outcome?.kind === 'empty' && <p class="error">{t('importEmpty')}</p>}
        {outcome?.kind === 'errors' && (
          <>
            <p class="error">{plural(t, 'importFailed', outcome.errors.length)}</p>
            <ProblemList t={t} problems={outcome.errors} />
          </>
        )}
      </div>
    </section>
  );
}
