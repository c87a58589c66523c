// The committee decides between disagreeing ministries within 30 days (Art. 85(7)); recorded by MSS.
// Decided again: 409 (no longer before the committee).
import type { Static } from 'typebox';
import type { Database } from '../../../db/database.ts';
import type { Caller } from '../../write/caller.ts';
import { usersOfOrganisation } from '../../zones/notify-zone.ts';
import { runRapidWrite, transition } from '../rapid-rules.ts';
import type { RapidDecisionInput } from '../../../contract/rapid-confirmations.ts';
import { notifyRequest } from '../store.ts';

export function decideRapidConfirmation(db: Database, caller: Caller, id: string, body: Static<typeof RapidDecisionInput>): Promise<void> {
  return runRapidWrite(db, caller, id, 'rapid-confirmation:decide', async ({ trx, actor, today, audit }, r) => {
    if (r.state !== 'committee') throw transition('decide', r.state, '—');
    await trx.updateTable('rapid_confirmation').set({ state: 'decided', committee_decision: body.decision, committee_note: body.note === null ? null : JSON.stringify(body.note), decided_on: today, version: r.version + 1 })
      .where('id', '=', r.id).execute();
    await audit({ action: 'rapid-confirmation:decide', objectType: 'rapid_confirmation', objectId: r.id, before: { state: r.state }, after: { state: 'decided', decision: body.decision, decidedOn: today, due: r.committee_due } });
    const also = (await Promise.all(r.replies.map((x) => usersOfOrganisation(trx, x.organisation_id)))).flat();
    await notifyRequest(trx, r, { state: 'rapid:decided', params: { answer: body.decision }, actorUserId: actor.userId, also });
  });
}
