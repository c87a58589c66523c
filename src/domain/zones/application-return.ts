/**
 * Return of an application by MSS (RFZ Act Art. 72(4), 75(5), as amended by Act 21285): MSS may ask for a
 * supplement and return an application that stays incomplete.
 *
 * ZoneLink's reading (docs/decisions/0010-plan-review.md):
 *  - from `submitted` or `under_review`, MSS returns an *incomplete* application and must name what is
 *    missing (at least one item of the plan catalogue, PLAN_ITEMS) — guard `return-ground`;
 *  - from `supplement_requested`, MSS may return it only once the answer deadline it set in the supplement
 *    request has passed without an answer — guard `supplement-not-answered`. A request without a deadline
 *    cannot lead to a return (the applicant was never told by when to answer).
 */
import type { CivilDate } from '../calendar/civil-date.ts';
import type { PlanGuard, PlanState } from './plan-machine.ts';
import { PLAN_ITEMS } from './procedure.ts';
import type { Facts, Violation } from './transition-table.ts';

export interface ReturnInput {
  readonly state: PlanState;
  /** Items MSS names as missing or incomplete. */
  readonly missingItems: readonly string[];
  /** The answer deadline of the open supplement request, if one was set. */
  readonly answerBy: CivilDate | null;
  readonly today: CivilDate;
}

export interface ReturnCheck {
  readonly violations: readonly Violation[];
  readonly facts: Facts<PlanGuard>;
}

const RULE = 'RFZ Act Art. 72(4), 75(5)';

export function checkReturn(input: ReturnInput): ReturnCheck {
  const violations: Violation[] = [];
  const unknown = input.missingItems.filter((i) => !(i in PLAN_ITEMS));
  if (unknown.length > 0) violations.push({ code: 'unknown-item', rule: RULE, params: { items: unknown } });
  if (input.state === 'supplement_requested') {
    if (input.answerBy === null) violations.push({ code: 'supplement-without-deadline', rule: RULE, params: {} });
    else if (input.today <= input.answerBy) violations.push({ code: 'supplement-deadline-open', rule: RULE, params: { answerBy: input.answerBy, today: input.today } });
    return { violations, facts: { 'supplement-not-answered': violations.length === 0 } };
  }
  if (input.missingItems.length === 0) violations.push({ code: 'return-without-missing-item', rule: RULE, params: {} });
  return { violations, facts: { 'return-ground': violations.length === 0 } };
}
