// The assigned expert scores the plan on each criterion of Decree Art. 45 (0–10); needs its declaration of no conflict.
// The same sheet again changes nothing and records nothing (idempotent); a different sheet rescores.
import { isDeepStrictEqual } from 'node:util';
import type { Static } from 'typebox';
import type { Database } from '../../../db/database.ts';
import { checkScoreSheet, RECUSAL_RULE } from '../../../domain/zones/expert-review.ts';
import { AppError } from '../../errors.ts';
import type { Caller } from '../../write/caller.ts';
import { move } from '../plan-rules.ts';
import type { ScoresInput } from '../../../contract/plan-review.ts';
import { addStep, updatePlan } from '../store.ts';
import { machineActor } from '../view.ts';
import { runPlanWrite, type PlanRef } from './plan-write.ts';

export async function scorePlan(db: Database, caller: Caller, ref: PlanRef, body: Static<typeof ScoresInput>): Promise<void> {
  const sheet = checkScoreSheet(body.scores);
  if (sheet.length > 0) throw new AppError('validation', { fields: sheet.map((v) => ({ path: `/body/scores/${String(v.params['criterion'])}`, keyword: 'invalid' as const })) });
  await runPlanWrite(db, caller, ref, { action: 'plan:expert', ifMatch: 'optional' }, async (ctx, plan) => {
    const { trx, actor, today } = ctx;
    const row = await trx.selectFrom('plan_expert').select(['declaration', 'scores', 'comment']).where('plan_id', '=', plan.id).where('expert_user_id', '=', actor.userId).executeTakeFirstOrThrow();
    const violations = row.declaration === 'no_conflict' ? [] : [{ code: row.declaration === null ? 'expert-not-declared' : 'expert-declared-conflict', rule: RECUSAL_RULE, params: {}, guard: 'no-conflict-of-interest' as const }];
    const to = move(plan, 'submit_expert_review', machineActor(actor, plan), { 'no-conflict-of-interest': row.declaration === 'no_conflict' }, violations, caller.locale);
    if (row.scores !== null && isDeepStrictEqual(row.scores, body.scores) && isDeepStrictEqual(row.comment ?? null, body.comment ?? null)) return;
    await trx.updateTable('plan_expert').set({ scores: JSON.stringify(body.scores), comment: body.comment ? JSON.stringify(body.comment) : null, scored_at: new Date() })
      .where('plan_id', '=', plan.id).where('expert_user_id', '=', actor.userId).execute();
    await updatePlan(trx, plan, { state: to });
    // The history records that an expert scored, not the scores (they are for MSS and the committee).
    await addStep(trx, plan, { kind: 'submit_expert_review', to, on: today, body: { rescored: row.scores !== null }, actor });
    await ctx.audit({ action: 'plan:submit_expert_review', objectType: 'zone_plan', objectId: plan.id, before: { scores: row.scores }, after: { scores: body.scores, comment: body.comment } });
  });
}
