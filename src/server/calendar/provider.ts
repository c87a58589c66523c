// The one holiday calendar every deadline computation of a running server uses: the package data plus the
// administrator-added one-off holidays (table extra_holiday). Pure rules take the calendar as input; the server
// holds the current one per database and rebuilds it when the holidays change (in the same process at once,
// in other processes at their next deadline scan). See docs/decisions/0012-holidays.md.
import type { Database } from '../../db/database.ts';
import { civilDate, type CivilDate } from '../../domain/calendar/civil-date.ts';
import { createHolidayCalendar, defaultCalendar, type HolidayCalendar } from '../../domain/calendar/holidays.ts';
import type { I18nText } from '../../domain/i18n-text.ts';

export interface AddedHoliday {
  date: CivilDate;
  name: I18nText;
  basis: string;
  createdBy: string | null;
  createdAt: string;
}

const current = new WeakMap<Database, HolidayCalendar>();

/** The administrator-added one-off holidays, by date. */
export async function readAddedHolidays(db: Database): Promise<AddedHoliday[]> {
  const rows = await db.selectFrom('extra_holiday').select(['day', 'name', 'basis', 'created_by', 'created_at']).orderBy('day').execute();
  return rows.map((r) => ({ date: civilDate(r.day), name: r.name as I18nText, basis: r.basis, createdBy: r.created_by, createdAt: r.created_at.toISOString() }));
}

/** A calendar of the package data plus these added days (their Korean names). */
export function calendarWith(added: readonly Pick<AddedHoliday, 'date' | 'name'>[]): HolidayCalendar {
  return createHolidayCalendar({ extra: added.map((h) => ({ date: h.date, name: h.name.ko })) });
}

/** Reads the added holidays (through `reader`, e.g. a transaction) and makes the result the calendar of `db`. */
export async function refreshCalendar(db: Database, reader: Database = db): Promise<HolidayCalendar> {
  const calendar = calendarWith(await readAddedHolidays(reader));
  current.set(db, calendar);
  return calendar;
}

/** The current calendar of `db` (the root database, not a transaction); the package data alone until first refreshed. */
export function calendarOf(db: Database): HolidayCalendar {
  if (db.isTransaction) throw new Error('calendarOf needs the root database, not a transaction');
  return current.get(db) ?? defaultCalendar();
}
