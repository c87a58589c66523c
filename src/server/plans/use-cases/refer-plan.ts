// MSS refers the plan to the committee once the ministries replied or their 30 days ran out (RFZ Act Art. 75(2)–(3)).
// Referred again: 409 (the plan is in deliberation).
import type { Static } from 'typebox';
import type { Database } from '../../../db/database.ts';
import { dueDate, isOverdue } from '../../../domain/calendar/clock.ts';
import { pendingMinistryReplies } from '../../../domain/zones/ministry-opinions.ts';
import { calendarOf } from '../../calendar/provider.ts';
import type { Caller } from '../../write/caller.ts';
import { guarded, stopClocks } from '../plan-rules.ts';
import { consultationsOf, ministryConsultations } from '../review-store.ts';
import type { ReferInput } from '../../../contract/plans.ts';
import { runPlanWrite, transitionPlan, type PlanRef } from './plan-write.ts';

export async function referPlan(db: Database, caller: Caller, ref: PlanRef, body: Static<typeof ReferInput>): Promise<void> {
  await runPlanWrite(db, caller, ref, { action: 'plan:review', ifMatch: 'optional' }, async (ctx, plan) => {
    const { trx, today } = ctx;
    const calendar = calendarOf(db);
    // Every ministry consulted through ZoneLink replied or ran out of its 30 days; ministries consulted outside
    // ZoneLink are vouched for by MSS (ministryRepliesComplete) or their common 30 days ran out (RFZ Act Art. 75(2)).
    const consultations = await ministryConsultations(trx, plan.id);
    const names = new Map((await consultationsOf(trx, plan.id)).map((c) => [c.organisation_id, c.name.ko]));
    const pending = pendingMinistryReplies(consultations, today, calendar).map((v) => ({ ...v, params: { ...v.params, ministry: names.get(String(v.params['ministry'])) ?? null } }));
    const reply30 = plan.clocks.ministryReply;
    const due = reply30 !== undefined && isOverdue(reply30.state, today, calendar);
    const others = body.ministryRepliesComplete || due || consultations.length > 0;
    const ok = pending.length === 0 && others;
    // Null while a supplement is open (no cap): nothing is due yet.
    const dueOn = reply30 ? dueDate(reply30.state, calendar)?.due ?? null : null;
    const violations = guarded([...pending, ...(others ? [] : [{ code: 'ministry-replies-pending', rule: 'RFZ Act Art. 75(2)', params: { due: dueOn } }])]);
    await transitionPlan(ctx, plan, {
      action: 'refer_to_committee', facts: { 'ministry-replies-complete-or-due': ok }, violations, body,
      clocks: stopClocks(plan.clocks, ['ministryReply'], today),
    });
  });
}
