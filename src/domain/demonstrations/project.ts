/**
 * Demonstration projects (실증사업): states, the liability-insurance guard of Decree Art. 60 and the
 * project period as instants. Pure.
 */
import { addDays, civilDate, compareDates, tryCivilDate, type CivilDate } from '../calendar/civil-date.ts';
import { SEOUL_OFFSET_MS } from '../compliance/events.ts';
import { DECREE_60_MINIMUM_COVER, coverShortfall, type InsuranceCover, type InsurancePolicy } from '../compliance/rules.ts';

export const PROJECT_STATES = ['draft', 'demonstrating', 'completed'] as const;
export type ProjectState = (typeof PROJECT_STATES)[number];

/**
 * The lead company's moves: a draft starts demonstrating; a demonstration completes (or goes back to draft to
 * be fixed). A serious incident suspends one exemption for the project, not the project (suspension.ts).
 */
export const TRANSITIONS: Readonly<Record<ProjectState, readonly ProjectState[]>> = {
  draft: ['demonstrating'],
  demonstrating: ['completed', 'draft'],
  completed: [],
};

export interface LiabilityInsurance {
  readonly insurer: string;
  readonly policyNumber: string;
  readonly cover: InsuranceCover;
  /** Inclusive Seoul days. */
  readonly validFrom: string;
  readonly validUntil: string;
}

export interface InsuranceIssue {
  readonly path: string;
  readonly code: 'missing' | 'not-valid-today' | 'cover-below-minimum';
  readonly params: Readonly<Record<string, string | number>>;
}

/** Today's date in Korea (UTC+9). */
export function seoulToday(nowMs: number): CivilDate {
  return civilDate(new Date(nowMs + SEOUL_OFFSET_MS).toISOString().slice(0, 10));
}

/**
 * Why a project may not start demonstrating for want of insurance (Decree Art. 60: proof of cover before
 * the business starts; minimums death 150 M KRW per person, injury 30 M, disability 150 M, property
 * 1 B KRW per accident). Empty when it may.
 */
export function insuranceIssues(required: boolean, insurance: LiabilityInsurance | null, today: CivilDate): InsuranceIssue[] {
  if (!required) return [];
  if (insurance === null) return [{ path: '/insurance', code: 'missing', params: {} }];
  const issues: InsuranceIssue[] = [];
  const from = tryCivilDate(insurance.validFrom);
  const until = tryCivilDate(insurance.validUntil);
  if (from === null || until === null || compareDates(from, today) > 0 || compareDates(until, today) < 0) {
    issues.push({ path: '/insurance/validUntil', code: 'not-valid-today', params: { from: insurance.validFrom, to: insurance.validUntil, today } });
  }
  const short = coverShortfall(insurance.cover);
  if (short !== null) {
    issues.push({ path: `/insurance/cover/${short}`, code: 'cover-below-minimum', params: { value: insurance.cover[short], minimum: DECREE_60_MINIMUM_COVER[short] } });
  }
  return issues;
}

/** The project period `[start 00:00, end + 1 day 00:00)` in Seoul time, as epoch ms. */
export function periodInstants(start: string, end: string): { from: number; to: number } {
  const s = civilDate(start);
  const e = addDays(civilDate(end), 1);
  return { from: Date.parse(`${s}T00:00:00+09:00`), to: Date.parse(`${e}T00:00:00+09:00`) };
}

/** The insurance as a compliance policy (valid over its inclusive Seoul days), for the `insurance` rule. */
export function insurancePolicy(insurance: LiabilityInsurance): InsurancePolicy | null {
  const from = tryCivilDate(insurance.validFrom);
  const until = tryCivilDate(insurance.validUntil);
  if (from === null || until === null || compareDates(until, from) < 0) return null;
  return { id: insurance.policyNumber || 'policy', from: `${from}T00:00:00+09:00`, to: `${addDays(until, 1)}T00:00:00+09:00`, cover: insurance.cover };
}
