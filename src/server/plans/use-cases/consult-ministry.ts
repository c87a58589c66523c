// MSS sends the plan to a responsible ministry for its written opinion; that ministry's 30-day reply clock starts
// (RFZ Act Art. 75(2)). Consulted again: 409 already-consulted.
import type { Database } from '../../../db/database.ts';
import { dueDate } from '../../../domain/calendar/clock.ts';
import type { I18nText } from '../../../domain/i18n-text.ts';
import { ministryReplyClock } from '../../../domain/zones/procedure.ts';
import { calendarOf } from '../../calendar/provider.ts';
import { AppError } from '../../errors.ts';
import { notify } from '../../notifications/notify.ts';
import type { Caller } from '../../write/caller.ts';
import { frame } from '../messages.ts';
import { inReview, invalidField } from '../review-rules.ts';
import { updatePlan } from '../store.ts';
import { runPlanWrite, type PlanRef } from './plan-write.ts';

export async function consultMinistry(db: Database, caller: Caller, ref: PlanRef, orgId: string): Promise<void> {
  await runPlanWrite(db, caller, ref, { action: 'plan:review', ifMatch: 'optional' }, async (ctx, plan) => {
    const { trx, actor, today } = ctx;
    inReview(caller.locale, plan, ['under_review']);
    const org = await trx.selectFrom('organisation').select(['id', 'name']).where('id', '=', orgId).where('kind', '=', 'responsible_ministry').executeTakeFirst();
    if (!org) throw invalidField('/body/organisationId', 'unknown', { value: orgId });
    if (plan.consulted.includes(orgId)) throw new AppError('conflict', { params: { reason: frame(caller.locale, 'already-consulted', { ministry: (org.name as I18nText)[caller.locale] ?? org.name.ko }) } });
    const clock = ministryReplyClock(today, 'designation');
    await trx.insertInto('plan_ministry_consultation').values({
      plan_id: plan.id, organisation_id: orgId, requested_on: today, requested_by: actor.userId, clock: JSON.stringify(clock),
      replied_on: null, position: null, opinion: null, conditions: null, replied_by: null,
    }).execute();
    await updatePlan(trx, plan, {});
    await ctx.audit({ action: 'plan:consult-ministry', objectType: 'zone_plan', objectId: plan.id, before: null, after: { organisation: orgId, requestedOn: today } });
    const users = await trx.selectFrom('app_user').select('id').where('organisation_id', '=', orgId).where('disabled_at', 'is', null).execute();
    const who = await trx.selectFrom('app_user').select('display_name').where('id', '=', actor.userId).executeTakeFirst();
    await notify(trx, {
      userIds: users.map((u) => u.id), kind: 'opinion-requested', params: { subject: plan.content.title, actor: who?.display_name ?? '', due: dueDate(clock, calendarOf(db))?.due ?? '' },
      link: `/plans/${plan.id}`, objectType: 'zone_plan', objectId: plan.id,
    });
  });
}
