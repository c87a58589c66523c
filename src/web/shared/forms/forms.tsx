// Small form pieces shared by the pages: field errors of a problem+json answer placed next to their fields,
// a summary of them, text in five languages (Korean required, translations in a disclosure), a list of rows
// (add, remove, reorder), a line of text, numbers with a unit and a group of checkboxes. Each wraps the KRDS
// markup of Field.
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { TSchema } from 'typebox';
import { useApp } from '../app-context.tsx';
import { AUTONYMS, type Lang } from '../../i18n/index.ts';
import type { I18nText } from '../types.ts';
import { Field } from '../ui/ui.tsx';
import { controlId, errorAt, fieldErrorMap } from './form-errors.ts';
import { blankText, TRANSLATIONS } from './form-values.ts';
import { schemaErrorMap } from './schema-form.ts';

// ------------------------------------------------------------------------------------------ field errors

interface FormErrorsState {
  errors: ReadonlyMap<string, string>;
  /** Ids of this form's controls start with it (see controlId). */
  idBase: string;
}

const FormErrorsContext = createContext<FormErrorsState>({ errors: new Map(), idBase: 'f' });

/** Gives the fields inside the field errors of `error` (a refused save), found by their body pointer. */
export function FormErrors({ error, idBase, children }: { error: unknown; idBase: string; children: ReactNode }) {
  const value = useMemo(() => ({ errors: fieldErrorMap(error), idBase }), [error, idBase]);
  return <FormErrorsContext.Provider value={value}>{children}</FormErrorsContext.Provider>;
}

/**
 * Gives the fields inside the errors of a react-hook-form form (its check against the contract's schema before
 * sending, and the server's field errors placed by `setServerErrors`), by body pointer, in the reader's language.
 */
export function SchemaFormErrors({ form, schema, idBase, children }: { form: UseFormReturn<never>; schema: TSchema; idBase: string; children: ReactNode }) {
  const { t } = useApp();
  const value = { errors: schemaErrorMap(form.formState.errors, schema, t), idBase };
  return <FormErrorsContext.Provider value={value}>{children}</FormErrorsContext.Provider>;
}

/** The control id and the server's message for the field at `pointer` (e.g. "/sites/0/areaSqm"). */
export function useField(pointer: string, within = false): { id: string; error: string | undefined } {
  const { errors, idBase } = useContext(FormErrorsContext);
  return { id: controlId(idBase, pointer), error: errorAt(errors, pointer, within) };
}

/**
 * Lists the field errors with links to their fields (the focus moves there); `describe` names a field for
 * the reader (e.g. "Sites, row 1, name"); without it the sentence alone is the link (never the pointer).
 */
export function ErrorSummary({ describe }: { describe?: (pointer: string) => string }) {
  const { t } = useApp();
  const { errors, idBase } = useContext(FormErrorsContext);
  if (errors.size === 0) return null;
  const focus = (pointer: string) => {
    // The control of the pointer, else the nearest ancestor's (e.g. a row's first field for "/budget/1").
    for (let p = pointer; p !== ''; p = p.slice(0, p.lastIndexOf('/'))) {
      const el = document.getElementById(controlId(idBase, p)) ?? document.querySelector<HTMLElement>(`[id^="${controlId(idBase, p)}-"]`);
      if (el) {
        el.closest('details')?.setAttribute('open', '');
        el.focus();
        return;
      }
    }
  };
  return (
    <div className="zl-alert zl-alert-error zl-error-summary" role="alert" data-testid="form-error-summary">
      <p className="zl-alert-title">{t('formErrorSummary', { count: errors.size })}</p>
      <ul className="zl-alert-list">
        {[...errors].map(([pointer, message]) => (
          <li key={pointer}>
            <a
              href={`#${controlId(idBase, pointer)}`}
              onClick={(e) => {
                e.preventDefault();
                focus(pointer);
              }}
            >
              {describe ? `${describe(pointer)}: ${message}` : message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

// ------------------------------------------------------------------------------------------ text in five languages

interface TextFieldProps {
  /** Where the text sits in the request body, e.g. "/sites/0/name"; gives the ids and the errors. */
  pointer: string;
  label: string;
  value: I18nText | null;
  onChange: (value: I18nText) => void;
  required?: boolean;
  multiline?: boolean;
  rows?: number;
  hint?: string;
  readOnly?: boolean;
}

/** Korean in the field itself; English, Japanese, Chinese and French in a "translations" disclosure. */
export function I18nTextField({ pointer, label, value, onChange, required, multiline, rows = 3, hint, readOnly }: TextFieldProps) {
  const { t, lang } = useApp();
  const text = value ?? blankText();
  const ko = useField(`${pointer}/ko`);
  const whole = useField(pointer);
  const { errors } = useContext(FormErrorsContext);
  const translated = TRANSLATIONS.filter((l) => text[l]?.trim());
  const translationError = TRANSLATIONS.some((l) => errors.has(`${pointer}/${l}`));
  const control = (lang: Lang, aria: Record<string, unknown>) => {
    const common = {
      ...aria,
      className: multiline ? 'krds-input zl-textarea' : 'krds-input',
      lang,
      readOnly,
      value: text[lang] ?? '',
      onChange: (e: { target: { value: string } }) => onChange({ ...text, [lang]: e.target.value }),
    };
    return multiline ? <textarea {...common} rows={lang === 'ko' ? rows : Math.min(rows, 3)} /> : <input {...common} type="text" />;
  };
  return (
    <div className="zl-i18n-field" data-pointer={pointer}>
      {/* Korean is the text itself; readers of another UI language are told which language the field holds. */}
      <Field id={ko.id} label={lang === 'ko' ? label : `${label} — ${AUTONYMS.ko}`} required={required} hint={hint} error={ko.error ?? whole.error}>
        {(aria) => control('ko', aria)}
      </Field>
      {readOnly && translated.length === 0 ? null : (
        <details className="zl-translations" open={translationError || undefined}>
          <summary>
            {t('formTranslations')}
            <span className="zl-muted"> ({translated.length > 0 ? translated.map((l) => l.toUpperCase()).join(', ') : t('formTranslationsNone')})</span>
          </summary>
          <p className="zl-hint">{t('formTranslationsHint')}</p>
          <div className="zl-lang-grid">
            {TRANSLATIONS.map((lang) => (
              <TranslationInput key={lang} pointer={`${pointer}/${lang}`} label={`${label} — ${AUTONYMS[lang]}`}>
                {(aria) => control(lang, aria)}
              </TranslationInput>
            ))}
          </div>
        </details>
      )}
    </div>
  );
}

function TranslationInput({ pointer, label, children }: { pointer: string; label: string; children: (aria: Record<string, unknown>) => ReactNode }) {
  const { t } = useApp();
  const f = useField(pointer);
  return (
    <Field id={f.id} label={<>{label} <span className="zl-optional">({t('optional')})</span></>} error={f.error}>
      {(aria) => children(aria)}
    </Field>
  );
}

// ------------------------------------------------------------------------------------------ numbers, choices

interface NumberFieldProps {
  pointer: string;
  label: string;
  /** Shown after the input and read with the label, e.g. "m²" or "백만 원". */
  unit?: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  min?: number;
  max?: number;
  step?: number | 'any';
  hint?: string;
  readOnly?: boolean;
}

/** A number kept as the text typed (so it can be half-written); `parseNumber` reads it when saving. */
export function NumberField({ pointer, label, unit, value, onChange, required, min, max, step = 'any', hint, readOnly }: NumberFieldProps) {
  const f = useField(pointer);
  return (
    <Field id={f.id} label={unit ? `${label} (${unit})` : label} required={required} hint={hint} error={f.error}>
      {(aria) => (
        <div className="zl-unit-input">
          <input {...aria} className="krds-input" type="number" inputMode="decimal" min={min} max={max} step={step} readOnly={readOnly} value={value} onChange={(e) => onChange(e.target.value)} />
          {unit ? <span className="zl-unit" aria-hidden="true">{unit}</span> : null}
        </div>
      )}
    </Field>
  );
}

interface PlainTextFieldProps {
  pointer: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  hint?: string;
  type?: 'date';
  inputMode?: 'numeric';
  placeholder?: string;
  /** The language of what is typed when it is not the reader's, e.g. "ko" for a Korean provision. */
  lang?: string;
  /** Values offered as the user types (a datalist); any other text is allowed too. */
  suggestions?: readonly string[];
}

/** One line of plain text (or a date), such as a provision, a unit or a business number. */
export function TextField({ pointer, label, value, onChange, required, hint, type, inputMode, placeholder, lang, suggestions }: PlainTextFieldProps) {
  const f = useField(pointer);
  const listId = suggestions ? `${f.id}-suggestions` : undefined;
  return (
    <Field id={f.id} label={label} required={required} hint={hint} error={f.error}>
      {(aria) => (
        <>
          <input {...aria} type={type} className="krds-input" inputMode={inputMode} placeholder={placeholder} lang={lang} list={listId} value={value} onChange={(e) => onChange(e.target.value)} />
          {suggestions ? (
            <datalist id={listId}>
              {suggestions.map((x) => <option key={x} value={x} />)}
            </datalist>
          ) : null}
        </>
      )}
    </Field>
  );
}

interface SelectFieldProps {
  pointer: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
  /** A first, empty choice ("choose…"). */
  placeholder?: string;
  required?: boolean;
  hint?: string;
  readOnly?: boolean;
}

export function SelectField({ pointer, label, value, onChange, options, placeholder, required, hint, readOnly }: SelectFieldProps) {
  const f = useField(pointer);
  return (
    <Field id={f.id} label={label} required={required} hint={hint} error={f.error}>
      {(aria) => (
        <select {...aria} className="krds-form-select" value={value} disabled={readOnly} onChange={(e) => onChange(e.target.value)}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>{o.label}</option>
          ))}
        </select>
      )}
    </Field>
  );
}

interface CheckGroupProps<V extends string> {
  pointer: string;
  legend: string;
  options: readonly { value: V; label: string }[];
  value: readonly V[];
  onChange: (value: V[]) => void;
  readOnly?: boolean;
  /** Shown instead of the boxes when there is nothing to choose from. */
  empty?: string;
}

/** KRDS checkboxes in a fieldset; the value keeps the options' order. */
export function CheckGroup<V extends string>({ pointer, legend, options, value, onChange, readOnly, empty }: CheckGroupProps<V>) {
  const f = useField(pointer, true);
  const errorId = f.error ? `${f.id}-error` : undefined;
  return (
    <fieldset className="zl-fieldset zl-check-fieldset" aria-describedby={errorId}>
      <legend>{legend}</legend>
      {options.length === 0 && empty ? <p className="zl-hint">{empty}</p> : null}
      <div className="zl-check-grid">
        {options.map((o) => (
          <div className="krds-form-check" key={o.value}>
            <input
              type="checkbox"
              id={`${f.id}-${o.value}`}
              checked={value.includes(o.value)}
              disabled={readOnly}
              onChange={(e) => {
                const set = new Set<V>(value);
                if (e.target.checked) set.add(o.value);
                else set.delete(o.value);
                onChange(options.map((x) => x.value).filter((v) => set.has(v)));
              }}
            />
            <label htmlFor={`${f.id}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </div>
      {f.error ? <p className="form-hint-invalid" id={errorId}>{f.error}</p> : null}
    </fieldset>
  );
}

// ------------------------------------------------------------------------------------------ rows

interface RowListProps<T> {
  pointer: string;
  legend: string;
  items: readonly T[];
  onChange: (items: T[]) => void;
  newItem: () => T;
  /** A short name of a row for headings and button labels, e.g. "Site 2: Busan port". */
  itemLabel: (item: T, index: number) => string;
  addLabel: string;
  /** A row's controls; `update` replaces the row, `field(key)` binds a control to one of its fields. */
  children: (item: T, index: number, update: (item: T) => void, field: <K extends keyof T & string>(key: K) => RowFieldProps<T[K]>) => ReactNode;
  readOnly?: boolean;
  max?: number;
  /** Under the rows, e.g. totals. */
  footer?: ReactNode;
  hint?: string;
}

/** What binds a control to one field of a row: its body pointer (e.g. "/sites/0/name"), value and change. */
export interface RowFieldProps<V> {
  pointer: string;
  value: V;
  onChange: (value: V) => void;
}

/** Rows of a list, each a fieldset with move-up, move-down and remove buttons; the focus follows added rows. */
export function RowList<T>({ pointer, legend, items, onChange, newItem, itemLabel, addLabel, children, readOnly, max, footer, hint }: RowListProps<T>) {
  const { t } = useApp();
  const f = useField(pointer);
  const listRef = useRef<HTMLOListElement>(null);
  const [focusRow, setFocusRow] = useState<number | null>(null);
  useEffect(() => {
    if (focusRow === null) return;
    const row = listRef.current?.querySelector<HTMLElement>(`[data-row="${focusRow}"]`);
    row?.querySelector<HTMLElement>('input:not([type=checkbox]), select, textarea')?.focus();
    setFocusRow(null);
  }, [focusRow]);
  const move = (from: number, to: number) => {
    const next = [...items];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item as T);
    onChange(next);
  };
  return (
    <fieldset className="zl-fieldset zl-rows" data-testid={f.id}>
      <legend>
        {legend} <span className="zl-muted">({items.length})</span>
      </legend>
      {hint ? <p className="zl-hint">{hint}</p> : null}
      {f.error ? <p className="form-hint-invalid">{f.error}</p> : null}
      {items.length === 0 ? <p className="zl-hint">{t('formRowsEmpty')}</p> : null}
      <ol className="zl-row-list" ref={listRef}>
        {items.map((item, i) => {
          const label = itemLabel(item, i);
          const update = (next: T) => onChange(items.map((x, j) => (j === i ? next : x)));
          const field = <K extends keyof T & string>(key: K): RowFieldProps<T[K]> => ({
            pointer: `${pointer}/${i}/${key}`,
            value: item[key],
            onChange: (value) => update({ ...item, [key]: value }),
          });
          return (
            <li key={i} data-row={i} className="zl-row">
              <fieldset className="zl-row-fieldset">
                <legend className="zl-row-title">{label}</legend>
                {readOnly ? null : (
                  <div className="zl-row-tools">
                    <button type="button" className="krds-btn xsmall tertiary" disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={t('formMoveUp', { item: label })}>
                      ↑ <span aria-hidden="true">{t('formMoveUpShort')}</span>
                    </button>
                    <button type="button" className="krds-btn xsmall tertiary" disabled={i === items.length - 1} onClick={() => move(i, i + 1)} aria-label={t('formMoveDown', { item: label })}>
                      ↓ <span aria-hidden="true">{t('formMoveDownShort')}</span>
                    </button>
                    <button
                      type="button"
                      className="krds-btn xsmall secondary"
                      data-testid="row-remove"
                      onClick={() => onChange(items.filter((_, j) => j !== i))}
                      aria-label={t('formRemoveRow', { item: label })}
                    >
                      {t('formRemoveRowShort')}
                    </button>
                  </div>
                )}
                {children(item, i, update, field)}
              </fieldset>
            </li>
          );
        })}
      </ol>
      {footer}
      {readOnly || (max !== undefined && items.length >= max) ? null : (
        <div className="zl-actions">
          <button
            type="button"
            className="krds-btn secondary small"
            data-testid="row-add"
            onClick={() => {
              onChange([...items, newItem()]);
              setFocusRow(items.length);
            }}
          >
            + {addLabel}
          </button>
        </div>
      )}
    </fieldset>
  );
}
