// The responsible ministries consulted on a plan, each with its own reply clock (RFZ Act Art. 75(2)).
import type { Database } from '../../db/database.ts';
import type { ClockState } from '../../domain/calendar/clock.ts';
import { civilDate } from '../../domain/calendar/civil-date.ts';
import type { MinistryConsultation } from '../../domain/zones/ministry-opinions.ts';

export async function consultationsOf(db: Database, planId: string) {
  return db.selectFrom('plan_ministry_consultation').innerJoin('organisation', 'organisation.id', 'plan_ministry_consultation.organisation_id')
    .select(['plan_ministry_consultation.organisation_id', 'organisation.name', 'requested_on', 'clock', 'replied_on', 'position', 'opinion', 'conditions'])
    .where('plan_id', '=', planId).orderBy('requested_on').orderBy('organisation.id').execute();
}

/** The consulted ministries as the pure rules see them. */
export async function ministryConsultations(db: Database, planId: string): Promise<MinistryConsultation[]> {
  return (await consultationsOf(db, planId)).map((c) => ({ ministry: c.organisation_id, clock: c.clock as ClockState, repliedOn: c.replied_on === null ? null : civilDate(c.replied_on) }));
}

/** Pauses (supplement requested) or resumes (answered) the clock of every ministry that has not replied yet. */
export async function shiftConsultationClocks(trx: Database, planId: string, change: (clock: ClockState) => ClockState): Promise<void> {
  for (const c of await consultationsOf(trx, planId)) {
    if (c.replied_on !== null) continue;
    await trx.updateTable('plan_ministry_consultation').set({ clock: JSON.stringify(change(c.clock as ClockState)) })
      .where('plan_id', '=', planId).where('organisation_id', '=', c.organisation_id).execute();
  }
}
