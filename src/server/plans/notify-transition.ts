// Tells the people concerned that a plan moved: its participating governments, and the ministry once
// the plan has been submitted. The one who acted is not notified.
import type { Database } from '../../db/database.ts';
import type { Actor } from '../../domain/auth/types.ts';
import type { PlanState } from '../../domain/zones/plan-machine.ts';
import { notify, usersOfKind, usersOfRegions } from '../notifications/notify.ts';
import { participantsOf } from './content.ts';
import type { PlanRecord } from './store.ts';

const BEFORE_SUBMISSION: ReadonlySet<PlanState> = new Set(['drafting', 'signing_off', 'withdrawn']);

export async function notifyTransition(trx: Database, plan: PlanRecord, actor: Actor, to: PlanState): Promise<void> {
  const recipients = new Set(await usersOfRegions(trx, participantsOf(plan.content)));
  if (!BEFORE_SUBMISSION.has(to) || plan.submittedOn !== null) for (const id of await usersOfKind(trx, 'ministry')) recipients.add(id);
  recipients.delete(actor.userId);
  const who = await trx.selectFrom('app_user').select('display_name').where('id', '=', actor.userId).executeTakeFirst();
  await notify(trx, {
    userIds: [...recipients],
    kind: 'transition',
    params: { subject: plan.content.title, state: `plan:${to}`, actor: who?.display_name ?? '' },
    link: `/plans/${plan.id}`,
    objectType: 'zone_plan',
    objectId: plan.id,
  });
}
