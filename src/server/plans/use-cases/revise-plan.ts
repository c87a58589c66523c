// After a return or a send-back, the lead reopens the plan for drafting (RFZ Act Art. 74(1), 75(5)). Again: 409.
import type { Database } from '../../../db/database.ts';
import type { Caller } from '../../write/caller.ts';
import { runPlanWrite, transitionPlan, type PlanRef } from './plan-write.ts';

export async function revisePlan(db: Database, caller: Caller, ref: PlanRef): Promise<void> {
  await runPlanWrite(db, caller, ref, { action: 'plan:lead', ifMatch: 'optional' }, async (ctx, plan) => {
    await transitionPlan(ctx, plan, { action: 'revise', clocks: {} });
  });
}
