/**
 * The road from a demonstration to the amended law (RFZ Act Art. 87(4)–(13); Decree Art. 59(8)–(9);
 * DOMAIN.md §3 "When a demonstration proves safety"): the operator's request with its evidence, the
 * responsible ministry's review, the 60-day amendment plan, the amendment's progress up to its
 * effective date, and the committee's recommendation when the plan is late or refused.
 */
import { diffDays, type CivilDate } from '../calendar/civil-date.ts';
import type { HolidayCalendar } from '../calendar/holidays.ts';
import { computePeriod } from '../calendar/periods.ts';
import { ruleResult, type RuleResult, type Violation } from '../zones/transition-table.ts';

/** Legislative steps after the plan, in order; a step may be skipped (a notice needs no National Assembly), never reversed. */
export const AMENDMENT_STAGES = ['drafting', 'legislative_notice', 'regulatory_review', 'legislation_review', 'cabinet', 'national_assembly', 'promulgated'] as const;
export type AmendmentStage = (typeof AMENDMENT_STAGES)[number];

/** Kinds of existing rows a request may cite as evidence. */
export const EVIDENCE_TYPES = ['demonstration_project', 'demonstration_report', 'demonstration_incident', 'demonstration_upload'] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

export interface AmendmentTrack {
  readonly requestedOn: CivilDate | null;
  readonly review: { readonly reportedOn: CivilDate; readonly needed: boolean } | null;
  readonly planSubmittedOn: CivilDate | null;
  /** The plan's schedule: the day each stage is expected. */
  readonly schedule: readonly { readonly stage: AmendmentStage; readonly by: CivilDate }[];
  readonly progress: readonly { readonly stage: AmendmentStage; readonly on: CivilDate }[];
  readonly escalatedOn: CivilDate | null;
  readonly effectiveOn: CivilDate | null;
}

/** The ministry submits its amendment plan (target law, schedule) within 60 days of its review report (Art. 87(6); Decree Art. 59(8)). */
export function amendmentPlanDue(reportedOn: CivilDate, calendar: HolidayCalendar): CivilDate {
  return computePeriod({ start: reportedOn, amount: 60, unit: 'day', calendar }).end;
}

/** The review follows the request (and the grant). */
export function checkReview(input: { readonly grantedOn: CivilDate; readonly requestedOn: CivilDate | null; readonly reportedOn: CivilDate; readonly alreadyReviewed: boolean }): RuleResult<null> {
  const v: Violation[] = [];
  if (input.alreadyReviewed) v.push({ code: 'already-reviewed', rule: 'RFZ Act Art. 87(6)', params: {} });
  const after = input.requestedOn ?? input.grantedOn;
  if (input.reportedOn < after) v.push({ code: 'end-before-start', rule: 'RFZ Act Art. 87(6)', params: { from: after, until: input.reportedOn } });
  return ruleResult(null, v);
}

export interface PlanInput {
  readonly track: AmendmentTrack;
  readonly submittedOn: CivilDate;
  readonly schedule: readonly { readonly stage: AmendmentStage; readonly by: CivilDate }[];
  readonly calendar: HolidayCalendar;
}

/** A plan needs a review that found an amendment needed; its schedule runs forward from the plan. A late plan is accepted but flagged. */
export function checkPlan(input: PlanInput): RuleResult<{ readonly due: CivilDate | null; readonly late: boolean }> {
  const rule = 'RFZ Act Art. 87(6); Decree Art. 59(8)';
  const { review } = input.track;
  const v: Violation[] = [];
  if (review === null) return ruleResult({ due: null, late: false }, [{ code: 'no-review', rule, params: {} }]);
  if (!review.needed) return ruleResult({ due: null, late: false }, [{ code: 'amendment-not-needed', rule: 'RFZ Act Art. 87(6)–(7)', params: { reportedOn: review.reportedOn } }]);
  if (input.track.planSubmittedOn !== null) v.push({ code: 'plan-already-submitted', rule, params: { submittedOn: input.track.planSubmittedOn } });
  const due = amendmentPlanDue(review.reportedOn, input.calendar);
  if (input.submittedOn < review.reportedOn) v.push({ code: 'end-before-start', rule, params: { from: review.reportedOn, until: input.submittedOn } });
  let previous: { index: number; by: CivilDate } = { index: -1, by: input.submittedOn };
  for (const s of input.schedule) {
    const index = AMENDMENT_STAGES.indexOf(s.stage);
    if (index <= previous.index || s.by < previous.by) {
      v.push({ code: 'schedule-out-of-order', rule, params: { stage: s.stage, by: s.by } });
      break;
    }
    previous = { index, by: s.by };
  }
  if (input.schedule.length === 0 || input.schedule.at(-1)!.stage !== 'promulgated') v.push({ code: 'missing-item', rule, params: { item: 'schedule/promulgated' } });
  const late = input.submittedOn > due;
  if (late) v.push({ code: 'plan-late', rule, params: { due, submittedOn: input.submittedOn }, severity: 'warning' });
  return ruleResult({ due, late }, v);
}

/** Progress moves forward through the stages, on or after the previous step, once a plan exists. */
export function checkProgress(track: AmendmentTrack, stage: AmendmentStage, on: CivilDate): RuleResult<null> {
  const rule = 'RFZ Act Art. 87(6)';
  if (track.planSubmittedOn === null) return ruleResult(null, [{ code: 'no-plan', rule, params: {} }]);
  const last = track.progress.at(-1);
  const v: Violation[] = [];
  if (last && AMENDMENT_STAGES.indexOf(stage) <= AMENDMENT_STAGES.indexOf(last.stage)) {
    v.push({ code: 'progress-out-of-order', rule, params: { last: last.stage, stage } });
  }
  const since = last?.on ?? track.planSubmittedOn;
  if (on < since) v.push({ code: 'end-before-start', rule, params: { from: since, until: on } });
  return ruleResult(null, v);
}

export type EscalationGround = 'plan-overdue' | 'refused' | 'schedule-slipped';

/**
 * Why the committee may recommend the amendment (Art. 87(13)): no plan by its due day, a review that
 * refuses the amendment (which MSS may also take to the Regulatory Rationalisation Committee, Art. 87(7)),
 * or a scheduled stage not reached by its day. Null when the amendment runs as planned or is done.
 */
export function escalationGround(track: AmendmentTrack, asOf: CivilDate, calendar: HolidayCalendar): { readonly ground: EscalationGround; readonly since: CivilDate; readonly rule: string } | null {
  const { review } = track;
  if (track.effectiveOn !== null || review === null) return null;
  if (!review.needed) return { ground: 'refused', since: review.reportedOn, rule: 'RFZ Act Art. 87(7), 87(13)' };
  const due = amendmentPlanDue(review.reportedOn, calendar);
  if (track.planSubmittedOn === null) return asOf > due ? { ground: 'plan-overdue', since: due, rule: 'RFZ Act Art. 87(6), 87(13)' } : null;
  const reached = new Set(track.progress.map((p) => p.stage));
  const lastIndex = Math.max(-1, ...track.progress.map((p) => AMENDMENT_STAGES.indexOf(p.stage)));
  const slipped = track.schedule.find((s) => !reached.has(s.stage) && AMENDMENT_STAGES.indexOf(s.stage) > lastIndex && asOf > s.by);
  return slipped ? { ground: 'schedule-slipped', since: slipped.by, rule: 'RFZ Act Art. 87(13)' } : null;
}

/** The committee recommends once, and only on a ground of {@link escalationGround}. */
export function checkEscalation(track: AmendmentTrack, recommendedOn: CivilDate, calendar: HolidayCalendar): RuleResult<{ readonly ground: EscalationGround }> {
  const rule = 'RFZ Act Art. 87(13)';
  if (track.escalatedOn !== null) return ruleResult({ ground: 'refused' as EscalationGround }, [{ code: 'already-escalated', rule, params: { escalatedOn: track.escalatedOn } }]);
  const g = escalationGround(track, recommendedOn, calendar);
  if (g === null) return ruleResult({ ground: 'refused' as EscalationGround }, [{ code: 'no-escalation-ground', rule, params: { recommendedOn } }]);
  return ruleResult({ ground: g.ground }, []);
}

export type AmendmentStatus = 'not_requested' | 'awaiting_review' | 'refused' | 'plan_due' | 'plan_overdue' | 'amending' | 'effective';

export function amendmentStatus(track: AmendmentTrack, asOf: CivilDate, calendar: HolidayCalendar): AmendmentStatus {
  if (track.effectiveOn !== null) return 'effective';
  if (track.review === null) return track.requestedOn === null ? 'not_requested' : 'awaiting_review';
  if (!track.review.needed) return 'refused';
  if (track.planSubmittedOn !== null) return 'amending';
  return asOf > amendmentPlanDue(track.review.reportedOn, calendar) ? 'plan_overdue' : 'plan_due';
}

export type PathStep = 'granted' | 'amendment_requested' | 'reviewed' | 'plan_submitted' | AmendmentStage | 'escalated' | 'effective';

/** Each step the exemption took on its road to the amended law, with the days since the grant. */
export function amendmentPath(grantedOn: CivilDate, track: AmendmentTrack): { readonly step: PathStep; readonly on: CivilDate; readonly daysFromGrant: number }[] {
  const steps: { step: PathStep; on: CivilDate }[] = [{ step: 'granted', on: grantedOn }];
  if (track.requestedOn) steps.push({ step: 'amendment_requested', on: track.requestedOn });
  if (track.review) steps.push({ step: 'reviewed', on: track.review.reportedOn });
  if (track.planSubmittedOn) steps.push({ step: 'plan_submitted', on: track.planSubmittedOn });
  for (const p of track.progress) steps.push({ step: p.stage, on: p.on });
  if (track.escalatedOn) steps.push({ step: 'escalated', on: track.escalatedOn });
  if (track.effectiveOn) steps.push({ step: 'effective', on: track.effectiveOn });
  return steps.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0)).map((s) => ({ ...s, daysFromGrant: diffDays(s.on, grantedOn) }));
}
