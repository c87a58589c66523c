// Which deadline notices are due today: each deadline gets one notice per configured offset
// (e.g. 90, 30 and 7 days before), identified by a stable key so that it is sent once, ever.
import { addDays, type CivilDate } from '../calendar/civil-date.ts';

export interface Deadline {
  /** What the deadline belongs to, e.g. `plan:<id>:ministry-reply`. */
  key: string;
  due: CivilDate;
}

export interface DueNotice {
  dedupKey: string;
  deadlineKey: string;
  due: CivilDate;
  /** Days left when the notice is meant to go out (negative: overdue). */
  daysBefore: number;
}

/**
 * For each deadline and offset, the notice is due once `today` has reached `due - offset` and the
 * deadline has not passed yet; an overdue deadline gets one 'overdue' notice (daysBefore = -1).
 * Only the nearest reached offset is returned, so a late start does not send a burst of stale notices.
 */
export function dueNotices(deadlines: readonly Deadline[], offsets: readonly number[], today: CivilDate): DueNotice[] {
  const sorted = [...new Set(offsets)].filter((o) => o >= 0).sort((a, b) => a - b);
  const out: DueNotice[] = [];
  for (const d of deadlines) {
    if (today > d.due) {
      out.push({ dedupKey: `${d.key}:overdue`, deadlineKey: d.key, due: d.due, daysBefore: -1 });
      continue;
    }
    const reached = sorted.find((offset) => addDays(d.due, -offset) <= today);
    if (reached !== undefined) out.push({ dedupKey: `${d.key}:${reached}`, deadlineKey: d.key, due: d.due, daysBefore: reached });
  }
  return out;
}
