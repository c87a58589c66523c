// A partner leaves the plan, or the lead drops it (before submission). Removing one who is no longer a participant
// changes nothing and records nothing (idempotent).
import type { Database } from '../../../db/database.ts';
import type { Caller } from '../../write/caller.ts';
import { withPartners } from '../content.ts';
import { move, summaryOf } from '../plan-rules.ts';
import { saveContent } from '../store.ts';
import { machineActor } from '../view.ts';
import { runPlanWrite, type PlanRef } from './plan-write.ts';

export async function removeParticipant(db: Database, caller: Caller, ref: PlanRef & { region: string }): Promise<void> {
  const region = ref.region;
  await runPlanWrite(db, caller, ref, { action: 'plan:remove-participant', section: region, ifMatch: 'optional' }, async (ctx, plan) => {
    const to = move(plan, 'edit', machineActor(ctx.actor, plan), {}, [], caller.locale);
    if (!plan.content.partners.includes(region)) return;
    const saved = await saveContent(ctx.trx, plan, withPartners(plan.content, plan.content.partners.filter((p) => p !== region)), `leave:${region}`, ctx.actor, to);
    await ctx.audit({ action: 'plan:remove-participant', objectType: 'zone_plan', objectId: plan.id, before: summaryOf(plan), after: { ...summaryOf(saved), removed: region } });
  });
}
