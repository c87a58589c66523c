// Review by the ministry (accept, supplement request, referral, committee decision) and the lead's supplement answer.
import type { PlanItem } from '../../../../domain/zones/procedure.ts';
import { useState, type FormEvent } from 'react';
import { useApp } from '../../../shared/app-context.tsx';
import { Field } from '../../../shared/ui/ui.tsx';
import type { MessageKey } from '../../../i18n/index.ts';
import { ActionOutcome, seoulToday, usePlanAction } from './common.tsx';
import type { PlansClient } from '../api/client.ts';
import { ReviewRecord } from './ReviewRecord.tsx';
import type { Committee, Decision, PlanView } from '../types.ts';

const has = (plan: PlanView, action: string) => plan.actions.some((a) => a.action === action);

const DECISIONS: [Decision, MessageKey][] = [
  ['designate', 'planDecisionDesignate'],
  ['designate_with_conditions', 'planDecisionDesignateWithConditions'],
  ['reject', 'planDecisionReject'],
  ['send_back', 'planDecisionSendBack'],
];

function CommitteeSelect({ id, value, onChange }: { id: string; value: Committee; onChange: (c: Committee) => void }) {
  const { t } = useApp();
  return (
    <Field id={id} label={t('planCommittee')}>
      {(a) => (
        <select {...a} className="krds-form-select" value={value} onChange={(e) => onChange(e.target.value as Committee)}>
          <option value="rfz_committee">{t('planCommitteeRfz')}</option>
          <option value="deliberation_committee">{t('planCommitteeDeliberation')}</option>
        </select>
      )}
    </Field>
  );
}

/** Items MSS may name when it returns an application (PLAN_ITEMS of src/domain/zones/procedure.ts), with their labels. */
const PLAN_ITEM_KEYS = {
  'application-form': 'rvItem_application_form', 'zone-plan': 'rvItem_zone_plan', 'name-location-area': 'rvItem_name_location_area',
  'necessity-and-effects': 'rvItem_necessity_and_effects', 'industry-growth-plan': 'rvItem_industry_growth_plan',
  'zone-operators': 'rvItem_zone_operators', 'special-cases': 'rvItem_special_cases', 'sandbox-measures': 'rvItem_sandbox_measures',
  'spatial-scope': 'rvItem_spatial_scope', 'local-era-plan-link': 'rvItem_local_era_plan_link',
  'real-estate-stabilisation': 'rvItem_real_estate_stabilisation', 'designation-period': 'rvItem_designation_period',
  'project-period': 'rvItem_project_period', 'policy-goals-kpis': 'rvItem_policy_goals_kpis', 'funding-plan': 'rvItem_funding_plan',
  'firm-attraction': 'rvItem_firm_attraction', 'local-support': 'rvItem_local_support', 'safety-privacy-measures': 'rvItem_safety_privacy_measures',
  'land-use-plan': 'rvItem_land_use_plan', 'location-maps': 'rvItem_location_maps', 'consultation-results': 'rvItem_consultation_results',
  'zone-maps': 'rvItem_zone_maps', 'sea-documents': 'rvItem_sea_documents',
} as const satisfies Record<PlanItem, string>;
const PLAN_ITEMS = Object.keys(PLAN_ITEM_KEYS) as PlanItem[];

/** MSS returns an incomplete application, naming the missing items (RFZ Act Art. 72(4), 75(5)). */
function ReturnForm({ plan, client, onPlan }: { plan: PlanView; client: PlansClient; onPlan: (p: PlanView) => void }) {
  const { t } = useApp();
  const { busy, error, done, run } = usePlanAction(onPlan);
  const [items, setItems] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <form
      noValidate
      data-testid="plan-return-form"
      onSubmit={(e) => {
        e.preventDefault();
        setMissing(reason.trim() === '');
        if (reason.trim() === '') return;
        void run(() => client.returnApplication(plan, { missingItems: items, reason: { ko: reason } }), 'rvReturned');
      }}
    >
      <h3 className="zl-subheading">{t('rvReturnTitle')}</h3>
      <p className="zl-hint">{t('rvReturnHint')}</p>
      <fieldset className="zl-fieldset">
        <legend>{t('rvReturnItems')}</legend>
        <div className="zl-radio-group">
          {PLAN_ITEMS.map((item) => (
            <div className="krds-form-check" key={item}>
              <input
                type="checkbox" id={`pr-item-${item}`} checked={items.includes(item)}
                onChange={(e) => setItems(e.target.checked ? [...items, item] : items.filter((i) => i !== item))}
              />
              <label htmlFor={`pr-item-${item}`}>{t(PLAN_ITEM_KEYS[item])}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <Field id="pr-return-reason" label={t('rvReturnReason')} required error={missing ? t('fieldRequired') : undefined}>
        {(a) => <textarea {...a} className="krds-input" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <button type="submit" className="krds-btn tertiary medium" disabled={busy} data-testid="plan-return">{t('rvReturnSubmit')}</button>
      <ActionOutcome error={error} done={done} labels={{ reason: t('rvReturnReason'), missingItems: t('rvReturnItems') }} />
    </form>
  );
}

/** The lead asks for re-deliberation of a rejection: once, within 60 days (ZoneLink policy after Decree Art. 57-3). */
function RedeliberationForm({ plan, client, onPlan }: { plan: PlanView; client: PlansClient; onPlan: (p: PlanView) => void }) {
  const { t } = useApp();
  const { busy, error, done, run } = usePlanAction(onPlan);
  const [reason, setReason] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (reason.trim()) void run(() => client.redeliberate(plan, { ko: reason }), 'rvRedeliberationRequested');
      }}
    >
      <h3 className="zl-subheading">{t('rvRedeliberationTitle')}</h3>
      <Field id="pr-redeliberation" label={t('rvRedeliberationReason')} hint={t('rvRedeliberationHint')}>
        {(a) => <textarea {...a} className="krds-input" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <button type="submit" className="krds-btn primary medium" disabled={busy || !reason.trim()} data-testid="plan-redeliberation">{t('rvRedeliberationSubmit')}</button>
      <ActionOutcome error={error} done={done} labels={{ reason: t('rvRedeliberationReason') }} />
    </form>
  );
}

/** Review by MSS and the lead's answers, then the review record (experts, ministries' opinions). */
export function ReviewPanel({ plan, client, onPlan }: { plan: PlanView; client: PlansClient; onPlan: (p: PlanView) => void }) {
  return (
    <>
      <ReviewActions plan={plan} client={client} onPlan={onPlan} />
      <ReviewRecord plan={plan} client={client} />
    </>
  );
}

function ReviewActions({ plan, client, onPlan }: { plan: PlanView; client: PlansClient; onPlan: (p: PlanView) => void }) {
  const { t } = useApp();
  const { busy, error, done, run } = usePlanAction(onPlan);
  const [supplement, setSupplement] = useState('');
  const [answerBy, setAnswerBy] = useState('');
  const [answer, setAnswer] = useState('');
  const [referCommittee, setReferCommittee] = useState<Committee>('rfz_committee');
  const [repliesComplete, setRepliesComplete] = useState(false);
  const [note, setNote] = useState('');
  const [d, setD] = useState({
    decision: 'designate' as Decision, committee: 'rfz_committee' as Committee, meetingOn: seoulToday(), noticeGivenOn: seoulToday(-8), urgent: false,
    members: '40', present: '30', minutes: '', conditions: '', periodStart: seoulToday(7), periodEnd: '', zoneName: '',
  });
  const [minutesMissing, setMinutesMissing] = useState(false);

  const canAccept = has(plan, 'accept_for_review');
  const canSupplement = has(plan, 'request_supplement');
  const canAnswer = has(plan, 'answer_supplement');
  const canRefer = has(plan, 'refer_to_committee');
  const canDecide = plan.can.decide && has(plan, 'designate');
  const canReturn = has(plan, 'return');
  const canRedeliberate = has(plan, 'request_redeliberation');
  if (!canAccept && !canSupplement && !canAnswer && !canRefer && !canDecide && !canReturn && !canRedeliberate && !done && !error) return null;

  function decide(event: FormEvent) {
    event.preventDefault();
    if (d.minutes.trim() === '') {
      setMinutesMissing(true);
      return;
    }
    setMinutesMissing(false);
    const designates = d.decision === 'designate' || d.decision === 'designate_with_conditions';
    void run(
      () =>
        client.decide(plan, {
          decision: d.decision, committee: d.committee, meetingOn: d.meetingOn, noticeGivenOn: d.noticeGivenOn || null, urgent: d.urgent,
          members: Number(d.members), present: Number(d.present), minutes: { ko: d.minutes },
          conditions: d.conditions.trim() ? { ko: d.conditions } : null,
          periodStart: designates ? d.periodStart || null : null, periodEnd: designates ? d.periodEnd || null : null,
          zoneName: designates && d.zoneName.trim() ? { ko: d.zoneName } : null,
        }),
      'planDecisionRecorded',
    );
  }
  const designates = d.decision === 'designate' || d.decision === 'designate_with_conditions';

  return (
    <section className="zl-section zl-card" aria-labelledby="plan-review-title" data-testid="plan-review">
      <h2 id="plan-review-title">{t('planReviewTitle')}</h2>
      {canAccept ? (
        <div className="zl-actions">
          <button type="button" className="krds-btn primary medium" data-testid="plan-accept" disabled={busy} onClick={() => void run(() => client.accept(plan), 'planAccepted')}>
            {t('planActionAccept')}
          </button>
          <p className="zl-hint">{t('planAcceptHint')}</p>
        </div>
      ) : null}
      {canSupplement ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (supplement.trim()) void run(() => client.requestSupplementBy(plan, { ko: supplement }, answerBy || null), 'planSupplementRequested').then((ok) => ok && setSupplement(''));
          }}
        >
          <Field id="pr-supplement" label={t('planSupplementRequest')} hint={t('planSupplementHint')}>
            {(a) => <textarea {...a} className="krds-input" rows={2} value={supplement} onChange={(e) => setSupplement(e.target.value)} />}
          </Field>
          <Field id="pr-answer-by" label={t('rvAnswerBy')} hint={t('rvAnswerByHint')}>
            {(a) => <input {...a} type="date" className="krds-input" value={answerBy} min={seoulToday(1)} onChange={(e) => setAnswerBy(e.target.value)} />}
          </Field>
          <button type="submit" className="krds-btn secondary medium" disabled={busy || !supplement.trim()}>
            {t('planActionRequestSupplement')}
          </button>
        </form>
      ) : null}
      {canAnswer ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (answer.trim()) void run(() => client.answerSupplement(plan, { ko: answer }), 'planSupplementAnswered').then((ok) => ok && setAnswer(''));
          }}
        >
          <Field id="pr-answer" label={t('planSupplementAnswer')}>
            {(a) => <textarea {...a} className="krds-input" rows={2} value={answer} onChange={(e) => setAnswer(e.target.value)} />}
          </Field>
          <button type="submit" className="krds-btn primary medium" disabled={busy || !answer.trim()}>
            {t('planActionAnswerSupplement')}
          </button>
        </form>
      ) : null}
      {canRefer ? (
        <form
          data-testid="plan-refer-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => client.refer(plan, { committee: referCommittee, ministryRepliesComplete: repliesComplete, note: note.trim() ? { ko: note } : null }), 'planReferred');
          }}
        >
          <h3 className="zl-subheading">{t('planActionRefer')}</h3>
          <CommitteeSelect id="pr-refer-committee" value={referCommittee} onChange={setReferCommittee} />
          <div className="krds-form-check">
            <input type="checkbox" id="pr-replies" checked={repliesComplete} onChange={(e) => setRepliesComplete(e.target.checked)} />
            <label htmlFor="pr-replies">{t('planRepliesComplete')}</label>
          </div>
          <Field id="pr-note" label={t('planReferNote')}>
            {(a) => <textarea {...a} className="krds-input" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
          </Field>
          <button type="submit" className="krds-btn primary medium" disabled={busy} data-testid="plan-refer">
            {t('planActionRefer')}
          </button>
        </form>
      ) : null}
      {canDecide ? (
        <form onSubmit={decide} noValidate data-testid="plan-decision-form">
          <h3 className="zl-subheading">{t('planDecisionTitle')}</h3>
          <fieldset className="zl-fieldset">
            <legend>{t('planDecision')}</legend>
            <div className="zl-radio-group">
              {DECISIONS.map(([value, key]) => (
                <div className="krds-form-check" key={value}>
                  <input type="radio" id={`pd-${value}`} name="decision" checked={d.decision === value} onChange={() => setD({ ...d, decision: value })} />
                  <label htmlFor={`pd-${value}`}>{t(key)}</label>
                </div>
              ))}
            </div>
          </fieldset>
          <div className="zl-two-col">
            <CommitteeSelect id="pd-committee" value={d.committee} onChange={(committee) => setD({ ...d, committee })} />
            <Field id="pd-meeting" label={t('planMeetingOn')}>
              {(a) => <input {...a} type="date" className="krds-input" value={d.meetingOn} onChange={(e) => setD({ ...d, meetingOn: e.target.value })} />}
            </Field>
            <Field id="pd-notice" label={t('planMeetingNoticeOn')} hint={t('planMeetingNoticeHint')}>
              {(a) => <input {...a} type="date" className="krds-input" value={d.noticeGivenOn} onChange={(e) => setD({ ...d, noticeGivenOn: e.target.value })} />}
            </Field>
            <Field id="pd-members" label={t('planMembers')}>
              {(a) => <input {...a} type="number" min={1} max={45} className="krds-input" value={d.members} onChange={(e) => setD({ ...d, members: e.target.value })} />}
            </Field>
            <Field id="pd-present" label={t('planPresent')}>
              {(a) => <input {...a} type="number" min={0} max={45} className="krds-input" value={d.present} onChange={(e) => setD({ ...d, present: e.target.value })} />}
            </Field>
          </div>
          <div className="krds-form-check">
            <input type="checkbox" id="pd-urgent" checked={d.urgent} onChange={(e) => setD({ ...d, urgent: e.target.checked })} />
            <label htmlFor="pd-urgent">{t('planUrgent')}</label>
          </div>
          <Field id="pd-minutes" label={t('planMinutes')} required error={minutesMissing ? t('fieldRequired') : undefined}>
            {(a) => <textarea {...a} className="krds-input" rows={3} value={d.minutes} onChange={(e) => setD({ ...d, minutes: e.target.value })} />}
          </Field>
          {designates ? (
            <div className="zl-two-col">
              <Field id="pd-start" label={t('planPeriodStart')}>
                {(a) => <input {...a} type="date" className="krds-input" value={d.periodStart} onChange={(e) => setD({ ...d, periodStart: e.target.value })} />}
              </Field>
              <Field id="pd-end" label={t('planPeriodEnd')}>
                {(a) => <input {...a} type="date" className="krds-input" value={d.periodEnd} onChange={(e) => setD({ ...d, periodEnd: e.target.value })} />}
              </Field>
              <Field id="pd-zone-name" label={t('planZoneName')} hint={t('planZoneNameHint')}>
                {(a) => <input {...a} className="krds-input" value={d.zoneName} onChange={(e) => setD({ ...d, zoneName: e.target.value })} />}
              </Field>
            </div>
          ) : null}
          {d.decision === 'designate_with_conditions' ? (
            <Field id="pd-conditions" label={t('planDecisionConditions')}>
              {(a) => <textarea {...a} className="krds-input" rows={2} value={d.conditions} onChange={(e) => setD({ ...d, conditions: e.target.value })} />}
            </Field>
          ) : null}
          <button type="submit" className="krds-btn primary medium" disabled={busy} data-testid="plan-decide">
            {t('planRecordDecision')}
          </button>
        </form>
      ) : null}
      {canReturn ? <ReturnForm plan={plan} client={client} onPlan={onPlan} /> : null}
      {canRedeliberate ? <RedeliberationForm plan={plan} client={client} onPlan={onPlan} /> : null}
      <ActionOutcome error={error} done={done} />
    </section>
  );
}
