// The zone part of the deadline scan: zones managed on ZoneLink expire when their period ends and close when
// their two years of post-management are over (each move once: the state is checked under a row lock), and
// notices go out once per deadline and offset (dedup keys): yearly evaluations, the designation period's end,
// the ministries' 15-day reply on a change, and post-management data requests. Reference zones stay as published.
import type { Database } from '../../db/database.ts';
import { civilDate, type CivilDate } from '../../domain/calendar/civil-date.ts';
import { dueNotices, type Deadline } from '../../domain/notifications/deadline-notices.ts';
import { evaluationDue, evaluationYears } from '../../domain/zones/zone-evaluation.ts';
import type { NotificationParams } from '../../i18n/notifications/index.ts';
import { notify, usersOfKind, usersOfRegions } from '../notifications/notify.ts';
import { calendarOf } from '../calendar/provider.ts';
import { usersOfOrganisation } from './notify-zone.ts';
import { moveZoneByDate } from './use-cases/move-zone-by-date.ts';

const OPERATING = ['designated', 'evaluated', 'extended'] as const;

/** Expiry and closure; returns the number of zones moved. Idempotent: a second run on the same day moves nothing. */
export async function scanZoneStates(db: Database, today: CivilDate): Promise<number> {
  const candidates = await db.selectFrom('zone').select('id').where('source', '=', 'platform')
    .where((eb) => eb.or([
      eb.and([eb('state', 'in', [...OPERATING]), eb('period_end', '<', today)]),
      eb.and([eb('state', '=', 'post_management'), eb('post_management_until', '<', today)]),
    ])).execute();
  let moved = 0;
  for (const { id } of candidates) moved += await moveZoneByDate(db, id, today);
  return moved;
}

/** Deadline notices of one deadline: `about` names the zone, the deadline and its article (and a year). */
async function send(db: Database, userIds: readonly string[], deadline: Deadline, offsets: readonly number[], today: CivilDate, about: NotificationParams, link: string, objectType: string, objectId: string): Promise<number> {
  let sent = 0;
  for (const notice of dueNotices([deadline], offsets, today)) {
    sent += await db.transaction().execute((trx) => notify(trx, {
      userIds, kind: notice.daysBefore < 0 ? 'deadline-overdue' : 'deadline-approaching', params: { ...about, due: notice.due, days: Math.max(notice.daysBefore, 0) },
      link, objectType, objectId, dedupKey: notice.dedupKey,
    }));
  }
  return sent;
}

/** Deadline notices of zones after designation; returns how many notifications were created. */
export async function scanZoneDeadlines(db: Database, today: CivilDate, offsets: readonly number[]): Promise<number> {
  let sent = 0;
  const ministry = await usersOfKind(db, 'ministry');
  const zones = await db.selectFrom('zone').select(['id', 'name', 'state', 'period_start', 'period_end']).where('source', '=', 'platform').where('state', 'in', [...OPERATING]).execute();
  for (const z of zones) {
    if (!z.period_start || !z.period_end) continue;
    const link = `/zones/${z.id}`;
    const regions = (await db.selectFrom('zone_region').select('region_code').where('zone_id', '=', z.id).execute()).map((r) => r.region_code);
    const governments = await usersOfRegions(db, regions);
    // Yearly evaluation (Art. 83; due 30 November of the next year, policy): MSS evaluates.
    const recorded = new Set((await db.selectFrom('zone_evaluation').select('year').where('zone_id', '=', z.id).execute()).map((r) => r.year));
    for (const year of evaluationYears(civilDate(z.period_start), civilDate(z.period_end), today)) {
      if (recorded.has(year)) continue;
      sent += await send(db, ministry, { key: `zone:${z.id}:evaluation:${year}`, due: evaluationDue(year, calendarOf(db)) }, offsets, today, { subject: z.name, deadline: 'zone-evaluation', year, rule: 'RFZ Act Art. 83' }, link, 'zone', z.id);
    }
    // End of the designation period: the last moment to decide an extension (Art. 81).
    sent += await send(db, [...new Set([...governments, ...ministry])], { key: `zone:${z.id}:period-end:${z.period_end}`, due: civilDate(z.period_end) }, offsets.filter((o) => o > 0), today, { subject: z.name, deadline: 'zone-period-end', rule: 'Decree Art. 44(3)2' }, link, 'zone', z.id);
  }
  // The ministries' 15-day reply on a change under review (Art. 81(2) applying 75(2)).
  const changes = await db.selectFrom('zone_change').innerJoin('zone', 'zone.id', 'zone_change.zone_id').select(['zone_change.id', 'zone_change.zone_id', 'zone_change.reply_due', 'zone.name'])
    .where('zone_change.state', '=', 'under_review').where('zone_change.reply_due', 'is not', null).execute();
  const responsible = await usersOfKind(db, 'responsible_ministry');
  for (const c of changes) {
    sent += await send(db, [...new Set([...ministry, ...responsible])], { key: `zone-change:${c.id}:reply`, due: civilDate(c.reply_due!) }, offsets, today, { subject: c.name, deadline: 'zone-change-reply', rule: 'RFZ Act Art. 81(2)' }, `/zones/${c.zone_id}`, 'zone_change', c.id);
  }
  // Post-management data requests not yet answered (Art. 84(2)).
  const requests = await db.selectFrom('zone_data_request').innerJoin('zone', 'zone.id', 'zone_data_request.zone_id')
    .select(['zone_data_request.id', 'zone_data_request.zone_id', 'zone_data_request.organisation_id', 'zone_data_request.due_on', 'zone.name']).where('zone_data_request.answered_on', 'is', null).execute();
  for (const r of requests) {
    sent += await send(db, await usersOfOrganisation(db, r.organisation_id), { key: `zone-data:${r.id}`, due: civilDate(r.due_on) }, offsets, today, { subject: r.name, deadline: 'zone-data', rule: 'RFZ Act Art. 84(2)' }, `/zones/${r.zone_id}`, 'zone_data_request', r.id);
  }
  return sent;
}
