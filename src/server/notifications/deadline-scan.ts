// Finds review deadlines that are near or past and notifies the people who must act, once per
// deadline and offset (the dedup key survives restarts). Run as scheduled jobs (src/server/jobs/zonelink-jobs.ts).
import type { Database } from '../../db/database.ts';
import { dueDate } from '../../domain/calendar/clock.ts';
import type { CivilDate } from '../../domain/calendar/civil-date.ts';
import { dueNotices, type Deadline } from '../../domain/notifications/deadline-notices.ts';
import { refreshCalendar } from '../calendar/provider.ts';
import { todayInSeoul } from '../plans/evaluate.ts';
import { listPlans } from '../plans/store.ts';
import { scanZoneDeadlines, scanZoneStates } from '../zones/lifecycle-scan.ts';
import { DEFAULT_ALERT_OFFSETS, type DeadlineKind } from '../../domain/exemptions/deadlines.ts';
import { openDeadlines } from '../exemptions/deadlines.ts';
import { notify, usersOfKind, usersOfRegions } from './notify.ts';
import { remindRapidConfirmations, scanRapidConfirmations } from '../rapid-confirmations/scan.ts';

/** Days before a deadline when notices go out (plus one when it is overdue). */
export const DEFAULT_OFFSETS = [30, 7, 1] as const;

const CLOCK_SUBJECT = {
  decision: { who: ['ministry'] as const, deadline: 'plan-decision', rule: 'Decree Art. 44(1)' },
  ministryReply: { who: ['ministry', 'responsible_ministry'] as const, deadline: 'plan-ministry-reply', rule: 'RFZ Act Art. 75(2)' },
} as const;

/** The article of each exemption deadline (the notice names the deadline in the reader's language). */
const EXEMPTION_RULE: Record<DeadlineKind, string> = {
  extension_window: 'RFZ Act Art. 86(10), 87(9)',
  expiry: 'RFZ Act Art. 86(10)',
  results_report: 'RFZ Act Art. 87(11)',
  amendment_plan: 'RFZ Act Art. 87(6)',
};

/**
 * Exemption deadlines: each holder, the zone's local governments and MSS (and the responsible ministries for
 * an amendment plan) hear once per deadline and offset, in-app and by e-mail; the key survives restarts.
 */
export async function scanExemptionDeadlines(db: Database, options: { today?: CivilDate; offsets?: readonly number[] } = {}): Promise<number> {
  const today = options.today ?? todayInSeoul();
  const offsets = options.offsets ?? DEFAULT_ALERT_OFFSETS;
  // Another process may have changed the one-off holidays since: deadlines are computed on the current calendar.
  await refreshCalendar(db);
  const ministry = await usersOfKind(db, 'ministry');
  const responsible = await usersOfKind(db, 'responsible_ministry');
  let sent = 0;
  for (const d of await openDeadlines(db)) {
    for (const notice of dueNotices([d], offsets, today)) {
      const holders = d.exemption.holders.length === 0 ? [] : (await db.selectFrom('app_user').select('id').where('organisation_id', 'in', d.exemption.holders).where('disabled_at', 'is', null).execute()).map((u) => u.id);
      const regions = (await db.selectFrom('zone_region').select('region_code').where('zone_id', '=', d.exemption.zone.id).execute()).map((r) => r.region_code);
      const users = [...new Set([...holders, ...(await usersOfRegions(db, regions)), ...ministry, ...(d.kind === 'amendment_plan' ? responsible : [])])];
      sent += await db.transaction().execute((trx) => notify(trx, {
        userIds: users,
        kind: notice.daysBefore < 0 ? 'deadline-overdue' : 'deadline-approaching',
        params: { subject: d.exemption.title, deadline: `exemption-${d.kind}`, rule: EXEMPTION_RULE[d.kind], due: notice.due, days: Math.max(notice.daysBefore, 0) },
        link: `/exemptions/${d.exemption.id}`, objectType: 'exemption', objectId: d.exemption.id, dedupKey: notice.dedupKey,
      }));
    }
  }
  return sent;
}

export async function scanDeadlines(db: Database, options: { today?: CivilDate; offsets?: readonly number[] } = {}): Promise<number> {
  const today = options.today ?? todayInSeoul();
  const offsets = options.offsets ?? DEFAULT_OFFSETS;
  const calendar = await refreshCalendar(db);
  const plans = await listPlans(db);
  let sent = 0;
  for (const plan of plans) {
    for (const name of ['decision', 'ministryReply'] as const) {
      const clock = plan.clocks[name];
      if (!clock || clock.stoppedOn !== null) continue;
      const due = dueDate(clock.state, calendar);
      if (!due) continue; // paused for a supplement: no deadline runs
      const deadline: Deadline = { key: `plan:${plan.id}:${name}`, due: due.due };
      for (const notice of dueNotices([deadline], offsets, today)) {
        const spec = CLOCK_SUBJECT[name];
        const users = (await Promise.all(spec.who.map((kind) => usersOfKind(db, kind)))).flat();
        const created = await db.transaction().execute((trx) => notify(trx, {
          userIds: users,
          kind: notice.daysBefore < 0 ? 'deadline-overdue' : 'deadline-approaching',
          params: { subject: plan.content.title, deadline: spec.deadline, rule: spec.rule, due: notice.due, days: Math.max(notice.daysBefore, 0) },
          link: `/plans/${plan.id}`, objectType: 'zone_plan', objectId: plan.id, dedupKey: notice.dedupKey,
        }));
        sent += created;
      }
    }
  }
  // Zones after designation: expiry and closure first (each once), then their deadline notices.
  await scanZoneStates(db, today);
  sent += await scanZoneDeadlines(db, today, offsets);
  // Rapid confirmations: a ministry silent past its 30 days has answered "no permit needed" (Art. 85(5)), once.
  await scanRapidConfirmations(db, today);
  sent += await remindRapidConfirmations(db, today, offsets);
  return sent;
}
