// MSS requests a supplement; every running clock pauses (RFZ Act Art. 72(4), 75(2) proviso). Again while one is open: 409.
import type { Static } from 'typebox';
import type { Database } from '../../../db/database.ts';
import { pauseClock } from '../../../domain/calendar/clock.ts';
import type { Caller } from '../../write/caller.ts';
import { shiftConsultationClocks } from '../review-store.ts';
import { invalid, isDate, runningClocks } from '../plan-rules.ts';
import type { SupplementRequestInput } from '../../../contract/plans.ts';
import type { Clocks } from '../store.ts';
import { runPlanWrite, transitionPlan, type PlanRef } from './plan-write.ts';

export async function requestSupplement(db: Database, caller: Caller, ref: PlanRef, body: Static<typeof SupplementRequestInput>): Promise<void> {
  const answerBy = body.answerBy ?? null;
  await runPlanWrite(db, caller, ref, { action: 'plan:review', ifMatch: 'optional' }, async (ctx, plan) => {
    const today = ctx.today;
    if (answerBy !== null && (!isDate(answerBy) || answerBy <= today)) throw invalid([{ path: '/body/answerBy', keyword: 'minimum', params: { limit: today } }]);
    const clocks: Clocks = { ...plan.clocks };
    for (const name of runningClocks(plan.clocks)) {
      const paused = pauseClock(plan.clocks[name]!.state, today);
      if (paused.ok) clocks[name] = { ...plan.clocks[name]!, state: paused.state };
    }
    await shiftConsultationClocks(ctx.trx, plan.id, (clock) => { const r = pauseClock(clock, today); return r.ok ? r.state : clock; });
    await transitionPlan(ctx, plan, { action: 'request_supplement', clocks, body });
  });
}
