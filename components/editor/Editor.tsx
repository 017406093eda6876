import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Translate } from '../../lib/i18n';
import { checkDraft, errorsByPath, previewProfile } from '../../lib/editor/check';
import {
  addItem,
  editCopy,
  emptyDraft,
  isDirty,
  markSaved,
  moveItem,
  newEntry,
  removeItem,
  startRecord,
  templateCopy,
  type DraftRecord,
} from '../../lib/editor/draft';
import { fieldId, isObject, parsePath, setAt, type Json, type JsonObject, type Path } from '../../lib/editor/path';
import { schemaAt } from '../../lib/editor/shape';
import { PLATFORM_NAME } from '../../lib/platforms';
import { plural } from '../../lib/plural';
import { findProfile, keyedProfiles, PROFILE_SOURCES, profileKey, type ProfileKey, type ProfileSource, type ProfileSources } from '../../lib/profiles/key';
import type { Profile } from '../../lib/profiles/schema';
import { parseJsonText, readProfileFile } from '../../lib/profiles/validate';
import type { SaveOutcome } from '../../lib/state/profiles';
import { explainProblem } from '../Problems';
import type { Lang } from '../text';
import { Art13Panel } from './Art13Panel';
import { createFormStore, EditorContext, type EditorApi } from './context';
import { ErrorSummary } from './ErrorSummary';
import { addId, entryTarget } from './fields';
import { PolicySnippet } from './PolicySnippet';
import { Preview } from './Preview';
import { ProfileForm } from './ProfileForm';

interface Props {
  t: Translate;
  lang: Lang;
  /** The stored draft, if there is one. */
  initial: DraftRecord | null;
  sources: ProfileSources;
  extensionId: string;
  overlayCss: string;
  /** Keeps the draft (extension storage). */
  onStore(record: DraftRecord): Promise<void>;
  /** Tells the page whether leaving would lose changes that are not saved as a profile. */
  onDirty(dirty: boolean): void;
  onSave(profile: Profile): Promise<SaveOutcome>;
  onExport(profile: Profile): void;
  letterUrl(key: ProfileKey): string;
  copy(text: string): Promise<void>;
  confirm(question: string): boolean;
}

type Outcome = { kind: 'saved'; profile: Profile; replacedBundled: boolean } | { kind: 'exported'; profile: Profile } | { kind: 'invalid'; count: number } | { kind: 'failed'; reason: 'quota' | 'failed' } | null;

const FOCUSABLE = 'input, select, textarea, button, a[href], summary, [tabindex]:not([tabindex="-1"])';

/** Focus on the first of these elements that exists (or the first control inside it). */
function focusFirst(ids: readonly string[]): boolean {
  for (const id of ids) {
    const element = document.getElementById(id);
    if (!element) continue;
    const target = element.matches(FOCUSABLE) || element.id === 'error-summary' ? element : element.querySelector<HTMLElement>(FOCUSABLE);
    if (!target) continue;
    target.focus();
    return true;
  }
  return false;
}

/** The field for a path, or the nearest one above it; a field not given yet has its add button. */
function targetsFor(path: string): string[] {
  const ids: string[] = [];
  for (let parts = parsePath(path); parts.length; parts = parts.slice(0, -1)) {
    ids.push(fieldId(parts), addId(parts), `s-${fieldId(parts)}`);
  }
  return ids;
}

const originOf = (record: DraftRecord): ProfileSource | null => {
  const origin = record.origin.split(':')[0];
  return origin === 'bundled' || origin === 'imported' || origin === 'policy' ? origin : null;
};

/** The profile editor: start, fill in with live checks, see what readers see, save and hand on. */
export function Editor({ t, lang, initial, sources, extensionId, overlayCss, onStore, onDirty, onSave, onExport, letterUrl, copy, confirm }: Props) {
  const [record, setRecord] = useState<DraftRecord>(() => initial ?? startRecord(emptyDraft(), 'empty'));
  const current = useRef(record);
  const [announcement, setAnnouncement] = useState('');
  const [startStatus, setStartStatus] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [draftFailed, setDraftFailed] = useState(false);
  const [selected, setSelected] = useState<string>(() => keyedProfiles(sources)[0]?.key ?? '');
  const pendingFocus = useRef<readonly string[] | null>(null);

  // The check, the Art. 13 panel and the preview follow the draft once typing pauses, so a
  // keystroke costs only its own field; adding, moving and removing entries show at once.
  const [settled, setSettled] = useState(record.draft);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(record.draft), 150);
    return () => clearTimeout(timer);
  }, [record.draft]);
  const check = useMemo(() => checkDraft(settled), [settled]);
  const errors = useMemo(() => errorsByPath(check.errors), [check]);
  const preview = useMemo(() => previewProfile(settled, t('edPreviewNoName')), [settled]);

  /** The stored profile this draft is (started from it, or saved as it): its letter can be printed. */
  const savedKey = originOf(record) === 'imported' ? (record.origin as ProfileKey) : null;
  const dirty = isDirty(record);
  useEffect(() => onDirty(dirty), [dirty]);
  useEffect(() => {
    const targets = pendingFocus.current;
    if (!targets) return;
    pendingFocus.current = null;
    // The fields draw themselves after the page: wait a frame or two for a new entry to exist.
    let tries = 0;
    const attempt = () => {
      if (!focusFirst(targets) && ++tries < 10) requestAnimationFrame(attempt);
    };
    attempt();
  });

  const announce = (text: string) => setAnnouncement((before) => (before === text ? `${text}\u00a0` : text));

  const apply = (change: (record: DraftRecord) => DraftRecord, focus?: readonly string[]) => {
    const next = change(current.current);
    current.current = next;
    setRecord(next);
    onStore(next).then(
      () => setDraftFailed(false),
      () => setDraftFailed(true),
    );
    if (focus) {
      pendingFocus.current = focus;
      setSettled(next.draft);
    }
  };
  const withDraft = (draft: JsonObject) => (r: DraftRecord): DraftRecord => ({ ...r, draft });

  const isList = (path: Path) => schemaAt(path)?.node.type === 'array';

  // The form reads the draft from a store and draws only the fields that change; the API it
  // calls stays the same object, so the form itself is not drawn again on every keystroke.
  const store = useMemo(() => createFormStore(record.draft, errors), []);
  useLayoutEffect(() => store.update(record.draft, errors), [record.draft, errors]);
  const api = useMemo<EditorApi>(
    () => ({
      t,
      lang,
      store,
      set: (path, value) => apply((r) => withDraft(setAt(r.draft, path, value) as JsonObject)(r)),
      add(path, noun) {
        if (isList(path)) {
          const { draft, index } = addItem(current.current.draft, path, newEntry(current.current, path));
          apply(withDraft(draft), [entryTarget.entry(path, index)]);
          announce(t('edAdded', `${noun} ${index + 1}`));
        } else {
          apply(withDraft(setAt(current.current.draft, path, newEntry(current.current, path)) as JsonObject), [fieldId(path)]);
          announce(t('edGiven', noun));
        }
      },
      remove(listPath, index, noun) {
        const draft = removeItem(current.current.draft, listPath, index);
        const focus = [entryTarget.entry(listPath, index), entryTarget.entry(listPath, index - 1), entryTarget.add(listPath)];
        apply(withDraft(draft), index > 0 ? focus : [focus[0]!, focus[2]!]);
        announce(t('edRemoved', `${noun} ${index + 1}`));
      },
      move(listPath, index, delta, noun) {
        const moved = moveItem(current.current.draft, listPath, index, index + delta);
        if (moved.index === index) return;
        apply(withDraft(moved.draft), [entryTarget.move(listPath, moved.index, delta), entryTarget.otherMove(listPath, moved.index, delta)]);
        announce(t('edMoved', [`${noun} ${index + 1}`, String(moved.index + 1)]));
      },
      clear(path, noun) {
        apply(withDraft(setAt(current.current.draft, path, undefined) as JsonObject), [addId(path)]);
        announce(t('edTakenOut', noun));
      },
    }),
    [],
  );
  const form = useMemo(
    () => (
      <EditorContext.Provider value={api}>
        <ProfileForm />
      </EditorContext.Provider>
    ),
    [],
  );

  const goTo = (path: string) => {
    if (!focusFirst(targetsFor(path))) focusFirst(['error-summary']);
  };

  /** Starts a new draft in place of this one; asks first where this one has unsaved changes. */
  const restart = (draft: JsonObject, origin: string, message: string) => {
    if (isDirty(current.current) && !confirm(t('edConfirmReplace'))) return;
    const next = startRecord(draft, origin, current.current.defaultSource);
    apply(() => next, ['f-id']);
    setOutcome(null);
    setStartStatus(message);
  };

  const chosen = findProfile(sources, selected);
  const startFromProfile = (mode: 'copy' | 'edit') => {
    if (!chosen) return;
    if (mode === 'edit') return restart(editCopy(chosen.profile), chosen.key, t('edStartedEdit', chosen.profile.institution.name));
    const taken = new Set(keyedProfiles(sources).map((p) => p.profile.id));
    const draft = templateCopy(chosen.profile, taken);
    restart(draft, chosen.key, t('edStartedCopy', [chosen.profile.institution.name, String(draft.id)]));
  };

  const openFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    // Read as the importer reads a file: UTF-8 only, a JSON error by its line and column.
    const read = await readProfileFile(file);
    if (!read.ok) return setStartStatus(explainProblem(t, read.errors[0]!).what);
    const json = parseJsonText(read.text);
    if (!json.ok) return setStartStatus(explainProblem(t, json.errors[0]!).what);
    if (!isObject(json.value as Json)) return setStartStatus(explainProblem(t, { path: '', code: 'notObject' }).what);
    restart(json.value as JsonObject, 'file', t('edStartedFile', file.name));
  };

  const valid = (): Profile | null => {
    setOutcome(null);
    const { profile, errors: found } = checkDraft(current.current.draft);
    if (profile) return profile;
    setOutcome({ kind: 'invalid', count: found.length });
    pendingFocus.current = ['error-summary'];
    return null;
  };

  const save = async () => {
    const profile = valid();
    if (!profile) return;
    const result = await onSave(profile);
    if (!result.ok) return setOutcome({ kind: 'failed', reason: result.reason });
    const key = profileKey('imported', profile.id);
    apply((r) => ({ ...markSaved(r), origin: key }));
    setOutcome({ kind: 'saved', profile, replacedBundled: result.replacedBundled });
  };

  const exportFile = () => {
    const profile = valid();
    if (!profile) return;
    onExport(profile);
    setOutcome({ kind: 'exported', profile });
  };

  useEffect(() => {
    // Ctrl+S / Cmd+S saves, as in a word processor.
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void save();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  const setDefaultSource = (field: 'document' | 'url', value: string) => apply((r) => ({ ...r, defaultSource: { ...r.defaultSource, [field]: value } }));

  const outcomeText = (() => {
    if (!outcome) return '';
    switch (outcome.kind) {
      case 'saved':
        return `${t('edSaved', [outcome.profile.institution.name, String(outcome.profile.version)])}${outcome.replacedBundled ? ` ${t('edSavedReplacesBundled')}` : ''}`;
      case 'exported':
        return t('edExported', `${outcome.profile.id}.json`);
      case 'invalid':
        return plural(t, 'edNotSaved', outcome.count);
      case 'failed':
        return t(outcome.reason === 'quota' ? 'edSaveQuota' : 'edSaveFailed');
    }
  })();

  const firstPlatform = preview.profile.deployments[0]?.platform;
  const platformName = check.candidate.deployments && firstPlatform ? t(PLATFORM_NAME[firstPlatform]) : t('edPreviewNoPlatform');
  const groups = PROFILE_SOURCES.map((origin) => ({ origin, items: keyedProfiles(sources).filter((p) => p.source === origin) }));

  // Drawn again only when the settled draft changes, not on every keystroke.
  const snippet = useMemo(() => <PolicySnippet t={t} profile={check.profile} extensionId={extensionId} copy={copy} />, [check]);
  const aside = useMemo(
    () => (
      <aside class="editor-aside" aria-label={t('edAsideLabel')}>
        <Art13Panel t={t} art13={check.art13} onGo={goTo} />
        <Preview t={t} lang={lang} profile={preview.profile} platformName={platformName} omitted={preview.omitted} overlayCss={overlayCss} />
      </aside>
    ),
    [check, preview],
  );

  return (
    <>
      <main class="editor-main">
        <h1>{t('edTitle')}</h1>
        <p>{t('edIntro')}</p>

        <section class="start" aria-labelledby="start-heading">
          <h2 id="start-heading">{t('edStart')}</h2>
          <p class="row">
            <button type="button" onClick={() => restart(emptyDraft(), 'empty', t('edStartedEmpty'))}>
              {t('edStartEmpty')}
            </button>
          </p>
          <div class="field">
            <label for="start-profile">{t('edStartFrom')}</label>
            <select id="start-profile" value={selected} onChange={(e) => setSelected((e.currentTarget as HTMLSelectElement).value)}>
              {groups.map(
                ({ origin, items }) =>
                  items.length > 0 && (
                    <optgroup key={origin} label={t(origin === 'bundled' ? 'edGroupBundled' : origin === 'imported' ? 'edGroupImported' : 'edGroupPolicy')}>
                      {items.map((p) => (
                        <option key={p.key} value={p.key}>
                          {t('edProfileOption', [p.profile.institution.name, String(p.profile.version)])}
                        </option>
                      ))}
                    </optgroup>
                  ),
              )}
            </select>
          </div>
          <p class="row">
            <button type="button" onClick={() => startFromProfile('copy')} disabled={!chosen}>
              {t('edStartCopy')}
            </button>
            {chosen?.source === 'imported' && (
              <button type="button" onClick={() => startFromProfile('edit')}>
                {t('edStartEdit')}
              </button>
            )}
          </p>
          <div class="field">
            <label for="start-file">{t('edStartFile')}</label>
            <input id="start-file" type="file" accept="application/json,.json" onChange={(e) => void openFile(e)} />
          </div>
          <p role="status" class="ok" data-testid="start-status">
            {startStatus}
          </p>
        </section>

        <section class="default-source" aria-labelledby="default-source-heading">
          <h2 id="default-source-heading">{t('edDefaultSource')}</h2>
          <p class="hint" id="default-source-hint">
            {t('edDefaultSourceHint')}
          </p>
          <div class="cols">
            <div class="field">
              <label for="default-source-document">{t('edFieldDocument')}</label>
              <input id="default-source-document" type="text" aria-describedby="default-source-hint" value={record.defaultSource.document} onInput={(e) => setDefaultSource('document', (e.currentTarget as HTMLInputElement).value)} />
            </div>
            <div class="field">
              <label for="default-source-url">{t('edFieldUrl')}</label>
              <input id="default-source-url" type="url" value={record.defaultSource.url} onInput={(e) => setDefaultSource('url', (e.currentTarget as HTMLInputElement).value)} />
            </div>
          </div>
        </section>

        <section class="save" aria-labelledby="save-heading">
          <h2 id="save-heading">{t('edSaveHeading')}</h2>
          <ErrorSummary t={t} errors={check.errors} onGo={goTo} onDrop={(path) => api.set(parsePath(path), undefined)} />
          <p class="row">
            <button type="button" class="primary" onClick={() => void save()} data-testid="save">
              {t('edSave')}
            </button>
            <button type="button" onClick={exportFile} data-testid="export">
              {t('edExport')}
            </button>
            {savedKey && (
              <a href={letterUrl(savedKey)} target="_blank" rel="noreferrer" data-testid="letter-link">
                {t('edOpenLetter')}
              </a>
            )}
          </p>
          <p class="hint">{t(dirty ? 'edUnsaved' : 'edNoUnsaved')}</p>
          {draftFailed && <p class="error">{t('edDraftFailed')}</p>}
          <div role="status" data-testid="save-result" class={outcome?.kind === 'invalid' || outcome?.kind === 'failed' ? 'error' : 'ok'}>
            {outcomeText}
          </div>
        </section>

        {form}

        {snippet}

        <div role="status" class="sr-only" data-testid="announcer">
          {announcement}
        </div>
      </main>
      {aside}
    </>
  );
}

