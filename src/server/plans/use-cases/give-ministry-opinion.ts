// A consulted responsible ministry gives its written opinion (agree, agree with conditions, disagree), once
// (RFZ Act Art. 75(2)). Given again: 409 one-opinion-per-ministry.
import type { Static } from 'typebox';
import type { Database } from '../../../db/database.ts';
import { checkOpinion } from '../../../domain/zones/ministry-opinions.ts';
import { AppError } from '../../errors.ts';
import type { Caller } from '../../write/caller.ts';
import { inReview, refusal } from '../review-rules.ts';
import { ministryConsultations } from '../review-store.ts';
import type { OpinionInput } from '../../../contract/plan-review.ts';
import { addStep, updatePlan } from '../store.ts';
import { runPlanWrite, type PlanRef } from './plan-write.ts';

export async function giveMinistryOpinion(db: Database, caller: Caller, ref: PlanRef, body: Static<typeof OpinionInput>): Promise<void> {
  if (body.position === 'agree_with_conditions' && body.conditions === null) throw new AppError('validation', { fields: [{ path: '/body/conditions', keyword: 'required' }] });
  await runPlanWrite(db, caller, ref, { action: 'plan:opinion', ifMatch: 'optional' }, async (ctx, plan) => {
    const { trx, actor, today } = ctx;
    inReview(caller.locale, plan, ['under_review', 'supplement_requested']);
    const mine = (await ministryConsultations(trx, plan.id)).find((c) => c.ministry === actor.organisationId);
    const problems = checkOpinion(mine);
    if (problems.length > 0) throw refusal(caller.locale, 'one-opinion-per-ministry', 'RFZ Act Art. 75(2)', problems);
    await trx.updateTable('plan_ministry_consultation').set({
      replied_on: today, position: body.position, opinion: JSON.stringify(body.opinion), conditions: body.conditions ? JSON.stringify(body.conditions) : null, replied_by: actor.userId,
    }).where('plan_id', '=', plan.id).where('organisation_id', '=', actor.organisationId).execute();
    await updatePlan(trx, plan, {});
    await addStep(trx, plan, { kind: 'ministry_opinion', to: plan.state, on: today, body: { position: body.position }, actor });
    await ctx.audit({ action: 'plan:ministry-opinion', objectType: 'zone_plan', objectId: plan.id, before: null, after: { position: body.position, opinion: body.opinion, conditions: body.conditions } });
  });
}
