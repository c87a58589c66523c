// An exemption's history: the dated facts everyone may see (grant, extension, amendment request, amended law)
// and, for the ministry, the audited actions on it.
import { useEffect, useState } from 'react';
import { useApp } from '../../../shared/app-context.tsx';
import { DateTime } from '../../../shared/ui/text.tsx';
import { exemptionsApi } from '../api/client.ts';
import { stageKey } from './AmendmentTrackPanels.tsx';
import { groundKey } from './CancellationPanels.tsx';
import { Day } from './common.tsx';
import type { AuditEntry, Exemption } from '../types.ts';

const ACTION_KEYS = {
  'exemption:create': 'exHistCreate', 'exemption:extend': 'exHistExtend', 'exemption:request-amendment': 'exHistRequest',
  'exemption:record-amendment': 'exHistAmended', 'exemption:request-redeliberation': 'xaCalRedelRequested',
  'exemption:decide-redeliberation': 'xaHistDecideRedel', 'exemption:cancellation-hearing': 'xaHistHearing', 'exemption:cancel': 'xaCalCancelled',
  'exemption:expire': 'xaHistExpire', 'exemption:report-results': 'xaCalReportFiled', 'amendment:review': 'xaCalReviewed',
  'amendment:plan': 'xaCalPlanSubmitted', 'amendment:progress': 'xaProgressTitle', 'amendment:escalate': 'xaCalEscalated',
} as const;

export function ExemptionHistory({ exemption }: { exemption: Exemption }) {
  const { t, user } = useApp();
  const [audit, setAudit] = useState<AuditEntry[] | null>(null);
  const ministry = user?.organisation.kind === 'ministry';
  const e = exemption;

  useEffect(() => {
    if (!ministry) return;
    let live = true;
    exemptionsApi.history(e.id).then((r) => live && setAudit(r.items)).catch(() => live && setAudit(null));
    return () => {
      live = false;
    };
  }, [ministry, e.id, e.state, e.validity.until, e.lifecycle]);

  const facts: { date: string; text: string }[] = [{ date: e.grantedOn, text: t('exCalGranted') }];
  if (e.validity.extensionsUsed > 0 && e.validity.until) facts.push({ date: e.validity.until, text: t('exHistExtendedUntil') });
  if (e.amendmentRequestedOn) facts.push({ date: e.amendmentRequestedOn, text: t('exCalAmendmentRequested') });
  if (e.lawAmendedOn) facts.push({ date: e.lawAmendedOn, text: t('exCalLawAmended') });
  const l = e.lifecycle;
  const outcome = (o: string | null) => (o === 'granted' ? t('xaOutcomeGranted') : o === 'rejected' ? t('xaOutcomeRejected') : '');
  if (l.redeliberation) {
    facts.push({ date: l.redeliberation.requestedOn, text: `${t('xaCalRedelRequested')} (${t(l.redeliberation.decision === 'granted' ? 'xaObjectedGrant' : 'xaObjectedRejection')})` });
    if (l.redeliberation.decidedOn) facts.push({ date: l.redeliberation.decidedOn, text: `${t('xaHistDecideRedel')}: ${outcome(l.redeliberation.outcome)}` });
  }
  if (l.cancellation) {
    const ground = groundKey(l.cancellation.ground);
    facts.push({ date: l.cancellation.hearingOn, text: `${t('xaHistHearing')} (${ground ? t(ground) : l.cancellation.ground})` });
    if (l.cancellation.decidedOn) facts.push({ date: l.cancellation.decidedOn, text: t('xaCalCancelled') });
  }
  if (l.resultsReport.submittedOn) facts.push({ date: l.resultsReport.submittedOn, text: t('xaCalReportFiled') });
  const a = l.amendment;
  if (a?.review) facts.push({ date: a.review.reportedOn, text: `${t('xaCalReviewed')}: ${t(a.review.needed ? 'xaNeededYes' : 'xaNeededNo')}` });
  if (a?.planSubmittedOn) facts.push({ date: a.planSubmittedOn, text: t('xaCalPlanSubmitted') });
  for (const p of a?.progress ?? []) {
    const k = stageKey(p.stage);
    facts.push({ date: p.on, text: t('xaCalStageReached', { stage: k ? t(k) : p.stage }) });
  }
  if (a?.escalatedOn) facts.push({ date: a.escalatedOn, text: t('xaCalEscalated') });
  facts.sort((a, b) => a.date.localeCompare(b.date));

  return (
    <section className="zl-section" aria-labelledby="ex-history">
      <h2 id="ex-history">{t('exHistory')}</h2>
      <ol className="zl-ex-history" data-testid="exemption-history">
        {facts.map((f, i) => (
          <li key={i}>
            <Day iso={f.date} /> — {f.text}
          </li>
        ))}
      </ol>
      {audit && audit.length > 0 ? (
        <>
          <h3>{t('exHistAudit')}</h3>
          <ol className="zl-ex-history" data-testid="exemption-audit">
            {audit.map((a) => (
              <li key={a.seq}>
                <DateTime iso={a.at} /> — {a.action in ACTION_KEYS ? t(ACTION_KEYS[a.action as keyof typeof ACTION_KEYS]) : a.action}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
