// An MSS administrator removes a one-off holiday still in the future; open deadlines move back. Removed again: 404.
import type { Database } from '../../../db/database.ts';
import type { CivilDate } from '../../../domain/calendar/civil-date.ts';
import { notFound } from '../../errors.ts';
import type { Caller } from '../../write/caller.ts';
import { changeHoliday } from '../holiday-change.ts';
import type { MovedDeadline } from '../recompute.ts';

export function removeHoliday(db: Database, caller: Caller, date: CivilDate): Promise<MovedDeadline[]> {
  return changeHoliday(db, caller, date, 'remove', async ({ trx }) => {
    const gone = await trx.deleteFrom('extra_holiday').where('day', '=', date).returning(['day', 'name', 'basis']).execute();
    if (gone.length === 0) throw notFound('holiday');
    return { before: { date, name: gone[0]!.name, basis: gone[0]!.basis }, after: null };
  });
}
