// The assigned expert declares whether it has a conflict of interest with this plan; a declared conflict recuses it
// (Decree Art. 50). The same declaration again changes nothing and records nothing (idempotent); a conflict once
// declared cannot be taken back (409).
import { isDeepStrictEqual } from 'node:util';
import type { Static } from 'typebox';
import type { Database } from '../../../db/database.ts';
import { expertConflicts, RECUSAL_RULE } from '../../../domain/zones/expert-review.ts';
import type { Caller } from '../../write/caller.ts';
import { inReview, partiesOf, refusal, tiesOf } from '../review-rules.ts';
import type { DeclarationInput } from '../../../contract/plan-review.ts';
import { updatePlan } from '../store.ts';
import { runPlanWrite, type PlanRef } from './plan-write.ts';

export async function declareExpertConflict(db: Database, caller: Caller, ref: PlanRef, body: Static<typeof DeclarationInput>): Promise<void> {
  await runPlanWrite(db, caller, ref, { action: 'plan:expert', ifMatch: 'optional' }, async (ctx, plan) => {
    const { trx, actor } = ctx;
    inReview(caller.locale, plan);
    const row = await trx.selectFrom('plan_expert').select(['declaration', 'declaration_note']).where('plan_id', '=', plan.id).where('expert_user_id', '=', actor.userId).executeTakeFirstOrThrow();
    if (row.declaration === 'conflict' && body.conflict && isDeepStrictEqual(row.declaration_note ?? null, body.note ?? null)) return;
    if (row.declaration === 'conflict') throw refusal(caller.locale, 'no-conflict-of-interest', RECUSAL_RULE, [{ code: 'expert-declared-conflict', rule: RECUSAL_RULE, params: {} }]);
    // "No conflict" cannot contradict the expert's own declared ties.
    const conflicts = body.conflict ? [] : expertConflicts(await tiesOf(trx, actor.userId), partiesOf(plan));
    if (conflicts.length > 0) throw refusal(caller.locale, 'no-conflict-of-interest', RECUSAL_RULE, conflicts);
    const declaration = body.conflict ? 'conflict' as const : 'no_conflict' as const;
    if (row.declaration === declaration && isDeepStrictEqual(row.declaration_note ?? null, body.note ?? null)) return;
    await trx.updateTable('plan_expert').set({ declaration, declaration_note: body.note ? JSON.stringify(body.note) : null, declared_at: new Date() })
      .where('plan_id', '=', plan.id).where('expert_user_id', '=', actor.userId).execute();
    await updatePlan(trx, plan, {});
    await ctx.audit({ action: 'plan:expert-declaration', objectType: 'zone_plan', objectId: plan.id, before: { declaration: row.declaration }, after: { declaration, note: body.note } });
  });
}
