// The lead asks every participant to sign off the current version (guard: required-items-present).
// Asked again while sign-off runs: 409 (no such transition from signing_off).
import type { Database } from '../../../db/database.ts';
import type { Caller } from '../../write/caller.ts';
import { signOffItemViolations } from '../evaluate.ts';
import { runPlanWrite, transitionPlan, type PlanRef } from './plan-write.ts';

export async function requestSignOff(db: Database, caller: Caller, ref: PlanRef): Promise<void> {
  await runPlanWrite(db, caller, ref, { action: 'plan:lead', ifMatch: 'optional' }, async (ctx, plan) => {
    const violations = signOffItemViolations(plan.content, plan.consultation);
    await transitionPlan(ctx, plan, {
      action: 'request_signoff', facts: { 'required-items-present': violations.length === 0 }, violations, body: { contentHash: plan.contentHash, contentVersion: plan.contentVersion },
    });
  });
}
