// The review record of a plan (issue 3 item 5): experts with their declarations and scores (totals and
// per-criterion averages, Decree Art. 45), and each responsible ministry's opinion with its own 30-day clock
// (RFZ Act Art. 75(2)). MSS assigns and consults here; a consulted ministry gives its opinion here.
import { useCallback, useEffect, useState } from 'react';
import { useApp } from '../../../shared/app-context.tsx';
import { Field, ProblemAlert } from '../../../shared/ui/ui.tsx';
import { LocalText } from '../../../shared/ui/text.tsx';
import { Link } from '../../../shared/router.tsx';
import type { MessageKey, Translate } from '../../../i18n/index.ts';
import { ActionOutcome, usePlanAction } from './common.tsx';
import type { PlansClient } from '../api/client.ts';
import type { Criterion, Declaration, ExpertSummary, Position, ReviewView } from '../review-types.ts';
import type { PlanView } from '../types.ts';
import { TableFrame } from '../../../shared/ui/TableFrame.tsx';

const CRITERION_KEYS: Record<Criterion, MessageKey> = {
  'regional-fit': 'rvCriterionRegionalFit',
  innovativeness: 'rvCriterionInnovativeness',
  'exemption-business-link': 'rvCriterionExemptionBusinessLink',
  funding: 'rvCriterionFunding',
  'safety-environment': 'rvCriterionSafetyEnvironment',
  privacy: 'rvCriterionPrivacy',
  'economic-effect': 'rvCriterionEconomicEffect',
  'past-evaluation': 'rvCriterionPastEvaluation',
};
export const criterionText = (c: Criterion, t: Translate): string => t(CRITERION_KEYS[c]);

const POSITION_KEYS: Record<Position, MessageKey> = { agree: 'rvPositionAgree', agree_with_conditions: 'rvPositionConditions', disagree: 'rvPositionDisagree' };
export const positionText = (p: Position, t: Translate): string => t(POSITION_KEYS[p]);

export function declarationText(d: Declaration, t: Translate): string {
  return t(d === 'no_conflict' ? 'rvDeclNoConflict' : d === 'conflict' ? 'rvDeclConflict' : 'rvDeclNone');
}

function ExpertsTable({ review }: { review: ReviewView }) {
  const { t } = useApp();
  if (review.experts.length === 0) return <p>{t('rvNoExperts')}</p>;
  const showAverages = review.summary.sheets > 0;
  return (
    <TableFrame>
      <table className="tbl col data zl-table zl-compact" data-testid="review-experts">
        <caption className="sr-only">{t('rvExpertsTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('rvCriterion')}</th>
            {review.experts.map((e) => <th scope="col" key={e.userId}>{e.name}</th>)}
            {showAverages ? <th scope="col">{t('rvAverage')}</th> : null}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('rvDeclaration')}</th>
            {review.experts.map((e) => <td key={e.userId}>{declarationText(e.declaration, t)}</td>)}
            {showAverages ? <td /> : null}
          </tr>
          {review.criteria.map((c) => (
            <tr key={c.key}>
              <th scope="row">{criterionText(c.key, t)}</th>
              {review.experts.map((e) => <td key={e.userId} className="zl-num">{e.scores ? e.scores[c.key] : '—'}</td>)}
              {showAverages ? <td className="zl-num">{review.summary.averages[c.key] ?? '—'}</td> : null}
            </tr>
          ))}
          <tr>
            <th scope="row">{t('rvTotal')}</th>
            {review.experts.map((e) => <td key={e.userId} className="zl-num">{e.total ?? '—'}</td>)}
            {showAverages ? <td className="zl-num" data-testid="review-average-total">{review.summary.averageTotal ?? '—'}</td> : null}
          </tr>
        </tbody>
      </table>
      {showAverages ? <p className="zl-hint">{t('rvSheets', { count: review.summary.sheets, max: review.summary.maxTotal })}</p> : null}
    </TableFrame>
  );
}

function ConsultationsTable({ review }: { review: ReviewView }) {
  const { t } = useApp();
  if (review.consultations.length === 0) return <p>{t('rvNoConsultations')}</p>;
  return (
    <TableFrame>
      <table className="tbl col data zl-table zl-compact" data-testid="review-ministries">
        <caption className="sr-only">{t('rvMinistriesTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('rvMinistry')}</th>
            <th scope="col">{t('rvRequestedOn')}</th>
            <th scope="col">{t('planClockDays')}</th>
            <th scope="col">{t('rvDue')}</th>
            <th scope="col">{t('rvRemaining')}</th>
            <th scope="col">{t('rvPosition')}</th>
          </tr>
        </thead>
        <tbody>
          {review.consultations.map((c) => (
            <tr key={c.organisationId}>
              <th scope="row"><LocalText value={c.organisation} /></th>
              <td className="zl-nowrap">{c.requestedOn}</td>
              <td className="zl-num">{t('planClockCounted', { counted: c.clock.countedDays, days: c.clock.days })}</td>
              <td className="zl-nowrap">{c.clock.due ?? t('planClockDueOpen')}</td>
              <td className="zl-num">{c.repliedOn ? '—' : t('planDays', { count: c.clock.remainingDays })}</td>
              <td>
                {c.position ? (
                  <>
                    <span className="krds-badge bg-light-primary">{positionText(c.position, t)}</span> <span className="zl-muted">{c.repliedOn}</span>
                    {c.opinion ? <div><LocalText value={c.opinion} /></div> : null}
                    {c.conditions ? <div>{t('rvConditions')}: <LocalText value={c.conditions} /></div> : null}
                  </>
                ) : c.clock.paused ? (
                  <span className="krds-badge bg-light-warning">{t('rvPaused')}</span>
                ) : c.clock.remainingDays < 0 ? (
                  <span className="krds-badge bg-light-danger">{t('planClockOverdue')}</span>
                ) : (
                  <span className="krds-badge bg-light-gray">{t('rvPending')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableFrame>
  );
}

function AssignForm({ review, client, onReview }: { review: ReviewView; client: PlansClient; onReview: (r: ReviewView) => void }) {
  const { t, lang } = useApp();
  const { busy, error, done, run } = usePlanAction(onReview);
  const [experts, setExperts] = useState<ExpertSummary[]>([]);
  const [expert, setExpert] = useState('');
  useEffect(() => {
    client.experts().then((items) => {
      setExperts(items);
      setExpert((e) => e || items[0]?.userId || '');
    }, () => setExperts([]));
  }, [client]);
  const chosen = experts.find((e) => e.userId === expert);
  return (
    <form
      data-testid="review-assign-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (expert) void run(() => client.assignExpert(review.planId, expert), 'rvAssigned');
      }}
    >
      <Field id="rv-expert" label={t('rvExpertSelect')} hint={chosen ? `${t('rvTies')}: ${chosen.ties.map((x) => (x.kind === 'government' ? x.regionCode : x.name)).join(', ') || t('rvNoTies')}` : undefined}>
        {(a) => (
          <select {...a} className="krds-form-select" value={expert} onChange={(e) => setExpert(e.target.value)}>
            {experts.map((x) => <option key={x.userId} value={x.userId}>{x.name} — {x.organisation[lang] ?? x.organisation.ko}</option>)}
          </select>
        )}
      </Field>
      <button type="submit" className="krds-btn secondary medium" disabled={busy || !expert} data-testid="review-assign">{t('rvAssign')}</button>
      <ActionOutcome error={error} done={done} />
    </form>
  );
}

function ConsultForm({ review, client, onReview }: { review: ReviewView; client: PlansClient; onReview: (r: ReviewView) => void }) {
  const { t, lang } = useApp();
  const { busy, error, done, run } = usePlanAction(onReview);
  const open = review.ministries.filter((m) => !review.consultations.some((c) => c.organisationId === m.organisationId));
  const [ministry, setMinistry] = useState('');
  const value = ministry || open[0]?.organisationId || '';
  if (open.length === 0 && !error && !done) return null;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (value) void run(() => client.consult(review.planId, value), 'rvConsulted');
      }}
    >
      <Field id="rv-ministry" label={t('rvMinistrySelect')}>
        {(a) => (
          <select {...a} className="krds-form-select" value={value} onChange={(e) => setMinistry(e.target.value)}>
            {open.map((m) => <option key={m.organisationId} value={m.organisationId}>{m.name[lang] ?? m.name.ko}</option>)}
          </select>
        )}
      </Field>
      <button type="submit" className="krds-btn secondary medium" disabled={busy || !value} data-testid="review-consult">{t('rvConsult')}</button>
      <ActionOutcome error={error} done={done} />
    </form>
  );
}

function OpinionForm({ review, client, onReview }: { review: ReviewView; client: PlansClient; onReview: (r: ReviewView) => void }) {
  const { t } = useApp();
  const { busy, error, done, run } = usePlanAction(onReview);
  const [position, setPosition] = useState<Position>('agree');
  const [opinion, setOpinion] = useState('');
  const [conditions, setConditions] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <form
      noValidate
      data-testid="review-opinion-form"
      onSubmit={(e) => {
        e.preventDefault();
        setMissing(opinion.trim() === '');
        if (opinion.trim() === '') return;
        void run(() => client.giveOpinion(review.planId, { position, opinion: { ko: opinion }, conditions: conditions.trim() ? { ko: conditions } : null }), 'rvOpinionGiven');
      }}
    >
      <h3 className="zl-subheading">{t('rvOpinionTitle')}</h3>
      <fieldset className="zl-fieldset">
        <legend>{t('rvPosition')}</legend>
        <div className="zl-radio-group">
          {(Object.keys(POSITION_KEYS) as Position[]).map((p) => (
            <div className="krds-form-check" key={p}>
              <input type="radio" id={`rv-pos-${p}`} name="rv-position" checked={position === p} onChange={() => setPosition(p)} />
              <label htmlFor={`rv-pos-${p}`}>{positionText(p, t)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <Field id="rv-opinion" label={t('rvOpinionText')} required error={missing ? t('fieldRequired') : undefined}>
        {(a) => <textarea {...a} className="krds-input" rows={3} value={opinion} onChange={(e) => setOpinion(e.target.value)} />}
      </Field>
      {position === 'agree_with_conditions' ? (
        <Field id="rv-conditions" label={t('rvConditions')}>
          {(a) => <textarea {...a} className="krds-input" rows={2} value={conditions} onChange={(e) => setConditions(e.target.value)} />}
        </Field>
      ) : null}
      <button type="submit" className="krds-btn primary medium" disabled={busy} data-testid="review-give-opinion">{t('rvGiveOpinion')}</button>
      <ActionOutcome error={error} done={done} labels={{ opinion: t('rvOpinionText'), conditions: t('rvConditions') }} />
    </form>
  );
}

export function ReviewRecord({ plan, client }: { plan: PlanView; client: PlansClient }) {
  const { t, user } = useApp();
  const [review, setReview] = useState<ReviewView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    if (!plan.can.readReview) return;
    client.review(plan.id).then(setReview, setError);
  }, [client, plan.id, plan.can.readReview]);
  // Reload when the plan moves (a supplement pauses the ministries' clocks).
  useEffect(load, [load, plan.revision]);
  if (!plan.can.readReview) return null;
  if (error) return <ProblemAlert error={error} />;
  if (!review) return null;
  const expert = user?.organisation.kind === 'expert';
  return (
    <section className="zl-section zl-card" aria-labelledby="plan-review-record-title" data-testid="review-record">
      <h2 id="plan-review-record-title">{t('rvExpertsTitle')}</h2>
      <p className="zl-hint">{t('rvExpertsHint')}</p>
      <ExpertsTable review={review} />
      {expert ? <p><Link href="/expert" className="krds-btn secondary medium">{t('rvWorkspaceTitle')}</Link></p> : null}
      {review.can.assign ? <AssignForm review={review} client={client} onReview={setReview} /> : null}
      <h2 className="zl-subheading">{t('rvMinistriesTitle')}</h2>
      <p className="zl-hint">{t('rvMinistriesHint')}</p>
      <ConsultationsTable review={review} />
      {review.can.consult ? <ConsultForm review={review} client={client} onReview={setReview} /> : null}
      {review.can.opine ? <OpinionForm review={review} client={client} onReview={setReview} /> : null}
    </section>
  );
}
