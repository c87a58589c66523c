/**
 * Expert review of a zone plan: conflict-of-interest rule for assigning an expert, and scoring against the
 * designation criteria of Decree Art. 45.
 *
 * Conflicts: Decree Art. 50 makes committee members step aside from matters they are tied to (recusal). ZoneLink
 * applies the same rule to the expert reviewers MSS assigns (DOMAIN.md §2 step 6): an expert tied to a
 * participating government or to a company named in the plan cannot be assigned, and must declare before scoring.
 */
import type { Violation } from './transition-table.ts';
import { governs } from '../regions/provinces.ts';

/** A tie an expert declares: employment, advice, shares, family — to a government or a company. */
export type ExpertTie =
  | { readonly kind: 'government'; readonly regionCode: string; readonly note?: string }
  | { readonly kind: 'company'; readonly name: string; readonly businessNumber: string | null; readonly note?: string };

/** Who takes part in the plan: its governments (region codes) and the companies named in its sections. */
export interface PlanParties {
  readonly governments: readonly string[];
  readonly companies: readonly { readonly name: string; readonly businessNumber: string | null }[];
}

export const RECUSAL_RULE = 'Decree Art. 50 (recusal), applied to expert reviewers';

const normalName = (name: string): string => name.normalize('NFKC').replace(/\s+|\(주\)|㈜|주식회사/g, '').toLowerCase();

/**
 * A government tie conflicts with a participant that is the same government, one of its municipalities
 * (a tie to a province covers its basic governments) or its province — by membership today (`provinces.ts`), not by code prefix.
 * A company tie matches by business registration number when both have one, otherwise by name.
 */
export function expertConflicts(ties: readonly ExpertTie[], parties: PlanParties): Violation[] {
  const violations: Violation[] = [];
  for (const tie of ties) {
    if (tie.kind === 'government') {
      const hit = parties.governments.find((g) => governs(tie.regionCode, g) || governs(g, tie.regionCode));
      if (hit !== undefined) violations.push({ code: 'expert-tied-to-government', rule: RECUSAL_RULE, params: { tie: tie.regionCode, region: hit } });
    } else {
      const hit = parties.companies.find((c) =>
        tie.businessNumber !== null && c.businessNumber !== null ? c.businessNumber === tie.businessNumber : normalName(c.name) === normalName(tie.name));
      if (hit !== undefined) violations.push({ code: 'expert-tied-to-company', rule: RECUSAL_RULE, params: { tie: tie.name, company: hit.name } });
    }
  }
  return violations;
}

// ---------------------------------------------------------------------------------------------
// Scoring (Decree Art. 45: what the committee weighs when it decides on a designation)

/** The criteria of Decree Art. 45, as listed in DOMAIN.md §2 step 7. */
export const REVIEW_CRITERIA = [
  'regional-fit',
  'innovativeness',
  'exemption-business-link',
  'funding',
  'safety-environment',
  'privacy',
  'economic-effect',
  'past-evaluation',
] as const;
export type ReviewCriterion = (typeof REVIEW_CRITERIA)[number];

export const CRITERIA_RULE = 'Decree Art. 45';
/** Each criterion is scored 0–10 (ZoneLink scale; the Decree sets criteria, not points). */
export const MAX_SCORE = 10;

export type Scores = Readonly<Partial<Record<ReviewCriterion, number>>>;

/** A score sheet is complete when every criterion has an integer score within the scale. */
export function checkScoreSheet(scores: Readonly<Record<string, number>>): Violation[] {
  const violations: Violation[] = [];
  for (const key of Object.keys(scores)) {
    if (!(REVIEW_CRITERIA as readonly string[]).includes(key)) violations.push({ code: 'unknown-criterion', rule: CRITERIA_RULE, params: { criterion: key } });
  }
  for (const c of REVIEW_CRITERIA) {
    const v = scores[c];
    if (v === undefined) violations.push({ code: 'criterion-not-scored', rule: CRITERIA_RULE, params: { criterion: c } });
    else if (!Number.isInteger(v) || v < 0 || v > MAX_SCORE) violations.push({ code: 'score-out-of-range', rule: CRITERIA_RULE, params: { criterion: c, score: v, max: MAX_SCORE } });
  }
  return violations;
}

export interface ScoreSummary {
  /** Per expert sheet: the total over every criterion (out of criteria × MAX_SCORE). */
  readonly totals: readonly number[];
  readonly maxTotal: number;
  /** Mean of the totals, two decimals; null without sheets. */
  readonly averageTotal: number | null;
  /** Mean score of each criterion over the sheets, two decimals; null without sheets. */
  readonly averages: Readonly<Record<ReviewCriterion, number | null>>;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

export function summariseScores(sheets: readonly Readonly<Record<ReviewCriterion, number>>[]): ScoreSummary {
  const totals = sheets.map((s) => REVIEW_CRITERIA.reduce((sum, c) => sum + s[c], 0));
  const mean = (xs: readonly number[]): number | null => (xs.length === 0 ? null : round2(xs.reduce((a, b) => a + b, 0) / xs.length));
  const averages = Object.fromEntries(REVIEW_CRITERIA.map((c) => [c, mean(sheets.map((s) => s[c]))])) as Record<ReviewCriterion, number | null>;
  return { totals, maxTotal: REVIEW_CRITERIA.length * MAX_SCORE, averageTotal: mean(totals), averages };
}
