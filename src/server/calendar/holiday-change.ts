// One holiday change run through the one write path: the holiday table locked (two administrators changing
// holidays at once would each recompute on a calendar missing the other's day), the change checked against the
// calendar as it was, the open deadlines it moves recomputed and audited, its own audit entry; the server's calendar
// is rebuilt after commit.
import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { CivilDate } from '../../domain/calendar/civil-date.ts';
import { checkAddHoliday, checkRemoveHoliday } from '../../domain/calendar/one-off-holidays.ts';
import type { Violation } from '../../domain/zones/transition-table.ts';
import { AppError } from '../errors.ts';
import type { Caller } from '../write/caller.ts';
import { runWrite, type WriteContext } from '../write/run-write.ts';
import { calendarWith, readAddedHolidays, refreshCalendar } from './provider.ts';
import { recomputeOpenDeadlines, type MovedDeadline } from './recompute.ts';

const detail = (v: Violation): string => Object.entries(v.params).map(([k, x]) => `${k}=${Array.isArray(x) ? x.join('|') : String(x)}`).join(', ');

/** Adding a date in the past (or today) is a bad field; anything else (already a holiday, removing a past day) is a conflict. */
function refuse(violations: readonly Violation[], action: 'add' | 'remove'): void {
  if (violations.length === 0) return;
  const past = action === 'add' ? violations.filter((v) => v.code === 'holiday-not-in-future') : [];
  if (past.length > 0) {
    throw new AppError('validation', { fields: past.map((v) => ({ path: '/body/date', keyword: 'rule', params: { code: v.code, rule: v.rule, detail: detail(v) } })) });
  }
  throw new AppError('conflict', { params: { reason: violations.map((v) => `${v.code} — ${v.rule} (${detail(v)})`).join('; ') } });
}

export async function changeHoliday(
  db: Database, caller: Caller, date: CivilDate, action: 'add' | 'remove',
  write: (ctx: WriteContext) => Promise<{ before: unknown; after: unknown }>,
): Promise<MovedDeadline[]> {
  const moved = await runWrite(db, caller, {
    action: 'holiday:manage', target: { kind: 'none' },
    lock: async (trx) => { await sql`lock table extra_holiday in share row exclusive mode`.execute(trx); return true; },
    resource: 'holiday',
    apply: async (ctx) => {
      const { trx, today } = ctx;
      const previous = calendarWith(await readAddedHolidays(trx));
      refuse(action === 'add' ? checkAddHoliday({ date, today, calendar: previous }) : checkRemoveHoliday({ date, today, calendar: previous }), action);
      const change = await write(ctx);
      const next = calendarWith(await readAddedHolidays(trx));
      const result = await recomputeOpenDeadlines(ctx, previous, next, { action, date });
      await ctx.audit({ action: `holiday:${action}`, objectType: 'holiday', objectId: date, before: change.before, after: { ...(change.after as object), deadlinesMoved: result.length } });
      return result;
    },
  });
  await refreshCalendar(db);
  return moved;
}
