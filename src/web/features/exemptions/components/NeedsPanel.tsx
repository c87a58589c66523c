// Regulatory needs (규제 수요) of a plan or a project: the supply-chain strip of their coverage (the zone page's
// strip, per need: met by which exemption, or unmet with precedents from other zones linking to
// /exemptions/:id) and, for those who may edit, the needs editor with the catalogue picker.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useApp } from '../../../shared/app-context.tsx';
import { Alert, Loading, ProblemAlert } from '../../../shared/ui/ui.tsx';
import { RefText } from '../../../shared/ui/text.tsx';
import type { needsCoverageQuery } from '../api/queries.ts';
import { Link } from '../../../shared/router.tsx';
import { STAGES, type Stage } from '../../../shared/stages.ts';
import type { Regulation } from '../../../shared/types.ts';
import { articleText, kindText, stageText } from './common.tsx';
import { RegulationPicker } from '../../regulations/index.ts';
import type { Need, NeedsCoverage } from '../types.ts';
import { TableFrame } from '../../../shared/ui/TableFrame.tsx';

type RegLabel = Pick<Regulation, 'id' | 'law' | 'title' | 'article' | 'paragraph'>;

/** `coverage` is keyed on the owner's version, so a save reads it again. */
export function NeedsPanel({ coverage: query, needs, canEdit, save }: {
  coverage: ReturnType<typeof needsCoverageQuery>; needs: Need[]; canEdit: boolean; save: (next: Need[]) => Promise<unknown>;
}) {
  const { t } = useApp();
  const coverage = useQuery(query);
  const c = coverage.data;
  return (
    <section className="zl-section" aria-labelledby="needs-title" data-testid="needs-panel">
      <h2 id="needs-title">{t('needsTitle')}</h2>
      <p className="zl-hint">{t('needsLead')}</p>
      {coverage.error ? <ProblemAlert error={coverage.error} /> : !c ? <Loading /> : (
        <>
          <p data-testid="needs-summary">{t('needsSummary', { met: c.met, total: c.needs })}</p>
          {c.zone === null && c.needs > 0 ? <p className="zl-muted">{t('needsNoZone')}</p> : null}
          <NeedsStrip coverage={c} />
        </>
      )}
      {canEdit ? <NeedsEditor needs={needs} coverage={c ?? null} save={save} /> : null}
    </section>
  );
}

function NeedsStrip({ coverage }: { coverage: NeedsCoverage }) {
  const { t } = useApp();
  const statusText = { none: t('needsStageNone'), covered: t('needsStageCovered'), unmet: t('needsStageUnmet') };
  return (
    <ol className="zl-ex-strip" data-testid="needs-strip">
      {coverage.stages.map((s) => (
        <li key={s.stage} className={s.status === 'unmet' ? 'is-gap' : s.status === 'covered' ? 'is-covered' : ''} data-stage={s.stage} data-status={s.status}>
          <p className="zl-ex-strip-name">{stageText(s.stage, t)}</p>
          <p className="zl-ex-strip-status">{statusText[s.status]}</p>
          {s.needs.length > 0 ? (
            <ul>
              {s.needs.map((n) => (
                <li key={n.regulation.id} data-testid={`need-${s.stage}`} data-met={n.met}>
                  <strong>{n.met ? t('needsMet') : t('needsUnmet')}</strong>: <RefText value={n.regulation.law} notice={false} /> {articleText(n.regulation.article, n.regulation.paragraph, t)}
                  {n.note ? <span className="zl-muted"> — {n.note}</span> : null}
                  {n.metBy.length > 0 ? (
                    <p className="zl-ex-strip-prec">{t('needsMetBy')}: {n.metBy.map((e, i) => (
                      <span key={e.id}>{i > 0 ? ', ' : ''}<Link href={`/exemptions/${e.id}`}><RefText value={e.title} notice={false} /></Link></span>
                    ))}</p>
                  ) : null}
                  {n.requestedBy.length > 0 ? <p className="zl-muted">{t('needsRequested', { ids: n.requestedBy.join(', ') })}</p> : null}
                  {!n.met ? (n.precedents.length > 0 ? (
                    <>
                      <p className="zl-ex-strip-prec">{t('needsPrecedents')}</p>
                      <ul data-testid={`need-precedents-${s.stage}`}>
                        {n.precedents.map((e) => (
                          <li key={e.id}>
                            <Link href={`/exemptions/${e.id}`}><RefText value={e.title} notice={false} /></Link>{' '}
                            <span className="zl-muted">(<RefText value={e.zone.name} notice={false} />, {kindText(e.kind, t)}{e.sameStage ? `, ${t('needsSameStage')}` : ''})</span>
                          </li>
                        ))}
                      </ul>
                    </>
                  ) : <p className="zl-muted">{t('needsNoPrecedent')}</p>) : null}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

function NeedsEditor({ needs, coverage, save }: { needs: Need[]; coverage: NeedsCoverage | null; save: (next: Need[]) => Promise<unknown> }) {
  const { t } = useApp();
  const [draft, setDraft] = useState<Need[]>(needs);
  const [labels, setLabels] = useState<Record<string, RegLabel>>(() =>
    Object.fromEntries((coverage?.stages ?? []).flatMap((s) => s.needs.map((n) => [n.regulation.id, n.regulation]))));
  const [stage, setStage] = useState<Stage>(STAGES[0]);
  const [picked, setPicked] = useState<Regulation[]>([]);
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const known = { ...Object.fromEntries((coverage?.stages ?? []).flatMap((s) => s.needs.map((n) => [n.regulation.id, n.regulation]))), ...labels };

  const add = () => {
    const reg = picked[0];
    if (!reg) return setMessage(t('needsPickFirst'));
    if (draft.some((n) => n.stage === stage && n.regulation === reg.id)) return setMessage(t('needsDuplicate'));
    setLabels({ ...labels, [reg.id]: reg });
    setDraft([...draft, { stage, regulation: reg.id, note: note.trim() || null }]);
    setPicked([]);
    setNote('');
    setMessage(null);
  };
  const submit = () => {
    setBusy(true);
    setError(null);
    save(draft).then(() => setMessage(t('needsSaved')), setError).finally(() => setBusy(false));
  };

  return (
    <details className="zl-card" data-testid="needs-editor">
      <summary>{t('needsEdit')}</summary>
      {draft.length === 0 ? <p className="zl-muted">{t('needsNone')}</p> : (
        <TableFrame>
          <table className="tbl col data zl-table zl-compact" data-testid="needs-table">
            <caption className="sr-only">{t('needsCaption')}</caption>
            <thead><tr><th scope="col">{t('needsStage')}</th><th scope="col">{t('needsRegulation')}</th><th scope="col">{t('needsNote')}</th><th scope="col"><span className="sr-only">{t('needsRemove')}</span></th></tr></thead>
            <tbody>
              {draft.map((n, i) => {
                const r = known[n.regulation];
                return (
                  <tr key={`${n.stage}/${n.regulation}`}>
                    <td>{stageText(n.stage, t)}</td>
                    <td>{r ? <><RefText value={r.law} notice={false} /> {articleText(r.article, r.paragraph, t)}</> : n.regulation}</td>
                    <td>{n.note ?? ''}</td>
                    <td>
                      <button type="button" className="krds-btn small tertiary" onClick={() => setDraft(draft.filter((_, j) => j !== i))}>
                        {t('needsRemove')}<span className="sr-only"> ({stageText(n.stage, t)})</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableFrame>
      )}
      <div className="form-group">
        <label htmlFor="need-stage">{t('needsStage')}</label>
        <select id="need-stage" className="krds-form-select" value={stage} onChange={(e) => setStage(STAGES.find((s) => s === e.target.value) ?? STAGES[0])}>
          {STAGES.map((s) => <option key={s} value={s}>{stageText(s, t)}</option>)}
        </select>
      </div>
      <RegulationPicker selected={picked} onChange={(next) => setPicked(next.slice(-1))} legend={t('needsPickLegend')} />
      <div className="form-group">
        <label htmlFor="need-note">{t('needsNote')}</label>
        <input id="need-note" className="krds-input" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
      </div>
      <div className="zl-actions">
        <button type="button" className="krds-btn secondary medium" onClick={add} data-testid="need-add">{t('needsAdd')}</button>
        <button type="button" className="krds-btn primary medium" onClick={submit} disabled={busy} data-testid="needs-save">{t('needsSave')}</button>
      </div>
      {message ? <Alert kind="info"><p data-testid="needs-message">{message}</p></Alert> : null}
      {error ? <ProblemAlert error={error} /> : null}
    </details>
  );
}
