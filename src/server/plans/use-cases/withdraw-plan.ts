// The lead withdraws the plan or application (RFZ Act Art. 72(1)). Withdrawn again: 409.
import type { Database } from '../../../db/database.ts';
import type { Caller } from '../../write/caller.ts';
import { runningClocks, stopClocks } from '../plan-rules.ts';
import { runPlanWrite, transitionPlan, type PlanRef } from './plan-write.ts';

export async function withdrawPlan(db: Database, caller: Caller, ref: PlanRef): Promise<void> {
  await runPlanWrite(db, caller, ref, { action: 'plan:lead', ifMatch: 'optional' }, (ctx, plan) =>
    transitionPlan(ctx, plan, { action: 'withdraw', clocks: stopClocks(plan.clocks, runningClocks(plan.clocks), ctx.today) }).then(() => undefined));
}
