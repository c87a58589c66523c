// The lead asks the committee to deliberate a rejection again: within 60 days of the decision, once (ZoneLink policy
// after Decree Art. 57-3). Asked again: 409 (no longer rejected).
import type { Static } from 'typebox';
import type { Database } from '../../../db/database.ts';
import { civilDate } from '../../../domain/calendar/civil-date.ts';
import { checkZoneRedeliberation } from '../../../domain/zones/procedure.ts';
import { calendarOf } from '../../calendar/provider.ts';
import type { Caller } from '../../write/caller.ts';
import { guarded } from '../plan-rules.ts';
import type { RedeliberationInput } from '../../../contract/plans.ts';
import { loadSteps } from '../store.ts';
import { runPlanWrite, transitionPlan, type PlanRef } from './plan-write.ts';

export async function requestRedeliberation(db: Database, caller: Caller, ref: PlanRef, body: Static<typeof RedeliberationInput>): Promise<void> {
  await runPlanWrite(db, caller, ref, { action: 'plan:lead', ifMatch: 'optional' }, async (ctx, plan) => {
    const today = ctx.today;
    const previous = (await loadSteps(ctx.trx, plan.id)).filter((s) => s.kind === 'request_redeliberation').length;
    const notifiedOn = civilDate(plan.decidedOn ?? today);
    const violations = guarded(checkZoneRedeliberation({ notifiedOn, requestedOn: today, previous }, calendarOf(db)));
    await transitionPlan(ctx, plan, {
      action: 'request_redeliberation', violations, body: { ...body, decidedOn: plan.decidedOn, previous },
      facts: {
        'redeliberation-window-open': !violations.some((v) => v.guard === 'redeliberation-window-open'),
        'redeliberation-not-used': !violations.some((v) => v.guard === 'redeliberation-not-used'),
      },
    });
  });
}
