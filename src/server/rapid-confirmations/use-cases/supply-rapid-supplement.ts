// The company supplies what a ministry asked for; that ministry's clock runs again (Art. 85(4)).
// Supplied again: 409 (the clock is not paused).
import type { Database } from '../../../db/database.ts';
import { resumeClock, type ClockState } from '../../../domain/calendar/clock.ts';
import type { Caller } from '../../write/caller.ts';
import { usersOfOrganisation } from '../../zones/notify-zone.ts';
import { clockFailure, invalid, runRapidWrite } from '../rapid-rules.ts';
import { notifyRequest } from '../store.ts';

export function supplyRapidSupplement(db: Database, caller: Caller, id: string, ministryId: string): Promise<void> {
  return runRapidWrite(db, caller, id, 'rapid-confirmation:supplement', async ({ trx, actor, today, audit }, r) => {
    const row = r.replies.find((x) => x.organisation_id === ministryId);
    if (!row) throw invalid([{ path: '/body/ministryId', keyword: 'invalid' }]);
    const resumed = resumeClock(row.clock as ClockState, today);
    if (!resumed.ok) throw clockFailure(resumed.error);
    await trx.updateTable('rapid_confirmation_reply').set({ clock: JSON.stringify(resumed.state) }).where('request_id', '=', r.id).where('organisation_id', '=', row.organisation_id).execute();
    await trx.updateTable('rapid_confirmation').set({ version: r.version + 1 }).where('id', '=', r.id).execute();
    await audit({ action: 'rapid-confirmation:supplement', objectType: 'rapid_confirmation', objectId: r.id, before: null, after: { ministry: row.organisation_id, on: today } });
    await notifyRequest(trx, r, { state: 'rapid:supplement_provided', actorUserId: actor.userId, also: await usersOfOrganisation(trx, row.organisation_id) });
  });
}
