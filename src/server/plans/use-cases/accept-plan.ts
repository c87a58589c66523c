// MSS accepts the application for review; the ministries' 30-day reply clock starts (RFZ Act Art. 75(1)–(2)). Again: 409.
import type { Database } from '../../../db/database.ts';
import { ministryReplyClock } from '../../../domain/zones/procedure.ts';
import type { Caller } from '../../write/caller.ts';
import type { Clocks } from '../store.ts';
import { runPlanWrite, transitionPlan, type PlanRef } from './plan-write.ts';

export async function acceptPlan(db: Database, caller: Caller, ref: PlanRef): Promise<void> {
  await runPlanWrite(db, caller, ref, { action: 'plan:review', ifMatch: 'optional' }, async (ctx, plan) => {
    const clocks: Clocks = { ...plan.clocks, ministryReply: plan.clocks.ministryReply ?? { state: ministryReplyClock(ctx.today, 'designation'), stoppedOn: null } };
    await transitionPlan(ctx, plan, { action: 'accept_for_review', clocks });
  });
}
