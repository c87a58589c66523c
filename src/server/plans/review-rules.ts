// Rules shared by the review use cases: the states in which MSS reviews, refusals naming a review guard, the parties
// an expert's ties are checked against, and the expert's declared ties.
import type { Database } from '../../db/database.ts';
import type { ExpertTie, PlanParties } from '../../domain/zones/expert-review.ts';
import type { PlanState } from '../../domain/zones/plan-machine.ts';
import type { Violation } from '../../domain/zones/transition-table.ts';
import type { Locale } from '../../i18n/locales.ts';
import { AppError } from '../errors.ts';
import { participantsOf } from './content.ts';
import { frame } from './messages.ts';
import { guardProblem } from './plan-rules.ts';
import type { PlanRecord } from './store.ts';

/** States in which MSS reviews the application (Art. 75(1)–(2)). */
export const IN_REVIEW: readonly PlanState[] = ['submitted', 'under_review', 'supplement_requested'];

export const invalidField = (path: string, keyword: 'unknown' | 'invalid', params?: Record<string, string>) =>
  new AppError('validation', { fields: [{ path, keyword, ...(params ? { params } : {}) }] });

/** 409 naming the rule (as a guard of the review) and each violation. */
export function refusal(locale: Locale, guard: string, article: string, violations: readonly Violation[]): AppError {
  return new AppError('conflict', {
    violations: violations.map((v) => ({ ...v, scope: 'zone' as const })),
    extensions: { guards: [guardProblem(locale, guard, article, violations)] },
  });
}

export function inReview(locale: Locale, plan: PlanRecord, states: readonly PlanState[] = IN_REVIEW): void {
  if (!states.includes(plan.state)) {
    throw new AppError('conflict', {
      params: { reason: frame(locale, 'review-state', { state: plan.state, states: states.join(', '), rule: 'RFZ Act Art. 75(1)–(2)' }) },
      extensions: { transition: { state: plan.state, action: 'review', allowed: [] } },
    });
  }
}

export function partiesOf(plan: PlanRecord): PlanParties {
  return {
    governments: participantsOf(plan.content),
    companies: Object.values(plan.content.sections).flatMap((s) => s.companies.map((c) => ({ name: c.name.ko, businessNumber: c.businessNumber }))),
  };
}

export async function tiesOf(db: Database, userId: string): Promise<ExpertTie[]> {
  const row = await db.selectFrom('expert_declaration').select('ties').where('user_id', '=', userId).executeTakeFirst();
  return (row?.ties as ExpertTie[] | undefined) ?? [];
}
