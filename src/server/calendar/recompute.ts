// When the one-off holidays change, the deadlines still open move with the calendar. Exemption deadlines are
// computed when read, so only the change is recorded; dates stored in the database (a zone's post-management end,
// Act Art. 84(2)) are recomputed. Every moved deadline gets an audit entry in the holiday change's transaction.
import { civilDate, type CivilDate } from '../../domain/calendar/civil-date.ts';
import type { HolidayCalendar } from '../../domain/calendar/holidays.ts';
import { postManagementEnd } from '../../domain/zones/procedure.ts';
import type { SystemContext } from '../write/run-write.ts';
import { openDeadlines } from '../exemptions/deadlines.ts';

export interface MovedDeadline {
  objectType: 'exemption' | 'zone';
  objectId: string;
  kind: string;
  before: string;
  after: string;
}

/** The holiday change that moved them, for the audit entries. */
export interface HolidayChange { action: 'add' | 'remove'; date: CivilDate }

/** Deadlines due today or later that differ between the two calendars; stored ones are updated. Run inside the change's write. */
export async function recomputeOpenDeadlines(ctx: SystemContext, previous: HolidayCalendar, next: HolidayCalendar, change: HolidayChange): Promise<MovedDeadline[]> {
  const { trx, today } = ctx;
  const moved: MovedDeadline[] = [];
  const old = new Map((await openDeadlines(trx, undefined, previous)).map((d) => [d.key, d]));
  for (const d of await openDeadlines(trx, undefined, next)) {
    const was = old.get(d.key);
    if (was && was.due !== d.due && (was.due >= today || d.due >= today)) {
      moved.push({ objectType: 'exemption', objectId: d.exemption.id, kind: d.kind, before: was.due, after: d.due });
    }
  }
  // Post-management: 2 years after the zone ended (Act Art. 84(2); Decree Art. 55(3)), stored on the zone.
  const zones = await trx.selectFrom('zone').select(['id', 'ended_on', 'post_management_until'])
    .where('state', '=', 'post_management').where('ended_on', 'is not', null).where('post_management_until', '>=', today).execute();
  for (const z of zones) {
    const until = postManagementEnd(civilDate(z.ended_on!), next);
    if (until === z.post_management_until) continue;
    await trx.updateTable('zone').set({ post_management_until: until }).where('id', '=', z.id).execute();
    moved.push({ objectType: 'zone', objectId: z.id, kind: 'post_management_end', before: z.post_management_until!, after: until });
  }
  for (const m of moved) {
    await ctx.audit({
      action: 'calendar:deadline-moved', objectType: m.objectType, objectId: m.objectId,
      before: { deadline: m.kind, due: m.before }, after: { deadline: m.kind, due: m.after, holiday: change },
    });
  }
  return moved;
}
