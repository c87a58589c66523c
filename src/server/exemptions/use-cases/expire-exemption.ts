// MSS records that the term has ended (not while deemed valid during a law amendment); the results report is due
// 30 days later (Act Art. 86(10), 87(11)). Recorded again: 409 (already expired).
import type { Database } from '../../../db/database.ts';
import { calendarOf } from '../../calendar/provider.ts';
import type { Caller } from '../../write/caller.ts';
import { moveExemption, runExemptionWrite } from '../exemption-write.ts';
import { refuse } from '../refuse.ts';
import { computeValidity, zoneTerm } from '../view.ts';

export function expireExemption(db: Database, caller: Caller, id: string): Promise<void> {
  return runExemptionWrite(db, caller, id, 'exemption:expire', async ({ trx, today, audit }, row) => {
    const zone = await trx.selectFrom('zone').select(['period_start', 'period_end']).where('id', '=', row.zone_id).executeTakeFirstOrThrow();
    const validity = computeValidity(row, zoneTerm(zone), today, calendarOf(db));
    if (validity.status !== 'expired') refuse([{ code: 'validity-not-ended', rule: validity.rule, params: { status: validity.status, validThrough: validity.validThrough } }]);
    const to = moveExemption(row.state, 'expire', 'ministry', { 'validity-ended': true });
    await trx.updateTable('exemption').set({ state: to, updated_at: new Date() }).where('id', '=', row.id).execute();
    await audit({ action: 'exemption:expire', objectType: 'exemption', objectId: row.id, before: { state: row.state }, after: { state: to, validUntil: row.valid_until } });
  });
}
