// MSS returns an incomplete application naming the missing items (RFZ Act Art. 72(4), 75(5)). Returned again: 409.
import type { Static } from 'typebox';
import type { Database } from '../../../db/database.ts';
import { civilDate } from '../../../domain/calendar/civil-date.ts';
import { checkReturn } from '../../../domain/zones/application-return.ts';
import type { Caller } from '../../write/caller.ts';
import { guarded, runningClocks, stopClocks } from '../plan-rules.ts';
import type { ReturnInput } from '../../../contract/plans.ts';
import { loadSteps } from '../store.ts';
import { runPlanWrite, transitionPlan, type PlanRef } from './plan-write.ts';

export async function returnPlan(db: Database, caller: Caller, ref: PlanRef, body: Static<typeof ReturnInput>): Promise<void> {
  await runPlanWrite(db, caller, ref, { action: 'plan:review', ifMatch: 'optional' }, async (ctx, plan) => {
    const open = (await loadSteps(ctx.trx, plan.id)).filter((s) => s.kind === 'request_supplement').at(-1);
    const answerBy = (open?.body as { answerBy?: string | null } | undefined)?.answerBy ?? null;
    const check = checkReturn({ state: plan.state, missingItems: body.missingItems, answerBy: answerBy === null ? null : civilDate(answerBy), today: ctx.today });
    await transitionPlan(ctx, plan, {
      action: 'return', facts: check.facts, violations: guarded(check.violations), body,
      clocks: stopClocks(plan.clocks, runningClocks(plan.clocks), ctx.today),
    });
  });
}
