/**
 * Yearly evaluation of a zone's operation (RFZ Act Art. 83; Decree Art. 54): grades, due dates, consequences.
 *
 * DOMAIN.md and the statute give no grade scale; ZoneLink uses four grades after MSS's published results
 * ("excellent" zones named in the 2024 evaluation): excellent 우수, good 양호, fair 보통, poor 미흡
 * (docs/decisions/0011-zone-after-designation.md).
 */
import { addDays, fromParts, type CivilDate } from '../calendar/civil-date.ts';
import type { HolidayCalendar } from '../calendar/holidays.ts';
import type { Violation } from './transition-table.ts';

export const GRADES = ['excellent', 'good', 'fair', 'poor'] as const;
export type Grade = (typeof GRADES)[number];

/** Decree Art. 54(1) 1–4: the criteria each evaluation scores (0–100). */
export const EVALUATION_CRITERIA = ['kpi-achievement', 'regional-economy', 'use-of-special-cases', 'project-results'] as const;
export type EvaluationCriterion = (typeof EVALUATION_CRITERIA)[number];

/**
 * The evaluation of calendar year `year` is due by 30 November of the next year (policy after practice: the 2024
 * evaluation was decided in 2025-11, DOMAIN.md §2 step 11); a last day on a Saturday or holiday moves to the next
 * business day (Civil Act Art. 161).
 */
export function evaluationDue(year: number, calendar: HolidayCalendar): CivilDate {
  let due = fromParts(year + 1, 11, 30);
  while (!calendar.isBusinessDay(due)) due = addDays(due, 1);
  return due;
}

/** The calendar years a zone operated in and that can be evaluated by `today`: from the start year to the last full year. */
export function evaluationYears(periodStart: CivilDate, periodEnd: CivilDate, today: CivilDate): number[] {
  const first = Number(periodStart.slice(0, 4));
  const last = Math.min(Number(periodEnd.slice(0, 4)), Number(today.slice(0, 4)) - 1);
  const years: number[] = [];
  for (let y = first; y <= last; y++) years.push(y);
  return years;
}

/** Grade from the mean of the criteria scores (ZoneLink's bands: ≥ 90, ≥ 75, ≥ 60, below). */
export function gradeOf(scores: Readonly<Record<EvaluationCriterion, number>>): Grade {
  const mean = EVALUATION_CRITERIA.reduce((s, c) => s + scores[c], 0) / EVALUATION_CRITERIA.length;
  if (mean >= 90) return 'excellent';
  if (mean >= 75) return 'good';
  if (mean >= 60) return 'fair';
  return 'poor';
}

export interface EvaluationConsequences {
  /** The local governments must take improvement measures (Art. 83(3)); ZoneLink asks it below `good`. */
  readonly improvementRequired: boolean;
  /** MSS may cancel a poorly performing zone on the evaluation (Art. 82(3)): a warning to the zone's governments. */
  readonly cancellationWarning: boolean;
  /** An extension needs a latest grade above `poor` (policy; the committee weighs past evaluations, Decree Art. 45 item 10). */
  readonly extensionEligible: boolean;
  /** Support may differ by result (Decree Art. 54(2)); `excellent` zones are named for more support. */
  readonly supportPriority: boolean;
}

export function consequencesOf(grade: Grade): EvaluationConsequences {
  return {
    improvementRequired: grade === 'fair' || grade === 'poor',
    cancellationWarning: grade === 'poor',
    extensionEligible: grade !== 'poor',
    supportPriority: grade === 'excellent',
  };
}

export interface EvaluationInput {
  readonly year: number;
  readonly periodStart: CivilDate;
  readonly periodEnd: CivilDate;
  readonly confirmedOn: CivilDate;
  readonly today: CivilDate;
  readonly alreadyEvaluated: readonly number[];
}

/** An evaluation covers a year the zone operated in, once, and is confirmed by the committee no later than today (Art. 83(1), (3)). */
export function checkEvaluation(input: EvaluationInput): Violation[] {
  const out: Violation[] = [];
  const first = Number(input.periodStart.slice(0, 4));
  const last = Number(input.periodEnd.slice(0, 4));
  if (input.year < first || input.year > last) out.push({ code: 'evaluation-year-outside-period', rule: 'RFZ Act Art. 83(1)', params: { year: input.year, first, last } });
  if (input.alreadyEvaluated.includes(input.year)) out.push({ code: 'evaluation-already-recorded', rule: 'RFZ Act Art. 83(1)', params: { year: input.year } });
  if (input.confirmedOn > input.today) out.push({ code: 'evaluation-confirmed-in-future', rule: 'RFZ Act Art. 83(3)', params: { confirmedOn: input.confirmedOn } });
  if (Number(input.confirmedOn.slice(0, 4)) < input.year) out.push({ code: 'evaluation-before-year', rule: 'RFZ Act Art. 83(1)', params: { year: input.year } });
  return out;
}
