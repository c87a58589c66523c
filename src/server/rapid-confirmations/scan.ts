// The rapid-confirmation part of the deadline scan: a ministry silent past its 30 days (supplement time not counted,
// Art. 85(4)) is deemed to have answered "no permit needed" (Art. 85(5)). Each deemed answer is recorded once — the
// request is locked and the reply re-read — audited, and the company, the zone's governments and MSS are told.
import type { Database } from '../../db/database.ts';
import type { CivilDate } from '../../domain/calendar/civil-date.ts';
import { appendAudit } from '../audit/append.ts';
import { calendarOf } from '../calendar/provider.ts';
import { loadRequest, notifyRequest, recordDeemed, replyStatus, settle } from './store.ts';

/** Returns how many deemed answers were recorded; a second run on the same day records none. */
export async function scanRapidConfirmations(db: Database, today: CivilDate): Promise<number> {
  const open = await db.selectFrom('rapid_confirmation_reply').innerJoin('rapid_confirmation', 'rapid_confirmation.id', 'rapid_confirmation_reply.request_id')
    .select(['rapid_confirmation_reply.request_id', 'rapid_confirmation_reply.organisation_id'])
    .where('rapid_confirmation.state', '=', 'forwarded').where('rapid_confirmation_reply.replied_on', 'is', null).execute();
  const calendar = calendarOf(db);
  let recorded = 0;
  for (const { request_id: id, organisation_id: ministry } of open) {
    recorded += await db.transaction().execute(async (trx) => {
      const r = await loadRequest(trx, id, { forUpdate: true });
      const reply = r?.replies.find((x) => x.organisation_id === ministry);
      if (!r || !reply || r.state !== 'forwarded' || reply.replied_on !== null) return 0;
      const s = replyStatus(reply, today, calendar);
      if (s.status !== 'deemed_no_permit_needed' || s.outcome.due === null) return 0;
      await recordDeemed(trx, id, ministry, s.outcome.due);
      const state = await settle(trx, id, calendar);
      await appendAudit(trx, { requestId: null, actorUserId: null, actorOrganisationId: null, action: 'rapid-confirmation:deemed', objectType: 'rapid_confirmation', objectId: id, before: { ministry, state: r.state }, after: { ministry, answer: 'no_permit_needed', due: s.outcome.due, state: state ?? r.state } });
      await notifyRequest(trx, r, { state: `no reply by ${s.outcome.due}: "no permit needed" is deemed answered (Art. 85(5))`, actorUserId: null, dedupKey: `rapid:${id}:${ministry}:deemed` });
      return 1;
    });
  }
  return recorded;
}
