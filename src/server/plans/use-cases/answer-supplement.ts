// The lead answers the supplement request; the clocks resume. Answered again: 409.
import type { Static } from 'typebox';
import type { Database } from '../../../db/database.ts';
import { resumeClock } from '../../../domain/calendar/clock.ts';
import { ministryReplyClock } from '../../../domain/zones/procedure.ts';
import type { Caller } from '../../write/caller.ts';
import { runningClocks } from '../plan-rules.ts';
import { shiftConsultationClocks } from '../review-store.ts';
import type { SupplementAnswerInput } from '../../../contract/plans.ts';
import type { Clocks } from '../store.ts';
import { runPlanWrite, transitionPlan, type PlanRef } from './plan-write.ts';

export async function answerSupplement(db: Database, caller: Caller, ref: PlanRef, body: Static<typeof SupplementAnswerInput>): Promise<void> {
  await runPlanWrite(db, caller, ref, { action: 'plan:lead', ifMatch: 'optional' }, async (ctx, plan) => {
    const today = ctx.today;
    const clocks: Clocks = { ...plan.clocks };
    for (const name of runningClocks(plan.clocks)) {
      const resumed = resumeClock(plan.clocks[name]!.state, today);
      if (resumed.ok) clocks[name] = { ...plan.clocks[name]!, state: resumed.state };
    }
    clocks.ministryReply ??= { state: ministryReplyClock(today, 'designation'), stoppedOn: null };
    await shiftConsultationClocks(ctx.trx, plan.id, (clock) => { const r = resumeClock(clock, today); return r.ok ? r.state : clock; });
    await transitionPlan(ctx, plan, { action: 'answer_supplement', clocks, body });
  });
}
