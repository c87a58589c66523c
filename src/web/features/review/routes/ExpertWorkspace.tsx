// /expert: the expert review workspace — declared ties, the plans assigned to me, and for each a conflict-of-interest
// declaration (Decree Art. 50) and a score sheet against the criteria of Decree Art. 45.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Type } from 'typebox';
import { ScoreSheet } from '../../../../contract/plan-review.ts';
import { MAX_SCORE } from '../../../../domain/zones/expert-review.ts';
import { queryClient } from '../../../shared/data/query-client.ts';
import { fieldLimits, fieldMessage, schemaAt, setServerErrors, useSchemaForm } from '../../../shared/forms/schema-form.ts';
import { useApp } from '../../../shared/app-context.tsx';
import { Field, Loading, ProblemAlert, DemoBadge, useTitle } from '../../../shared/ui/ui.tsx';
import { LocalText } from '../../../shared/ui/text.tsx';
import { formatDate } from '../../../shared/dates.ts';
import { Link } from '../../../shared/router.tsx';
import { LoginFirst } from '../../../shared/ui/LoginFirst.tsx';
import {
  ActionOutcome, criterionText, declarationText, expertWorkspaceQuery, PlanStateBadge, usePlanAction, usePlansClient,
  type Criterion, type ExpertWorkspace, type PlansClient, type PlanState, type Tie,
} from '../../plans/index.ts';
import { citation } from '../../../../domain/i18n/citation.ts';

type Assignment = ExpertWorkspace['assignments'][number];

/** The score sheet as the form holds it: the contract's sheet (0–MAX_SCORE per criterion), the comment as plain text. */
const SCORE_FORM = Type.Object({ scores: ScoreSheet, comment: Type.String() });
type ScoreForm = { scores: Record<Criterion, number>; comment: string };

function TiesEditor({ workspace, client, onWorkspace }: { workspace: ExpertWorkspace; client: PlansClient; onWorkspace: (w: ExpertWorkspace) => void }) {
  const { t } = useApp();
  const { busy, error, done, run } = usePlanAction(onWorkspace);
  const [ties, setTies] = useState<Tie[]>(workspace.ties);
  const set = (i: number, tie: Tie) => setTies(ties.map((x, j) => (j === i ? tie : x)));
  return (
    <section className="zl-section zl-card" aria-labelledby="rv-ties-title">
      <h2 id="rv-ties-title">{t('rvTiesTitle')}</h2>
      <p className="zl-hint">{t('rvTiesHint')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => client.saveTies(ties), 'rvTiesSaved');
        }}
      >
        {ties.map((tie, i) => (
          <fieldset className="zl-fieldset" key={i}>
            <legend>{t('rvTies')} {i + 1}</legend>
            <div className="zl-two-col">
              <Field id={`rv-tie-kind-${i}`} label={t('rvTieKind')}>
                {(a) => (
                  <select
                    {...a} className="krds-form-select" value={tie.kind}
                    onChange={(e) => set(i, e.target.value === 'government' ? { kind: 'government', regionCode: '' } : { kind: 'company', name: '', businessNumber: null })}
                  >
                    <option value="government">{t('rvTieGovernment')}</option>
                    <option value="company">{t('rvTieCompany')}</option>
                  </select>
                )}
              </Field>
              {tie.kind === 'government' ? (
                <Field id={`rv-tie-region-${i}`} label={t('rvTieRegion')}>
                  {(a) => <input {...a} className="krds-input" inputMode="numeric" value={tie.regionCode} onChange={(e) => set(i, { ...tie, regionCode: e.target.value.trim() })} />}
                </Field>
              ) : (
                <>
                  <Field id={`rv-tie-name-${i}`} label={t('rvTieName')}>
                    {(a) => <input {...a} className="krds-input" value={tie.name} onChange={(e) => set(i, { ...tie, name: e.target.value })} />}
                  </Field>
                  <Field id={`rv-tie-bn-${i}`} label={t('rvTieBusinessNumber')}>
                    {(a) => <input {...a} className="krds-input" placeholder="000-00-00000" value={tie.businessNumber ?? ''} onChange={(e) => set(i, { ...tie, businessNumber: e.target.value.trim() || null })} />}
                  </Field>
                </>
              )}
              <Field id={`rv-tie-note-${i}`} label={t('rvTieNote')}>
                {(a) => <input {...a} className="krds-input" value={tie.note ?? ''} onChange={(e) => set(i, { ...tie, ...(e.target.value ? { note: e.target.value } : { note: undefined }) } as Tie)} />}
              </Field>
            </div>
            <button type="button" className="krds-btn tertiary small" onClick={() => setTies(ties.filter((_, j) => j !== i))}>{t('rvTieRemove')}</button>
          </fieldset>
        ))}
        <div className="zl-actions">
          <button type="button" className="krds-btn secondary medium" onClick={() => setTies([...ties, { kind: 'government', regionCode: '' }])}>{t('rvTieAdd')}</button>
          <button type="submit" className="krds-btn primary medium" disabled={busy} data-testid="rv-ties-save">{t('rvTiesSave')}</button>
        </div>
        <ActionOutcome error={error} done={done} />
      </form>
    </section>
  );
}

function AssignmentCard({ item, criteria, client, onChange }: { item: Assignment; criteria: ExpertWorkspace['criteria']; client: PlansClient; onChange: () => void }) {
  const { t, lang } = useApp();
  const declare = usePlanAction(onChange);
  const score = usePlanAction(onChange);
  const [conflict, setConflict] = useState(false);
  const [note, setNote] = useState('');
  const form = useSchemaForm<ScoreForm>(SCORE_FORM, {
    scores: Object.fromEntries(criteria.map((c) => [c.key, item.scores ? item.scores[c.key] : undefined])) as ScoreForm['scores'],
    comment: '',
  });
  const max = criteria[0]?.max ?? MAX_SCORE;
  const headingId = `rv-plan-${item.planId}`;
  const submitScores = form.handleSubmit(async ({ scores, comment }) => {
    let refused: unknown = null;
    const send = () => client.score(item.planId, { scores, comment: comment.trim() ? { ko: comment } : null }).catch((err: unknown) => {
      refused = err;
      throw err;
    });
    if (!(await score.run(send, 'rvScored'))) setServerErrors(form, refused, ['scores', 'comment']);
  });
  const scoreError = (key: Criterion) => fieldMessage(form.formState.errors.scores?.[key], schemaAt(SCORE_FORM, `scores.${key}`), t);

  return (
    <section className="zl-section zl-card" aria-labelledby={headingId} data-testid="rv-assignment">
      <div className="zl-title-row">
        <h3 id={headingId}><LocalText value={item.title} /></h3>
        {item.demo ? <DemoBadge /> : null}
      </div>
      <p>
        <PlanStateBadge state={item.state as PlanState} /> <span className="zl-muted">{t('rvAssignedOn', { date: item.assignedOn })}</span>{' '}
        <Link href={`/plans/${item.planId}`} className="krds-btn tertiary small">{t('rvOpenPlan')}</Link>
      </p>
      <p>{t('rvDeclaration')}: <strong data-testid="rv-declaration">{declarationText(item.declaration, t)}</strong></p>
      {item.declaration === null ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void declare.run(() => client.declare(item.planId, { conflict, note: note.trim() ? { ko: note } : null }), 'rvDeclared');
          }}
        >
          <fieldset className="zl-fieldset">
            <legend>{t('rvDeclareTitle')}</legend>
            <div className="zl-radio-group">
              <div className="krds-form-check">
                <input type="radio" id={`rv-nc-${item.planId}`} name={`rv-decl-${item.planId}`} checked={!conflict} onChange={() => setConflict(false)} />
                <label htmlFor={`rv-nc-${item.planId}`}>{t('rvDeclareNoConflict')}</label>
              </div>
              <div className="krds-form-check">
                <input type="radio" id={`rv-c-${item.planId}`} name={`rv-decl-${item.planId}`} checked={conflict} onChange={() => setConflict(true)} />
                <label htmlFor={`rv-c-${item.planId}`}>{t('rvDeclareConflict')}</label>
              </div>
            </div>
          </fieldset>
          <Field id={`rv-note-${item.planId}`} label={t('rvDeclareNote')}>
            {(a) => <input {...a} className="krds-input" value={note} onChange={(e) => setNote(e.target.value)} />}
          </Field>
          <button type="submit" className="krds-btn primary medium" disabled={declare.busy} data-testid="rv-declare">{t('rvDeclare')}</button>
        </form>
      ) : null}
      <ActionOutcome error={declare.error} done={declare.done} />
      {item.declaration === 'no_conflict' && item.state === 'under_review' ? (
        <form noValidate onSubmit={(e) => void submitScores(e)}>
          <h4 className="zl-subheading">{t('rvScoreTitle', { max })}</h4>
          {item.scoredAt ? <p className="zl-hint">{t('rvScoredAt', { date: formatDate(item.scoredAt, lang) })}</p> : null}
          <div className="zl-two-col">
            {criteria.map((c) => (
              <Field key={c.key} id={`rv-score-${item.planId}-${c.key}`} label={`${criterionText(c.key, t)} (${citation(lang, c.rule)})`} required error={scoreError(c.key)}>
                {(a) => (
                  <input
                    {...a} type="number" {...fieldLimits(schemaAt(SCORE_FORM, `scores.${c.key}`))} step={1} className="krds-input" data-criterion={c.key}
                    {...form.register(`scores.${c.key}`, { valueAsNumber: true })}
                  />
                )}
              </Field>
            ))}
          </div>
          <Field id={`rv-comment-${item.planId}`} label={t('rvComment')}>
            {(a) => <textarea {...a} className="krds-input" rows={2} {...form.register('comment')} />}
          </Field>
          <button type="submit" className="krds-btn primary medium" disabled={score.busy} data-testid="rv-score">{t('rvScoreSave')}</button>
        </form>
      ) : null}
      <ActionOutcome error={score.error} done={score.done} />
    </section>
  );
}

export function ExpertWorkspacePage() {
  const { t, user } = useApp();
  const client = usePlansClient();
  useTitle(t('rvWorkspaceTitle'));
  const expert = user?.organisation.kind === 'expert';
  const query = useQuery({ ...expertWorkspaceQuery, enabled: !!client && expert });
  const { data: workspace, error } = query;
  const reload = () => void queryClient.invalidateQueries({ queryKey: expertWorkspaceQuery.queryKey });
  const setWorkspace = (w: ExpertWorkspace) => queryClient.setQueryData(expertWorkspaceQuery.queryKey, w);

  if (user === undefined) return <Loading />;
  if (user === null || !client) return (<><h1 className="zl-page-title">{t('rvWorkspaceTitle')}</h1><LoginFirst /></>);
  return (
    <>
      <h1 className="zl-page-title">{t('rvWorkspaceTitle')}</h1>
      <p className="zl-lead">{t('rvWorkspaceLead')}</p>
      {!expert ? <p>{t('rvOnlyExperts')}</p> : error ? <ProblemAlert error={error} /> : !workspace ? <Loading /> : (
        <>
          <h2>{t('rvAssignmentsTitle')}</h2>
          {workspace.assignments.length === 0 ? <p>{t('rvNoAssignments')}</p> : workspace.assignments.map((a) => (
            <AssignmentCard key={`${a.planId}-${a.declaration ?? 'none'}-${a.scoredAt ?? ''}`} item={a} criteria={workspace.criteria} client={client} onChange={reload} />
          ))}
          <TiesEditor workspace={workspace} client={client} onWorkspace={setWorkspace} />
        </>
      )}
    </>
  );
}
