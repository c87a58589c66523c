// The lead submits the application to MSS (guards: sign-offs on the current hash, eligibility, connected-zone rule,
// public consultation, items). A repeated submission is a 409: the plan is no longer in signing_off.
import type { Config } from '../../../config.ts';
import type { Database } from '../../../db/database.ts';
import { designationDecisionClock } from '../../../domain/zones/procedure.ts';
import { calendarOf } from '../../calendar/provider.ts';
import type { Caller } from '../../write/caller.ts';
import { evaluatePlan } from '../evaluate.ts';
import { signOffSet } from '../store.ts';
import { runPlanWrite, transitionPlan, type PlanRef } from './plan-write.ts';

export async function submitPlan(db: Database, caller: Caller, ref: PlanRef, config: Config): Promise<void> {
  await runPlanWrite(db, caller, ref, { action: 'plan:lead', ifMatch: 'optional' }, async (ctx, plan) => {
    const today = ctx.today;
    const evaluation = evaluatePlan(plan.content, plan.consultation, signOffSet(plan), today, config, calendarOf(db));
    const warnings = evaluation.violations.filter((v) => v.severity === 'warning').map((v) => ({ code: v.code, rule: v.rule, params: v.params }));
    await transitionPlan(ctx, plan, {
      action: 'submit', facts: evaluation.facts, violations: evaluation.violations,
      body: { contentHash: plan.contentHash, contentVersion: plan.contentVersion, warnings },
      clocks: { decision: { state: designationDecisionClock(today), stoppedOn: null } },
      patch: { submittedOn: today, decidedOn: null },
    });
  });
}
