/**
 * Rules for administrator-added one-off holidays (Regulations on Holidays of Government Offices Art. 2 item 12:
 * "days the government designates from time to time"), as pure checks. See docs/decisions/0012-holidays.md.
 *
 * - Only future days (after today in Asia/Seoul) may be added or removed: a deadline that ran over a past day
 *   has already expired or been met, and changing the calendar behind it would silently change what was
 *   lawful then. A correction of the past is a data repair, not an administrator action.
 * - A day that is already a non-business day (a Saturday, Sunday, package holiday or added day) cannot be
 *   added: it would change no deadline (Civil Act Art. 161 treats them alike) and would only hide the
 *   package's name for the day.
 * - Only administrator-added days can be removed; the package's days come from the gazette.
 */
import { isSaturday, type CivilDate } from './civil-date.ts';
import type { HolidayCalendar } from './holidays.ts';
import type { Violation } from '../zones/transition-table.ts';

const RULE = 'Regulations on Holidays of Government Offices Art. 2 item 12';

export function checkAddHoliday(input: { readonly date: CivilDate; readonly today: CivilDate; readonly calendar: HolidayCalendar }): Violation[] {
  const violations: Violation[] = [];
  if (input.date <= input.today) violations.push({ code: 'holiday-not-in-future', rule: RULE, params: { date: input.date, today: input.today } });
  const names = [...(isSaturday(input.date) ? ['토요일'] : []), ...input.calendar.holidayNames(input.date)];
  if (names.length > 0) violations.push({ code: 'already-a-holiday', rule: 'Civil Act Art. 161; ' + RULE, params: { date: input.date, names } });
  return violations;
}

export function checkRemoveHoliday(input: { readonly date: CivilDate; readonly today: CivilDate; readonly calendar: HolidayCalendar }): Violation[] {
  if (!input.calendar.extra.some((h) => h.date === input.date)) return [{ code: 'not-an-added-holiday', rule: RULE, params: { date: input.date } }];
  if (input.date <= input.today) return [{ code: 'holiday-not-in-future', rule: RULE, params: { date: input.date, today: input.today } }];
  return [];
}
