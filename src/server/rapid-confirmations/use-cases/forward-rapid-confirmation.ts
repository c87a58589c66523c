// The zone's local government forwards the request to the responsible ministries; each one's 30-day clock starts
// (Art. 85(2)–(4); Decree Art. 56). Forwarded again: 409 (no longer filed).
import type { Database } from '../../../db/database.ts';
import { rapidConfirmationClock } from '../../../domain/exemptions/validity.ts';
import type { Caller } from '../../write/caller.ts';
import { usersOfOrganisation } from '../../zones/notify-zone.ts';
import { invalid, runRapidWrite, transition } from '../rapid-rules.ts';
import { notifyRequest } from '../store.ts';

export function forwardRapidConfirmation(db: Database, caller: Caller, id: string, ministryIds: readonly string[]): Promise<void> {
  return runRapidWrite(db, caller, id, 'rapid-confirmation:forward', async ({ trx, actor, today, audit }, r) => {
    const extra = ministryIds.length === 0 ? [] : await trx.selectFrom('organisation').select(['id', 'kind']).where('id', 'in', ministryIds).execute();
    if (extra.length !== ministryIds.length || extra.some((o) => o.kind !== 'responsible_ministry')) throw invalid([{ path: '/body/ministryIds', keyword: 'invalid' }]);
    if (r.state !== 'filed') throw transition('forward', r.state, '—');
    // The ministries whose regulations the request names (regulation.ministry = organisation.ministry_code).
    const codes = [...new Set((await trx.selectFrom('regulation').select('ministry').where('id', 'in', r.regulation_ids).execute()).map((x) => x.ministry))];
    const byCode = codes.length === 0 ? [] : (await trx.selectFrom('organisation').select('id').where('kind', '=', 'responsible_ministry').where('ministry_code', 'in', codes).execute()).map((o) => o.id);
    const ministries = [...new Set([...byCode, ...(r.ministry_id ? [r.ministry_id] : []), ...ministryIds])].sort();
    if (ministries.length === 0) throw invalid([{ path: '/body/ministryIds', keyword: 'minItems', params: { limit: 1 } }]);
    const clock = JSON.stringify(rapidConfirmationClock(today));
    await trx.insertInto('rapid_confirmation_reply').values(ministries.map((m) => ({ request_id: r.id, organisation_id: m, notified_on: today, clock, supplement_request: null, answer: null, rules: null, replied_on: null, replied_by: null }))).execute();
    await trx.updateTable('rapid_confirmation').set({ state: 'forwarded', forwarded_on: today, version: r.version + 1 }).where('id', '=', r.id).execute();
    await audit({ action: 'rapid-confirmation:forward', objectType: 'rapid_confirmation', objectId: r.id, before: { state: r.state }, after: { state: 'forwarded', ministries } });
    const also = (await Promise.all(ministries.map((m) => usersOfOrganisation(trx, m)))).flat();
    await notifyRequest(trx, r, { state: 'rapid:forwarded', params: { rule: 'RFZ Act Art. 85(4)' }, actorUserId: actor.userId, also });
  });
}
