// The rapid-confirmation part of the deadline scan: a ministry silent past its 30 days (supplement time not counted,
// Art. 85(4)) is deemed to have answered "no permit needed" (Art. 85(5)). Each deemed answer is recorded once — the
// request is locked and the reply re-read — audited, and the company, the zone's governments and MSS are told.
// Ministries still within their period are reminded before their due day, once per offset (dedup keys).
import type { Database } from '../../db/database.ts';
import type { CivilDate } from '../../domain/calendar/civil-date.ts';
import { clipText } from '../../domain/i18n-text.ts';
import { dueNotices } from '../../domain/notifications/deadline-notices.ts';
import { calendarOf } from '../calendar/provider.ts';
import { notify } from '../notifications/notify.ts';
import { usersOfOrganisation } from '../zones/notify-zone.ts';
import { loadRequest, replyStatus } from './store.ts';
import { recordDeemedReply } from './use-cases/record-deemed-reply.ts';

/** Returns how many deemed answers were recorded; a second run on the same day records none. */
export async function scanRapidConfirmations(db: Database, today: CivilDate): Promise<number> {
  const open = await db.selectFrom('rapid_confirmation_reply').innerJoin('rapid_confirmation', 'rapid_confirmation.id', 'rapid_confirmation_reply.request_id')
    .select(['rapid_confirmation_reply.request_id', 'rapid_confirmation_reply.organisation_id'])
    .where('rapid_confirmation.state', '=', 'forwarded').where('rapid_confirmation_reply.replied_on', 'is', null).execute();
  let recorded = 0;
  for (const { request_id: id, organisation_id: ministry } of open) {
    recorded += await recordDeemedReply(db, id, ministry, today);
  }
  return recorded;
}

/** Reminds each addressed ministry of its running 30-day period (not while paused); returns the notices created. */
export async function remindRapidConfirmations(db: Database, today: CivilDate, offsets: readonly number[]): Promise<number> {
  const open = await db.selectFrom('rapid_confirmation_reply').innerJoin('rapid_confirmation', 'rapid_confirmation.id', 'rapid_confirmation_reply.request_id')
    .select(['rapid_confirmation_reply.request_id']).distinct()
    .where('rapid_confirmation.state', '=', 'forwarded').where('rapid_confirmation_reply.replied_on', 'is', null).execute();
  const calendar = calendarOf(db);
  let sent = 0;
  for (const { request_id: id } of open) {
    const r = await loadRequest(db, id);
    if (!r) continue;
    for (const reply of r.replies) {
      const s = replyStatus(reply, today, calendar);
      if (s.status !== 'pending' || s.outcome.due === null) continue;
      const users = await usersOfOrganisation(db, reply.organisation_id);
      for (const notice of dueNotices([{ key: `rapid:${id}:${reply.organisation_id}:reply`, due: s.outcome.due }], offsets.filter((o) => o > 0), today)) {
        sent += await db.transaction().execute((trx) => notify(trx, {
          userIds: users, kind: 'deadline-approaching', params: { subject: clipText(r.activity, 80), about: 'rapid', deadline: 'rapid-reply', rule: 'RFZ Act Art. 85(4)', due: notice.due, days: notice.daysBefore },
          link: `/rapid-confirmations/${id}`, objectType: 'rapid_confirmation', objectId: id, dedupKey: notice.dedupKey,
        }));
      }
    }
  }
  return sent;
}
