// The caller's government withdraws its sign-off (before submission). Idempotent: without a sign-off to withdraw
// nothing is recorded.
import type { Database } from '../../../db/database.ts';
import { withdrawSignOff as withdrawn } from '../../../domain/zones/signoff.ts';
import type { Caller } from '../../write/caller.ts';
import { frame } from '../messages.ts';
import { BEFORE_SUBMISSION, conflict, summaryOf } from '../plan-rules.ts';
import { addStep, saveSignOffs, signOffSet } from '../store.ts';
import { runPlanWrite, type PlanRef } from './plan-write.ts';

export async function withdrawSignOff(db: Database, caller: Caller, ref: PlanRef): Promise<void> {
  await runPlanWrite(db, caller, ref, { action: 'plan:sign-off', ifMatch: 'optional' }, async (ctx, plan) => {
    if (!BEFORE_SUBMISSION.includes(plan.state)) throw conflict(frame(caller.locale, 'before-submission', { rule: 'Decree Art. 40(2)', state: plan.state }));
    const government = ctx.actor.regionCode!;
    const signOff = plan.signOffs.find((s) => s.government === government);
    if (!signOff) return;
    const next = withdrawn(signOffSet(plan), government);
    await saveSignOffs(ctx.trx, plan, next.signOffs, plan.state);
    await addStep(ctx.trx, plan, { kind: 'withdraw_sign_off', to: plan.state, on: ctx.today, body: { government, contentHash: signOff.contentHash, signedOn: signOff.signedOn }, actor: ctx.actor });
    await ctx.audit({ action: 'plan:withdraw-sign-off', objectType: 'zone_plan', objectId: plan.id, before: summaryOf(plan), after: { government } });
  });
}
