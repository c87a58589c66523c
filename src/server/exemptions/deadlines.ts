// Every open exemption deadline (src/domain/exemptions/deadlines.ts), with who must hear of it: the holders,
// the zone's local governments and MSS — and the responsible ministries for their amendment plans.
import type { Database } from '../../db/database.ts';
import type { CivilDate } from '../../domain/calendar/civil-date.ts';
import type { HolidayCalendar } from '../../domain/calendar/holidays.ts';
import type { DeadlineKind } from '../../domain/exemptions/deadlines.ts';
import type { I18nText } from '../../domain/i18n-text.ts';
import { loadExemptions } from './view.ts';

export interface OpenDeadline {
  key: string;
  kind: DeadlineKind;
  due: CivilDate;
  closes: boolean;
  /** A closed window stays on the watch list until the term's last day. */
  watchUntil?: CivilDate;
  rule: string;
  exemption: { id: string; title: I18nText; state: string; holders: string[]; zone: { id: string; name: I18nText } };
}

/** Open deadlines of the exemptions `ids` (all when omitted), from the same view the API serves. */
export async function openDeadlines(db: Database, ids?: readonly string[], calendar?: HolidayCalendar): Promise<OpenDeadline[]> {
  const list = ids ?? (await db.selectFrom('exemption').select('id').where('state', 'not in', ['law_amended', 'ended', 'cancelled', 'withdrawn', 'declined', 'returned']).execute()).map((r) => r.id);
  const out: OpenDeadline[] = [];
  for (const e of await loadExemptions(db, list, calendar)) {
    for (const d of e.lifecycle.deadlines) {
      out.push({
        key: d.key, kind: d.kind, due: d.due, closes: d.closes, rule: d.rule, ...(d.watchUntil ? { watchUntil: d.watchUntil } : {}),
        exemption: { id: e.id, title: e.title, state: e.state, holders: e.holders, zone: { id: e.zone.id, name: e.zone.name } },
      });
    }
  }
  return out;
}
