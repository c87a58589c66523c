// Choosing a few items out of many by typing part of a name: the chosen ones stay ticked at the top, the
// matches of the search are offered below as checkboxes (the same KRDS markup and field errors as CheckGroup
// in forms.tsx), at most `limit` at a time.
import { useState } from 'react';
import { useApp } from '../app-context.tsx';
import { useField } from './forms.tsx';
import { matchOptions } from './form-values.ts';

interface SearchPickProps {
  pointer: string;
  legend: string;
  searchLabel: string;
  options: readonly { value: string; label: string }[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  hint?: string;
  limit?: number;
}

export function SearchPick({ pointer, legend, searchLabel, options, value, onChange, hint, limit = 8 }: SearchPickProps) {
  const { t } = useApp();
  const f = useField(pointer, true);
  const [query, setQuery] = useState('');
  const errorId = f.error ? `${f.id}-error` : undefined;
  const chosen = options.filter((o) => value.includes(o.value));
  const matches = matchOptions(options.filter((o) => !value.includes(o.value)), query);
  const shown = matches.slice(0, limit);
  const toggle = (v: string, on: boolean) => {
    const set = new Set(value);
    if (on) set.add(v);
    else set.delete(v);
    onChange(options.map((x) => x.value).filter((x) => set.has(x)));
  };
  const box = (o: { value: string; label: string }, checked: boolean) => (
    <div className="krds-form-check" key={o.value}>
      <input type="checkbox" id={`${f.id}-${o.value}`} checked={checked} onChange={(e) => toggle(o.value, e.target.checked)} />
      <label htmlFor={`${f.id}-${o.value}`}>{o.label}</label>
    </div>
  );
  return (
    <fieldset className="zl-fieldset zl-check-fieldset" aria-describedby={errorId} data-pointer={pointer}>
      <legend>{legend}</legend>
      {chosen.length > 0 ? (
        <div className="zl-check-grid" data-testid={`${f.id}-chosen`}>{chosen.map((o) => box(o, true))}</div>
      ) : null}
      <div className="form-group">
        <label htmlFor={`${f.id}-search`}>{searchLabel}</label>
        {hint ? <p className="form-hint" id={`${f.id}-search-hint`}>{hint}</p> : null}
        <input
          id={`${f.id}-search`} className="krds-input" type="search" value={query} autoComplete="off"
          aria-describedby={hint ? `${f.id}-search-hint` : undefined} onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      <div className="zl-check-grid" role="group" aria-label={t('formSearchResults')} aria-live="polite" data-testid={`${f.id}-matches`}>
        {shown.map((o) => box(o, false))}
      </div>
      {matches.length === 0 ? <p className="zl-hint">{t('formSearchNone')}</p> : null}
      {matches.length > shown.length ? <p className="zl-hint">{t('formSearchMore', { count: matches.length - shown.length })}</p> : null}
      {f.error ? <p className="form-hint-invalid" id={errorId}>{f.error}</p> : null}
    </fieldset>
  );
}
