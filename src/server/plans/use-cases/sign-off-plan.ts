// The caller's government signs off the exact version it saw, named by its content hash (Decree Art. 40(2)).
// Idempotent: a government that already signed off this hash gets the same answer, and nothing is recorded again
// (no second sign-off, history step or audit entry — issue 11 finding 5).
import type { Database } from '../../../db/database.ts';
import type { PlanGuard } from '../../../domain/zones/plan-machine.ts';
import { recordSignOff } from '../../../domain/zones/signoff.ts';
import type { Facts } from '../../../domain/zones/transition-table.ts';
import type { Caller } from '../../write/caller.ts';
import { guarded, move, summaryOf } from '../plan-rules.ts';
import { addStep, saveSignOffs, signOffSet } from '../store.ts';
import { machineActor } from '../view.ts';
import { runPlanWrite, type PlanRef } from './plan-write.ts';

export async function signOffPlan(db: Database, caller: Caller, ref: PlanRef, contentHash: string): Promise<void> {
  await runPlanWrite(db, caller, ref, { action: 'plan:sign-off', ifMatch: 'optional' }, async (ctx, plan) => {
    const { actor, today } = ctx;
    const government = actor.regionCode!;
    if (plan.signOffs.some((s) => s.government === government && s.contentHash === contentHash) && plan.contentHash === contentHash) return;
    const result = recordSignOff(signOffSet(plan), { government, contentHash, signedOn: today, signedBy: actor.userId });
    const violations = guarded(result.ok ? [] : result.violations);
    const facts: Facts<PlanGuard> = {
      'signer-is-participant': !violations.some((v) => v.guard === 'signer-is-participant'),
      'signed-hash-is-current': !violations.some((v) => v.guard === 'signed-hash-is-current'),
    };
    const to = move(plan, 'sign_off', machineActor(actor, plan), facts, violations, caller.locale);
    if (!result.ok) throw new Error('sign-off passed its guards but was refused');
    await saveSignOffs(ctx.trx, plan, result.value.signOffs, to);
    await addStep(ctx.trx, plan, { kind: 'sign_off', to, on: today, body: { government, contentHash, contentVersion: plan.contentVersion }, actor });
    await ctx.audit({ action: 'plan:sign-off', objectType: 'zone_plan', objectId: plan.id, before: summaryOf(plan), after: { government, contentHash, signedOn: today } });
  });
}
