// Regulations picked from the catalogue by search-as-you-type; an MSS official can add a missing provision
// to the catalogue on the spot (it is then picked).
import { useEffect, useState } from 'react';
import { useApp } from '../../../shared/app-context.tsx';
import { useField } from '../../../shared/forms/forms.tsx';
import { RefText } from '../../../shared/ui/text.tsx';
import { regulationsApi } from '../api/client.ts';
import { articleText } from './article-text.ts';
import { RegulationForm } from './RegulationForm.tsx';
import type { Regulation } from '../../../shared/types.ts';

/** `legend` names what the picked provisions are for (default: the provisions an exemption suspends). */
export function RegulationPicker({ selected, onChange, legend }: { selected: Regulation[]; onChange: (next: Regulation[]) => void; legend?: string }) {
  const { t, user } = useApp();
  const { error } = useField('/regulationIds', true);
  const [q, setQ] = useState('');
  const [matches, setMatches] = useState<Regulation[] | null>(null);
  const [adding, setAdding] = useState(false);

  useEffect(() => {
    const text = q.trim();
    if (text.length < 1) {
      setMatches(null);
      return;
    }
    let live = true;
    const timer = window.setTimeout(() => {
      regulationsApi.list(text).then((r) => live && setMatches(r.items)).catch(() => live && setMatches([]));
    }, 200);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [q]);

  const pick = (r: Regulation) => {
    if (!selected.some((s) => s.id === r.id)) onChange([...selected, r]);
  };
  const chosen = new Set(selected.map((s) => s.id));

  return (
    <fieldset className="zl-fieldset" aria-describedby={error ? 'ex-regs-error' : undefined}>
      <legend>
        {legend ?? t('exSuspended')} <span className="zl-required">({t('required')})</span>
      </legend>
      {selected.length > 0 ? (
        <ul className="zl-ex-picked" data-testid="picked-regulations">
          {selected.map((r) => (
            <li key={r.id}>
              <span>
                <RefText value={r.law} notice={false} /> {articleText(r.article, r.paragraph, t)} — <RefText value={r.title} notice={false} />
              </span>
              <button type="button" className="krds-btn small tertiary" onClick={() => onChange(selected.filter((s) => s.id !== r.id))}>
                {t('exRemove')}
                <span className="sr-only"> ({articleText(r.article, r.paragraph, t)})</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="zl-muted">{t('exNoRegulationsPicked')}</p>
      )}
      <div className={`form-group${error ? ' is-error' : ''}`}>
        <label htmlFor="ex-reg-search">{t('exRegulationSearch')}</label>
        <input id="ex-reg-search" type="search" className="krds-input" value={q} onChange={(e) => setQ(e.target.value)}
          aria-describedby="ex-reg-search-hint" {...(error ? { 'aria-invalid': true } : {})} />
        <p className="form-hint" id="ex-reg-search-hint">{t('exRegulationSearchHint')}</p>
      </div>
      {error ? <p className="form-hint-invalid" id="ex-regs-error">{error}</p> : null}
      <div role="status" className="sr-only">{matches ? t('exSearchCount', { count: matches.length }) : ''}</div>
      {matches && matches.length > 0 ? (
        <ul className="zl-ex-matches" data-testid="regulation-matches">
          {matches.slice(0, 10).map((r) => (
            <li key={r.id}>
              <span>
                <RefText value={r.law} notice={false} /> {articleText(r.article, r.paragraph, t)} — <RefText value={r.title} notice={false} />
              </span>
              <button type="button" className="krds-btn small secondary" disabled={chosen.has(r.id)} onClick={() => pick(r)}>
                {chosen.has(r.id) ? t('exPicked') : t('exPick')}
                <span className="sr-only"> ({articleText(r.article, r.paragraph, t)})</span>
              </button>
            </li>
          ))}
        </ul>
      ) : matches ? (
        <p>{t('exNoRegulationMatch')}</p>
      ) : null}
      {user?.organisation.kind === 'ministry' ? (
        adding ? (
          <RegulationForm
            onCancel={() => setAdding(false)}
            onCreated={(r) => {
              pick(r);
              setAdding(false);
            }}
          />
        ) : (
          <p>
            <button type="button" className="krds-btn small text" onClick={() => setAdding(true)} data-testid="regulation-add-open">
              {t('exAddRegulation')}
            </button>
          </p>
        )
      ) : null}
    </fieldset>
  );
}
