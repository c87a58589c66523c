// The law-amendment track (Act Art. 87(6)–(13); Decree Art. 59(8)): the responsible ministry reports its review,
// submits the amendment plan within 60 days of it and records each legislative stage; an MSS administrator
// records the committee's recommendation when the plan is late, refused or slipping. Each edit carries the
// track's version, so a page left open while someone else edits gets a 412 instead of overwriting.
import { useState } from 'react';
import type { AmendmentStage as DomainStage } from '../../../../domain/exemptions/amendment-tracking.ts';
import { useApp } from '../../../shared/app-context.tsx';
import { Field } from '../../../shared/ui/ui.tsx';
import { formatDay } from '../../../shared/dates.ts';
import { ActionPanel } from './ActionPanel.tsx';
import { exemptionsApi } from '../api/client.ts';
import { seoulToday } from './common.tsx';
import type { Exemption } from '../types.ts';

type Done = (e: Exemption, message: string) => void;

const STAGE_KEYS = {
  drafting: 'xaStage_drafting', legislative_notice: 'xaStage_legislative_notice', regulatory_review: 'xaStage_regulatory_review',
  legislation_review: 'xaStage_legislation_review', cabinet: 'xaStage_cabinet', national_assembly: 'xaStage_national_assembly', promulgated: 'xaStage_promulgated',
} as const satisfies Record<DomainStage, string>;
type AmendmentStage = keyof typeof STAGE_KEYS;
/** The legislative stages in order (AMENDMENT_STAGES of src/domain/exemptions/amendment-tracking.ts). */
const AMENDMENT_STAGES = Object.keys(STAGE_KEYS) as AmendmentStage[];
export const stageKey = (s: string) => (s in STAGE_KEYS ? STAGE_KEYS[s as AmendmentStage] : null);
const ESCALATION_KEYS = { 'plan-overdue': 'xaEscalation_plan_overdue', refused: 'xaEscalation_refused', 'schedule-slipped': 'xaEscalation_schedule_slipped' } as const;

export function ReviewPanel({ exemption, onDone }: { exemption: Exemption; onDone: Done }) {
  const { t } = useApp();
  const [reportedOn, setReportedOn] = useState(seoulToday());
  const [needed, setNeeded] = useState(true);
  const [text, setText] = useState('');
  return (
    <ActionPanel
      id="ex-amendment-review"
      title={t('xaReviewTitle')}
      lead={t('xaReviewLead')}
      fields={['reportedOn', 'text.ko']}
      submitLabel={t('xaReviewSubmit')}
      run={async () => onDone(await exemptionsApi.amendment(exemption, 'review', { reportedOn, amendmentNeeded: needed, text: { ko: text } }), t('xaReviewDone'))}
    >
      {({ fieldError }) => (
        <>
          <Field id="ex-review-on" label={t('xaReportedOn')} required error={fieldError('reportedOn')}>
            {(p) => <input {...p} type="date" className="krds-input" value={reportedOn} onChange={(e) => setReportedOn(e.target.value)} />}
          </Field>
          <fieldset className="zl-fieldset">
            <legend>{t('xaNeeded')}</legend>
            <div className="zl-radio-group">
              {([true, false] as const).map((yes) => (
                <div className="krds-form-check" key={String(yes)}>
                  <input type="radio" name="ex-review-needed" id={`ex-review-needed-${yes ? 'yes' : 'no'}`} checked={needed === yes} onChange={() => setNeeded(yes)} />
                  <label htmlFor={`ex-review-needed-${yes ? 'yes' : 'no'}`}>{t(yes ? 'xaNeededYes' : 'xaNeededNo')}</label>
                </div>
              ))}
            </div>
          </fieldset>
          <Field id="ex-review-text" label={t('xaReviewText')} required error={fieldError('text.ko')}>
            {(p) => <textarea {...p} rows={3} className="krds-input zl-textarea" value={text} onChange={(e) => setText(e.target.value)} />}
          </Field>
        </>
      )}
    </ActionPanel>
  );
}

export function PlanPanel({ exemption, onDone }: { exemption: Exemption; onDone: Done }) {
  const { t, lang } = useApp();
  const a = exemption.lifecycle.amendment!;
  const [submittedOn, setSubmittedOn] = useState(seoulToday());
  const [targetLaw, setTargetLaw] = useState(exemption.regulations[0]?.law.ko ?? '');
  const [by, setBy] = useState<Record<string, string>>({});
  const day = (iso: string | null | undefined) => (iso ? formatDay(iso, lang) ?? iso : '');
  return (
    <ActionPanel
      id="ex-amendment-plan"
      title={t('xaPlanTitle')}
      lead={t('xaPlanLead', { date: day(a.planDue), reviewed: day(a.review?.reportedOn) })}
      fields={['submittedOn', 'targetLaw.ko', 'schedule']}
      submitLabel={t('xaPlanSubmit')}
      run={async () => {
        const schedule = AMENDMENT_STAGES.filter((s) => by[s]).map((s) => ({ stage: s, by: by[s]! }));
        onDone(await exemptionsApi.amendment(exemption, 'plan', { submittedOn, targetLaw: { ko: targetLaw }, schedule }), t('xaPlanDone'));
      }}
    >
      {({ fieldError }) => (
        <>
          <Field id="ex-plan-on" label={t('xaSubmittedOn')} required error={fieldError('submittedOn')}>
            {(p) => <input {...p} type="date" className="krds-input" value={submittedOn} onChange={(e) => setSubmittedOn(e.target.value)} />}
          </Field>
          <Field id="ex-plan-law" label={t('xaTargetLaw')} required error={fieldError('targetLaw.ko')}>
            {(p) => <input {...p} type="text" className="krds-input" maxLength={300} value={targetLaw} onChange={(e) => setTargetLaw(e.target.value)} />}
          </Field>
          <fieldset className="zl-fieldset zl-ex-schedule" aria-describedby={fieldError('schedule') ? 'ex-plan-schedule-error ex-plan-schedule-hint' : 'ex-plan-schedule-hint'}>
            <legend>{t('xaSchedule')}</legend>
            <p className="form-hint" id="ex-plan-schedule-hint">{t('xaScheduleHint')}</p>
            {fieldError('schedule') ? <p className="form-hint-invalid" id="ex-plan-schedule-error">{fieldError('schedule')}</p> : null}
            {AMENDMENT_STAGES.map((s) => (
              <div className="zl-ex-schedule-row" key={s}>
                <label htmlFor={`ex-plan-${s}`}>{t(STAGE_KEYS[s])}</label>
                <input id={`ex-plan-${s}`} type="date" className="krds-input" value={by[s] ?? ''} onChange={(e) => setBy({ ...by, [s]: e.target.value })} />
              </div>
            ))}
          </fieldset>
        </>
      )}
    </ActionPanel>
  );
}

export function ProgressPanel({ exemption, onDone }: { exemption: Exemption; onDone: Done }) {
  const { t } = useApp();
  const a = exemption.lifecycle.amendment!;
  const last = a.progress.at(-1)?.stage;
  const next = AMENDMENT_STAGES.slice(last ? AMENDMENT_STAGES.indexOf(last as AmendmentStage) + 1 : 0);
  const [stage, setStage] = useState<string>(next[0] ?? 'promulgated');
  const [on, setOn] = useState(seoulToday());
  if (next.length === 0) return null;
  return (
    <ActionPanel
      id="ex-amendment-progress"
      title={t('xaProgressTitle')}
      lead={t('xaProgressLead')}
      fields={['stage', 'on']}
      submitLabel={t('xaProgressSubmit')}
      run={async () => onDone(await exemptionsApi.amendment(exemption, 'progress', { stage, on }), t('xaProgressDone'))}
    >
      {({ fieldError }) => (
        <>
          <Field id="ex-progress-stage" label={t('xaStage')} required error={fieldError('stage')}>
            {(p) => (
              <select {...p} className="krds-form-select completed" value={stage} onChange={(e) => setStage(e.target.value)}>
                {next.map((s) => <option key={s} value={s}>{t(STAGE_KEYS[s])}</option>)}
              </select>
            )}
          </Field>
          <Field id="ex-progress-on" label={t('xaReachedOn')} required error={fieldError('on')}>
            {(p) => <input {...p} type="date" className="krds-input" value={on} onChange={(e) => setOn(e.target.value)} />}
          </Field>
        </>
      )}
    </ActionPanel>
  );
}

export function EscalatePanel({ exemption, onDone }: { exemption: Exemption; onDone: Done }) {
  const { t, lang } = useApp();
  const g = exemption.lifecycle.amendment!.escalationGround!;
  const [recommendedOn, setRecommendedOn] = useState(seoulToday());
  const [recommendation, setRecommendation] = useState('');
  const why = g.ground in ESCALATION_KEYS ? t(ESCALATION_KEYS[g.ground as keyof typeof ESCALATION_KEYS], { date: formatDay(g.since, lang) ?? g.since }) : g.ground;
  return (
    <ActionPanel
      id="ex-amendment-escalate"
      title={t('xaEscalateTitle')}
      lead={`${why} ${t('xaEscalateLead')}`}
      fields={['recommendedOn', 'recommendation.ko']}
      submitLabel={t('xaEscalateSubmit')}
      run={async () => onDone(await exemptionsApi.amendment(exemption, 'escalate', { recommendedOn, recommendation: { ko: recommendation } }), t('xaEscalateDone'))}
    >
      {({ fieldError }) => (
        <>
          <Field id="ex-escalate-on" label={t('xaRecommendedOn')} required error={fieldError('recommendedOn')}>
            {(p) => <input {...p} type="date" className="krds-input" value={recommendedOn} onChange={(e) => setRecommendedOn(e.target.value)} />}
          </Field>
          <Field id="ex-escalate-text" label={t('xaRecommendation')} required error={fieldError('recommendation.ko')}>
            {(p) => <textarea {...p} rows={3} className="krds-input zl-textarea" value={recommendation} onChange={(e) => setRecommendation(e.target.value)} />}
          </Field>
        </>
      )}
    </ActionPanel>
  );
}
