// /plans/:id: the plan workspace — state and my actions, clocks, readiness, sign-off, sections, consultation,
// versions and diff, and the ministry's review and decision.
import { useCallback, useEffect, useState } from 'react';
import { NeedsPanel, needsCoverageQuery } from '../../exemptions/index.ts';
import { ApiError } from '../../../shared/api.ts';
import { useApp } from '../../../shared/app-context.tsx';
import { Link } from '../../../shared/router.tsx';
import { Alert, DemoBadge, Loading, ProblemAlert, useTitle } from '../../../shared/ui/ui.tsx';
import { LocalText } from '../../../shared/ui/text.tsx';
import { formatTime } from '../../../shared/dates.ts';
import {
  ActionOutcome, clockNameText, planActionText, PlanStateBadge, planModelText, regionLabel, shortHash, usePlanAction, usePlansClient, useProvinces,
} from '../components/common.tsx';
import type { PlansClient } from '../api/client.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { CommonEditor } from '../components/CommonEditor.tsx';
import { ConsultationEditor } from '../components/PlanEditors.tsx';
import { SectionEditor } from '../components/SectionEditor.tsx';
import { ReviewPanel } from '../components/PlanReview.tsx';
import { SignOffPanel } from '../components/PlanSignOff.tsx';
import { VersionsPanel } from '../components/PlanVersions.tsx';
import { LoginFirst } from '../../../shared/ui/LoginFirst.tsx';
import type { CommonContent, PlanView } from '../types.ts';
import { TableFrame } from '../../../shared/ui/TableFrame.tsx';
import { citation } from '../../../../domain/i18n/citation.ts';
import { guardsText } from '../../../../domain/i18n/plan-terms.ts';

/** The lead's moves without a form: ask for sign-off, submit, withdraw, revise — with the guards still open. */
function ActionsPanel({ plan, client, onPlan }: { plan: PlanView; client: PlansClient; onPlan: (p: PlanView) => void }) {
  const { t, lang } = useApp();
  const { busy, error, done, run } = usePlanAction(onPlan);
  const simple: Record<string, [() => Promise<PlanView>, MessageKey]> = {
    request_signoff: [() => client.requestSignOff(plan), 'planSignOffRequested'],
    submit: [() => client.submit(plan), 'planSubmitted'],
    revise: [() => client.revise(plan), 'planRevised'],
    withdraw: [() => client.withdraw(plan), 'planWithdrawn'],
  };
  const mine = plan.actions.filter((a) => a.action in simple);
  // Guards the plan view can judge now (sign-time checks such as signed-hash-is-current are judged on the request).
  const blocked = (guards: string[]) => guards.filter((g) => g in plan.readiness.facts);
  return (
    <section className="zl-section zl-card" aria-labelledby="plan-actions-title" data-testid="plan-actions">
      <h2 id="plan-actions-title">{t('planActionsTitle')}</h2>
      {plan.actions.length === 0 ? <p>{t('planNoActions')}</p> : (
        <ul className="zl-bullets">
          {plan.actions.map((a) => (
            <li key={a.action}>
              {planActionText(a.action, t)}
              {blocked(a.blockedBy).length > 0 ? <span className="zl-muted"> — {t('planBlockedBy', { guards: guardsText(lang, blocked(a.blockedBy)) })}</span> : null}
            </li>
          ))}
        </ul>
      )}
      {mine.length > 0 ? (
        <div className="zl-actions">
          {mine.map((a) => {
            const [fn, message] = simple[a.action]!;
            return (
              <button
                key={a.action}
                type="button"
                className={`krds-btn ${a.action === 'withdraw' ? 'tertiary' : 'primary'} medium`}
                data-testid={`plan-do-${a.action}`}
                disabled={busy}
                onClick={() => {
                  if (a.action === 'withdraw' && !window.confirm(t('planWithdrawConfirm'))) return;
                  void run(fn, message);
                }}
              >
                {planActionText(a.action, t)}
              </button>
            );
          })}
        </div>
      ) : null}
      <ActionOutcome error={error} done={done} />
    </section>
  );
}

function ReadinessPanel({ plan }: { plan: PlanView }) {
  const { t } = useApp();
  if (!['drafting', 'signing_off'].includes(plan.state)) return null;
  const errors = plan.readiness.violations.filter((v) => v.severity === 'error');
  const warnings = plan.readiness.violations.filter((v) => v.severity === 'warning');
  return (
    <section className="zl-section zl-card" aria-labelledby="plan-readiness-title" data-testid="plan-readiness">
      <h2 id="plan-readiness-title">{t('planReadinessTitle')}</h2>
      {plan.readiness.submittable ? <Alert kind="success">{t('planSubmittable')}</Alert> : <p>{t('planMissingLead', { count: errors.length })}</p>}
      {plan.readiness.earliestSubmission ? <p>{t('planEarliestSubmission', { date: plan.readiness.earliestSubmission })}</p> : null}
      {errors.length > 0 ? (
        <ul className="zl-bullets zl-violations">
          {errors.map((v, i) => (
            <li key={i}>
              {v.message}
              {v.guard ? <span className="zl-muted"> · {v.guard}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {warnings.length > 0 ? (
        <>
          <h3 className="zl-subheading">{t('planWarnings')}</h3>
          <ul className="zl-bullets">
            {warnings.map((v, i) => (
              <li key={i}>
                {v.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function ClocksPanel({ plan }: { plan: PlanView }) {
  const { t, lang } = useApp();
  if (plan.clocks.length === 0) return null;
  return (
    <section className="zl-section zl-card" aria-labelledby="plan-clocks-title" data-testid="plan-clocks">
      <h2 id="plan-clocks-title">{t('planClocksTitle')}</h2>
      <p className="zl-hint">{t('planClocksHint')}</p>
      <TableFrame>
        <table className="tbl col data zl-table zl-compact">
          <caption className="sr-only">{t('planClocksTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('planClock')}</th>
              <th scope="col">{t('planClockStarted')}</th>
              <th scope="col">{t('planClockDays')}</th>
              <th scope="col">{t('planClockPaused')}</th>
              <th scope="col">{t('planClockDue')}</th>
              <th scope="col">{t('planClockRemaining')}</th>
              <th scope="col">{t('planClockStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.clocks.map((c) => (
              <tr key={c.name} data-clock={c.name}>
                <th scope="row">
                  {clockNameText(c, t)} <span className="zl-muted">({citation(lang, c.rule)})</span>
                </th>
                <td className="zl-nowrap">{c.startedOn}</td>
                <td className="zl-num">{t('planClockCounted', { counted: c.countedDays, days: c.days })}</td>
                <td className="zl-num">{t('planDays', { count: c.pausedDays })}</td>
                <td className="zl-nowrap">{c.due ?? t('planClockDueOpen')}</td>
                <td className="zl-num">{c.stoppedOn ? '—' : t('planDays', { count: c.remainingDays })}</td>
                <td>
                  {c.stoppedOn ? (
                    t('planClockStopped', { date: c.stoppedOn })
                  ) : c.paused ? (
                    <span className="krds-badge bg-light-warning">{t('planClockPausedNow')}</span>
                  ) : c.remainingDays < 0 ? (
                    <span className="krds-badge bg-light-danger">{t('planClockOverdue')}</span>
                  ) : (
                    <span className="krds-badge bg-light-primary">{t('planClockRunning')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
    </section>
  );
}


function StepsPanel({ plan }: { plan: PlanView }) {
  const { t, lang } = useApp();
  if (plan.steps.length === 0) return null;
  return (
    <section className="zl-section zl-card" aria-labelledby="plan-steps-title">
      <h2 id="plan-steps-title">{t('planStepsTitle')}</h2>
      <ol className="zl-steps">
        {plan.steps.map((s) => (
          <li key={s.seq}>
            <span className="zl-mono">{s.onDate}</span> {planActionText(s.kind, t)}
            {s.by ? <span className="zl-muted"> — {t('rvStepBy', { name: s.by.name, org: s.by.organisation[lang] ?? s.by.organisation.ko ?? '' })} <time dateTime={s.createdAt}>{formatTime(s.createdAt, lang)}</time></span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function PlanWorkspacePage({ id }: { id: string }) {
  const { t, lang, user } = useApp();
  const client = usePlansClient();
  const regions = useProvinces();
  const [plan, setPlan] = useState<PlanView | null>(null);
  const [error, setError] = useState<unknown>(null);
  /** Governments whose sign-off the last content change withdrew (the API keeps no record of withdrawn sign-offs). */
  const [withdrawn, setWithdrawn] = useState<string[]>([]);
  useTitle(plan ? (plan.title[lang] ?? plan.title.ko) : t('planWorkspace'));

  const onPlan = useCallback((next: PlanView) => {
    setPlan((prev) => {
      if (prev && prev.id === next.id && next.contentVersion !== prev.contentVersion) {
        const lost = prev.participantDetails.filter((p) => p.signOff && !next.participantDetails.find((q) => q.regionCode === p.regionCode)?.signOff);
        setWithdrawn(lost.map((p) => p.regionCode));
      }
      return next;
    });
  }, []);

  const load = useCallback(() => {
    if (!client) return;
    client.get(id).then(onPlan, setError);
  }, [client, id, onPlan]);
  useEffect(load, [load]);

  if (user === undefined) return <Loading />;
  if (user === null || !client) return (<><h1 className="zl-page-title">{t('planWorkspace')}</h1><LoginFirst /></>);
  if (error) {
    const missing = error instanceof ApiError && (error.status === 404 || error.status === 403);
    return (
      <>
        <h1 className="zl-page-title">{missing ? t('planNotFound') : t('errorGeneric')}</h1>
        <ProblemAlert error={error} />
        <p><Link href="/plans" className="krds-btn secondary medium">{t('plansBack')}</Link></p>
      </>
    );
  }
  if (!plan) return <Loading />;

  const lead = plan.participantDetails.find((p) => p.role === 'lead');
  const drafting = plan.state === 'drafting' || plan.state === 'signing_off';
  return (
    <>
      <nav className="krds-breadcrumb-wrap zl-breadcrumb" aria-label={t('planBreadcrumb')}>
        <ol className="breadcrumb">
          <li className="home"><Link href="/" className="txt">{t('navHome')}</Link></li>
          <li><Link href="/plans" className="txt">{t('plansTitle')}</Link></li>
          <li><span className="txt" aria-current="page"><LocalText value={plan.title} /></span></li>
        </ol>
      </nav>
      <div className="zl-title-row">
        <h1 className="zl-page-title" data-testid="plan-title"><LocalText value={plan.title} /></h1>
        {plan.demo ? <DemoBadge /> : null}
      </div>
      <dl className="zl-plan-facts">
        <div><dt>{t('planState')}</dt><dd data-testid="plan-state"><PlanStateBadge state={plan.state} /></dd></div>
        <div><dt>{t('planModel')}</dt><dd>{planModelText(plan.model, t)}</dd></div>
        <div><dt>{t('planLeadRegion')}</dt><dd>{regionLabel(lead?.name, plan.leadRegion, lang)}</dd></div>
        <div><dt>{t('planVersion')}</dt><dd>{plan.contentVersion} · <span className="zl-mono">{shortHash(plan.contentHash)}</span></dd></div>
        {plan.submittedOn ? <div><dt>{t('planSubmittedOn')}</dt><dd>{plan.submittedOn}</dd></div> : null}
        {plan.decidedOn ? <div><dt>{t('planDecidedOn')}</dt><dd>{plan.decidedOn}</dd></div> : null}
      </dl>
      {plan.zoneId ? (
        <Alert kind="success" title={t('planZoneDesignated')}>
          <p><Link href={`/zones/${plan.zoneId}`} className="krds-btn primary medium" data-testid="plan-zone-link">{t('planZoneLink')}</Link></p>
        </Alert>
      ) : null}
      <div className="zl-actions">
        <button type="button" className="krds-btn small secondary" onClick={load}>{t('planReload')}</button>
      </div>
      <ActionsPanel plan={plan} client={client} onPlan={onPlan} />
      <ClocksPanel plan={plan} />
      <ReviewPanel plan={plan} client={client} onPlan={onPlan} />
      <ReadinessPanel plan={plan} />
      <SignOffPanel plan={plan} client={client} regions={regions} withdrawn={withdrawn} onPlan={onPlan} />
      <CommonEditor key={`common-${drafting}`} plan={plan} client={client} onPlan={onPlan} />
      <NeedsPanel key={`needs-${plan.contentVersion}`} coverage={needsCoverageQuery('plan', plan.id, `${plan.contentVersion}/${plan.zoneId ?? ''}`)}
        needs={plan.content.needs ?? []} canEdit={plan.can.editCommon && drafting} save={(next) => client.saveCommon(plan, { ...commonOf(plan.content), needs: next }).then(onPlan)} />
      {plan.participantDetails.map((p) => (
        <SectionEditor key={`${p.regionCode}-${drafting}`} plan={plan} client={client} region={p.regionCode} onPlan={onPlan} />
      ))}
      <ConsultationEditor key={`consultation-${drafting}`} plan={plan} client={client} onPlan={onPlan} />
      <VersionsPanel plan={plan} client={client} />
      <StepsPanel plan={plan} />
    </>
  );
}

/** The lead's part of the content, as the common editor saves it. */
function commonOf(c: PlanView['content']): CommonContent {
  return {
    model: c.model, title: c.title, summary: c.summary, industries: c.industries, stages: c.stages, exemptions: c.exemptions,
    designationMonths: c.designationMonths, kpis: c.kpis, narrative: c.narrative, attachments: c.attachments, conditions: c.conditions,
  };
}
