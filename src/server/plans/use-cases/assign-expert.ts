// MSS assigns an expert reviewer; refused (409, guard no-conflict-of-interest) when the expert declared a tie to a
// participating government or company (Decree Art. 50). Assigned again: 409 already-assigned.
import type { Database } from '../../../db/database.ts';
import { expertConflicts, RECUSAL_RULE } from '../../../domain/zones/expert-review.ts';
import { AppError } from '../../errors.ts';
import { notify } from '../../notifications/notify.ts';
import type { Caller } from '../../write/caller.ts';
import { frame } from '../messages.ts';
import { inReview, invalidField, partiesOf, refusal, tiesOf } from '../review-rules.ts';
import { updatePlan } from '../store.ts';
import { runPlanWrite, type PlanRef } from './plan-write.ts';

export async function assignExpert(db: Database, caller: Caller, ref: PlanRef, expertId: string): Promise<void> {
  await runPlanWrite(db, caller, ref, { action: 'plan:review', ifMatch: 'optional' }, async (ctx, plan) => {
    const { trx, actor, today } = ctx;
    inReview(caller.locale, plan);
    const expert = await trx.selectFrom('app_user').innerJoin('organisation', 'organisation.id', 'app_user.organisation_id')
      .select(['app_user.id', 'app_user.display_name']).where('app_user.id', '=', expertId).where('organisation.kind', '=', 'expert').executeTakeFirst();
    if (!expert) throw invalidField('/body/expertUserId', 'unknown', { value: expertId });
    if (plan.experts.includes(expertId)) throw new AppError('conflict', { params: { reason: frame(caller.locale, 'already-assigned', { expert: expert.display_name }) } });
    const conflicts = expertConflicts(await tiesOf(trx, expertId), partiesOf(plan));
    if (conflicts.length > 0) throw refusal(caller.locale, 'no-conflict-of-interest', RECUSAL_RULE, conflicts);
    await trx.insertInto('plan_expert').values({
      plan_id: plan.id, expert_user_id: expertId, assigned_by: actor.userId, assigned_on: today, declaration: null, declaration_note: null, declared_at: null, scores: null, comment: null, scored_at: null,
    }).execute();
    await updatePlan(trx, plan, {});
    await ctx.audit({ action: 'plan:assign-expert', objectType: 'zone_plan', objectId: plan.id, before: null, after: { expert: expertId, assignedOn: today } });
    const who = await trx.selectFrom('app_user').select('display_name').where('id', '=', actor.userId).executeTakeFirst();
    await notify(trx, { userIds: [expertId], kind: 'expert-assigned', params: { subject: plan.content.title, actor: who?.display_name ?? '' }, link: '/expert', objectType: 'zone_plan', objectId: plan.id });
  });
}
