// The system records a ministry's silence past its 30 days as "no permit needed" (RFZ Act Art. 85(5)), once: the
// request is locked and the reply re-read, so a second scan (or a second node) records nothing and audits nothing.
import type { Database } from '../../../db/database.ts';
import type { CivilDate } from '../../../domain/calendar/civil-date.ts';
import { calendarOf } from '../../calendar/provider.ts';
import { runSystemWrite, SYSTEM } from '../../write/run-write.ts';
import { loadRequest, notifyRequest, recordDeemed, replyStatus, settle } from '../store.ts';

/** 1 when the deemed answer was recorded now, 0 when there was nothing (left) to record. */
export function recordDeemedReply(db: Database, id: string, ministry: string, today: CivilDate): Promise<number> {
  const calendar = calendarOf(db);
  return runSystemWrite(db, SYSTEM, async ({ trx, audit }) => {
    const r = await loadRequest(trx, id, { forUpdate: true });
    const reply = r?.replies.find((x) => x.organisation_id === ministry);
    if (!r || !reply || r.state !== 'forwarded' || reply.replied_on !== null) return 0;
    const s = replyStatus(reply, today, calendar);
    if (s.status !== 'deemed_no_permit_needed' || s.outcome.due === null) return 0;
    await recordDeemed(trx, id, ministry, s.outcome.due);
    const state = await settle(trx, id, calendar);
    await audit({ action: 'rapid-confirmation:deemed', objectType: 'rapid_confirmation', objectId: id, before: { ministry, state: r.state }, after: { ministry, answer: 'no_permit_needed', due: s.outcome.due, state: state ?? r.state } });
    await notifyRequest(trx, r, { state: 'rapid:deemed', params: { due: s.outcome.due, rule: 'RFZ Act Art. 85(5)' }, actorUserId: null, dedupKey: `rapid:${id}:${ministry}:deemed` });
    return 1;
  });
}
