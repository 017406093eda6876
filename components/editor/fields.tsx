import type { ComponentChildren } from 'preact';
import { fieldId, pathString, type Json, type Path } from '../../lib/editor/path';
import { choicesAt } from '../../lib/editor/shape';
import { explainProblem } from '../Problems';
import { useEditor, useField } from './context';
import { choiceLabel, ENTRY_NOUN } from './labels';

/** Ids that belong to a field: its error message, its hint, its add button. */
export const errorId = (path: Path) => `e${fieldId(path).slice(1)}`;
const hintId = (path: Path) => `h${fieldId(path).slice(1)}`;
export const addId = (path: Path) => `add-${fieldId(path)}`;
const actionId = (action: 'up' | 'down' | 'rm', path: Path) => `${action}-${fieldId(path)}`;

function useFieldAt(path: Path, watch?: (value: Json | undefined) => unknown) {
  return { ...useField(path, watch), id: fieldId(path) };
}

const described = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

const asText = (value: Json | undefined): string =>
  value === undefined || value === null ? '' : typeof value === 'string' ? value : typeof value === 'number' ? String(value) : JSON.stringify(value);

/** The field's own errors, in the importer's words, where its `aria-describedby` points. */
export function FieldErrors({ path }: { path: Path }) {
  const { api, errors } = useFieldAt(path, () => null);
  if (!errors.length) return null;
  return (
    <div id={errorId(path)} class="field-error" data-error-path={pathString(path)}>
      {errors.map((error, i) => (
        <p key={i}>{explainProblem(api.t, error).what}</p>
      ))}
    </div>
  );
}

function Required() {
  const { t } = useEditor();
  return <span class="required"> ({t('edRequired')})</span>;
}

interface FieldProps {
  path: Path;
  label: string;
  hint?: string;
  required?: boolean;
}

/**
 * One field: its label, hint, control and errors. The control gets the field's id and the
 * state a screen reader announces (invalid, described by the hint and the error, required).
 */
function Field({ path, label, hint, required, wide, control }: FieldProps & { wide?: string; control(attributes: ControlAttributes): ComponentChildren }) {
  const { api, id, errors, value } = useFieldAt(path);
  const attributes: ControlAttributes = {
    id,
    value: asText(value),
    'aria-invalid': errors.length ? 'true' : undefined,
    'aria-describedby': described(hint && hintId(path), errors.length > 0 && errorId(path)),
    'aria-required': required ? 'true' : undefined,
    set: (next) => api.set(path, next),
  };
  return (
    <div class={wide ? `field ${wide}` : 'field'}>
      <label for={id}>
        {label}
        {required && <Required />}
      </label>
      {hint && (
        <p class="hint" id={hintId(path)}>
          {hint}
        </p>
      )}
      {control(attributes)}
      <FieldErrors path={path} />
    </div>
  );
}

interface ControlAttributes {
  id: string;
  value: string;
  'aria-invalid': 'true' | undefined;
  'aria-describedby': string | undefined;
  'aria-required': 'true' | undefined;
  set(value: Json | undefined): void;
}

const target = (event: Event) => event.currentTarget as HTMLInputElement;

export function TextField({ type = 'text', rows, ...props }: FieldProps & { type?: 'text' | 'email' | 'tel' | 'url'; rows?: number }) {
  return (
    <Field
      {...props}
      control={({ set, ...attributes }) =>
        rows ? (
          <textarea rows={rows} spellcheck {...attributes} onInput={(e) => set(target(e).value)} />
        ) : (
          <input type={type as 'text'} autocomplete="off" spellcheck={type === 'text'} {...attributes} onInput={(e) => set(target(e).value)} />
        )
      }
    />
  );
}

/** Whole days (or another whole number); anything else is kept as typed, for the check to name. */
export function NumberField(props: FieldProps) {
  const parse = (raw: string): Json | undefined => {
    const trimmed = raw.trim();
    return trimmed === '' ? undefined : /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : raw;
  };
  return <Field {...props} wide="field-number" control={({ set, ...attributes }) => <input type="text" inputMode="numeric" autocomplete="off" {...attributes} onInput={(e) => set(parse(target(e).value))} />} />;
}

/** One of the values the format allows, in words; "please choose" stands for not given. */
export function ChoiceField({ noEmpty, ...props }: FieldProps & { noEmpty?: boolean }) {
  const { t } = useEditor();
  const field = String(props.path[props.path.length - 1]);
  const options = choicesAt(props.path);
  return (
    <Field
      {...props}
      control={({ set, value, ...attributes }) => (
        <select {...attributes} value={value} onChange={(e) => set((e.currentTarget as HTMLSelectElement).value || undefined)}>
          {!noEmpty && <option value="">{t('edChoose')}</option>}
          {value && !options.includes(value) && <option value={value}>{value}</option>}
          {options.map((option) => (
            <option key={option} value={option}>
              {choiceLabel(t, field, option)}
            </option>
          ))}
        </select>
      )}
    />
  );
}

export function CheckField({ path, label }: FieldProps) {
  const { api, id, errors, value } = useFieldAt(path);
  return (
    <div class="field check">
      <input
        id={id}
        type="checkbox"
        checked={value === true}
        aria-invalid={errors.length ? 'true' : undefined}
        aria-describedby={errors.length ? errorId(path) : undefined}
        onChange={(event) => api.set(path, (event.currentTarget as HTMLInputElement).checked ? true : undefined)}
      />
      <label for={id}>{label}</label>
      <FieldErrors path={path} />
    </div>
  );
}

/** A text in German (required where the text is) and English (optional), side by side. */
export function TextPair({ path, label, hint, required, rows = 3 }: FieldProps & { rows?: number }) {
  const { api, id } = useFieldAt(path, () => null);
  return (
    <fieldset class="pair" id={id} aria-describedby={hint ? hintId(path) : undefined}>
      <legend>
        {label}
        {required && <Required />}
      </legend>
      {hint && (
        <p class="hint" id={hintId(path)}>
          {hint}
        </p>
      )}
      <FieldErrors path={path} />
      <div class="pair-cols">
        <TextField path={[...path, 'de']} label={api.t('edLangDe')} rows={rows} required={required} />
        <TextField path={[...path, 'en']} label={api.t('edLangEnOptional')} rows={rows} />
      </div>
    </fieldset>
  );
}

function EntryActions({ listPath, index, count, noun }: { listPath: Path; index: number; count: number; noun: string }) {
  const { t, move, remove } = useEditor();
  const itemPath = [...listPath, index];
  const name = `${noun} ${index + 1}`;
  return (
    <div class="entry-actions">
      {index > 0 && (
        <button type="button" id={actionId('up', itemPath)} aria-label={t('edMoveUpLabel', name)} onClick={() => move(listPath, index, -1, noun)}>
          {t('edMoveUp')}
        </button>
      )}
      {index < count - 1 && (
        <button type="button" id={actionId('down', itemPath)} aria-label={t('edMoveDownLabel', name)} onClick={() => move(listPath, index, 1, noun)}>
          {t('edMoveDown')}
        </button>
      )}
      <button type="button" class="danger" id={actionId('rm', itemPath)} aria-label={t('edRemoveLabel', name)} onClick={() => remove(listPath, index, noun)}>
        {t('edRemove')}
      </button>
    </div>
  );
}

/** Where focus goes after a list changed: the entry now at an index, its move button, or the add button. */
export const entryTarget = {
  entry: (listPath: Path, index: number) => fieldId([...listPath, index]),
  move: (listPath: Path, index: number, delta: -1 | 1) => actionId(delta < 0 ? 'up' : 'down', [...listPath, index]),
  otherMove: (listPath: Path, index: number, delta: -1 | 1) => actionId(delta < 0 ? 'down' : 'up', [...listPath, index]),
  add: (listPath: Path) => addId(listPath),
};

/**
 * A list of entries: each in a group of its own ("Zweck 2") with buttons to move it up or down
 * and to remove it, and one button to add an entry. `inline` puts a one-field entry in one row.
 */
export function ListField({ path, legend, hint, inline, children }: { path: Path; legend: string; hint?: string; inline?: boolean; children(itemPath: Path, name: string): ComponentChildren }) {
  // Drawn again only when entries come or go; each entry's fields watch their own values.
  const { api, id, value } = useFieldAt(path, (v) => (Array.isArray(v) ? v.length : 0));
  const items = Array.isArray(value) ? value : [];
  const noun = api.t(ENTRY_NOUN[String(path[path.length - 1])] ?? 'edNounEntry');
  return (
    <fieldset class="entry-list" id={id}>
      <legend>{legend}</legend>
      {hint && <p class="hint">{hint}</p>}
      <FieldErrors path={path} />
      {items.length > 0 && (
        <ol class="entries">
          {items.map((_, index) => {
            const itemPath = [...path, index];
            const name = `${noun} ${index + 1}`;
            return inline ? (
              <li key={index} class="entry inline">
                {children(itemPath, name)}
                <EntryActions listPath={path} index={index} count={items.length} noun={noun} />
              </li>
            ) : (
              <li key={index} class="entry">
                <fieldset id={fieldId(itemPath)} class="entry-box">
                  <legend>{name}</legend>
                  <FieldErrors path={itemPath} />
                  {children(itemPath, name)}
                  <EntryActions listPath={path} index={index} count={items.length} noun={noun} />
                </fieldset>
              </li>
            );
          })}
        </ol>
      )}
      <button type="button" id={addId(path)} onClick={() => api.add(path, noun)}>
        {api.t('edAdd', noun)}
      </button>
    </fieldset>
  );
}

/** The sources of a fact: document (required), section and https link, as many as it has. */
export function SourcesField({ path }: { path: Path }) {
  const { t } = useEditor();
  return (
    <ListField path={[...path, 'source']} legend={t('edSources')}>
      {(sourcePath) => (
        <div class="source-cols">
          <TextField path={[...sourcePath, 'document']} label={t('edFieldDocument')} required />
          <TextField path={[...sourcePath, 'section']} label={t('edFieldSection')} />
          <TextField path={[...sourcePath, 'url']} label={t('edFieldUrl')} type="url" />
        </div>
      )}
    </ListField>
  );
}

/**
 * An optional part of the profile (a contact, a fact): a button gives it, and once given its
 * fields show with a button that takes it out again. Not given means missing, never filled.
 */
export function OptionalGroup({ path, noun, children }: { path: Path; noun: string; children: ComponentChildren }) {
  const { api, value } = useFieldAt(path, (v) => v === undefined);
  if (value === undefined) {
    return (
      <p>
        <button type="button" id={addId(path)} onClick={() => api.add(path, noun)}>
          {api.t('edGive', noun)}
        </button>
      </p>
    );
  }
  return (
    <div class="optional" id={fieldId(path)}>
      <FieldErrors path={path} />
      {children}
      <p>
        <button type="button" class="danger" id={actionId('rm', path)} onClick={() => api.clear(path, noun)}>
          {api.t('edTakeOut', noun)}
        </button>
      </p>
    </div>
  );
}

export function ContactFields({ path }: { path: Path }) {
  const { t } = useEditor();
  return (
    <>
      <TextField path={[...path, 'name']} label={t('edFieldName')} required />
      <TextField path={[...path, 'address']} label={t('edFieldAddress')} />
      <div class="cols">
        <TextField path={[...path, 'email']} label={t('edFieldEmail')} type="email" />
        <TextField path={[...path, 'phone']} label={t('edFieldPhone')} type="tel" />
      </div>
      <TextField path={[...path, 'url']} label={t('edFieldContactUrl')} type="url" />
      <SourcesField path={path} />
    </>
  );
}

/** A statement of the notice (German and English) with its sources. */
export function FactFields({ path, label, hint }: { path: Path; label: string; hint?: string }) {
  return (
    <>
      <TextPair path={[...path, 'text']} label={label} hint={hint} required />
      <SourcesField path={path} />
    </>
  );
}
