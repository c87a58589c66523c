// Where the law amendment stands (Act Art. 87(6)–(13)): its status, the ministry's review, the plan and its due
// day, the committee's recommendation, and each legislative stage planned against the day it was reached.
import { useApp } from '../../../shared/app-context.tsx';
import { RefText } from '../../../shared/ui/text.tsx';
import { stageKey } from './AmendmentTrackPanels.tsx';
import { Day } from './common.tsx';
import type { Exemption } from '../types.ts';
import { TableFrame } from '../../../shared/ui/TableFrame.tsx';

const STATUS_KEYS = {
  not_requested: 'xaTrackStatus_not_requested', awaiting_review: 'xaTrackStatus_awaiting_review', refused: 'xaTrackStatus_refused',
  plan_due: 'xaTrackStatus_plan_due', plan_overdue: 'xaTrackStatus_plan_overdue', amending: 'xaTrackStatus_amending', effective: 'xaTrackStatus_effective',
} as const;

export function AmendmentTrack({ exemption }: { exemption: Exemption }) {
  const { t } = useApp();
  const a = exemption.lifecycle.amendment;
  if (!a) return null;
  const status = a.status in STATUS_KEYS ? t(STATUS_KEYS[a.status as keyof typeof STATUS_KEYS]) : a.status;
  const reached = new Map(a.progress.map((p) => [p.stage, p.on]));
  const stages = [...new Set([...a.schedule.map((s) => s.stage), ...a.progress.map((p) => p.stage)])];
  const name = (s: string) => { const k = stageKey(s); return k ? t(k) : s; };
  return (
    <section className="zl-section" aria-labelledby="ex-track-title" data-testid="amendment-track">
      <h2 id="ex-track-title">{t('xaTrackTitle')}</h2>
      <dl className="zl-dl">
        <dt>{t('xaTrackStatus')}</dt>
        <dd data-testid="amendment-status" data-status={a.status}>{status}</dd>
        {a.requestedOn ? <><dt>{t('exCalAmendmentRequested')}</dt><dd><Day iso={a.requestedOn} /></dd></> : null}
        {a.review ? <><dt>{t('xaCalReviewed')}</dt><dd><Day iso={a.review.reportedOn} /> — {t(a.review.needed ? 'xaNeededYes' : 'xaNeededNo')}</dd></> : null}
        {a.planDue && !a.planSubmittedOn ? <><dt>{t('xaCalPlanDue')}</dt><dd><Day iso={a.planDue} /></dd></> : null}
        {a.planSubmittedOn ? <><dt>{t('xaCalPlanSubmitted')}</dt><dd><Day iso={a.planSubmittedOn} /></dd></> : null}
        {a.plan ? <><dt>{t('xaTargetLaw')}</dt><dd><RefText value={a.plan.targetLaw} /></dd></> : null}
        {a.escalatedOn ? <><dt>{t('xaCalEscalated')}</dt><dd><Day iso={a.escalatedOn} /></dd></> : null}
      </dl>
      {stages.length > 0 ? (
        <TableFrame>
          <table className="tbl col data zl-table zl-compact" data-testid="amendment-stages">
            <caption className="sr-only">{t('xaSchedule')}</caption>
            <thead>
              <tr><th scope="col">{t('xaStage')}</th><th scope="col">{t('xaSchedule')}</th><th scope="col">{t('xaReachedOn')}</th></tr>
            </thead>
            <tbody>
              {stages.map((s) => (
                <tr key={s} data-stage={s}>
                  <th scope="row">{name(s)}</th>
                  <td><Day iso={a.schedule.find((x) => x.stage === s)?.by} /></td>
                  <td><Day iso={reached.get(s)} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      ) : null}
    </section>
  );
}
