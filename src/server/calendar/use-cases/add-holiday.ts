// An MSS administrator adds a one-off holiday (Regulations on Holidays of Government Offices Art. 2 item 12): a
// future day not already a holiday; open deadlines move with it. Added again: 409 (already a holiday).
import type { Database } from '../../../db/database.ts';
import type { CivilDate } from '../../../domain/calendar/civil-date.ts';
import type { I18nText } from '../../../domain/i18n-text.ts';
import type { Caller } from '../../write/caller.ts';
import { changeHoliday } from '../holiday-change.ts';
import type { MovedDeadline } from '../recompute.ts';

export function addHoliday(db: Database, caller: Caller, input: { date: CivilDate; name: I18nText; basis: string }): Promise<MovedDeadline[]> {
  const { date, name, basis } = input;
  return changeHoliday(db, caller, date, 'add', async ({ trx, actor }) => {
    await trx.insertInto('extra_holiday').values({ day: date, name: JSON.stringify(name), basis, created_by: actor.userId }).execute();
    return { before: null, after: { date, name, basis } };
  });
}
