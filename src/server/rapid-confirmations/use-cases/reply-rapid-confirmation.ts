// An addressed ministry replies: permit needed (and which rules), no permit needed, or not its matter (Art. 85(3)–(4)).
// One reply per ministry: a repeat is a 409 (opinion-already-given, or no-such-transition once the replies settled it).
import type { Static } from 'typebox';
import type { Database } from '../../../db/database.ts';
import { calendarOf } from '../../calendar/provider.ts';
import type { Caller } from '../../write/caller.ts';
import { invalid, ruleFailure, runRapidWrite, transition } from '../rapid-rules.ts';
import type { RapidReplyInput } from '../../../contract/rapid-confirmations.ts';
import { notifyRequest, replyStatus, settle } from '../store.ts';

export function replyRapidConfirmation(db: Database, caller: Caller, id: string, body: Static<typeof RapidReplyInput>): Promise<void> {
  return runRapidWrite(db, caller, id, 'rapid-confirmation:reply', async ({ trx, actor, today, audit }, r) => {
    if (body.answer === 'permit_needed' && body.rules === null) throw invalid([{ path: '/body/rules', keyword: 'required' }]);
    // Authorisation checked that the request is addressed to the actor's ministry.
    const own = r.replies.find((x) => x.organisation_id === actor.organisationId)!;
    if (r.state !== 'forwarded') throw transition('reply', r.state, '—');
    if (own.replied_on !== null && !own.deemed) throw ruleFailure('opinion-already-given', 'RFZ Act Art. 85(4)', { repliedOn: own.replied_on });
    const calendar = calendarOf(db);
    const s = replyStatus(own, today, calendar);
    // Too late: silence already meant "no permit needed" (Art. 85(5)), whether or not the scan has recorded it yet.
    if (s.status === 'deemed_no_permit_needed') throw ruleFailure('rapid-confirmation-deemed', 'RFZ Act Art. 85(5)', { due: s.outcome.due });
    await trx.updateTable('rapid_confirmation_reply').set({ answer: body.answer, rules: body.rules === null ? null : JSON.stringify(body.rules), replied_on: today, replied_by: actor.userId })
      .where('request_id', '=', r.id).where('organisation_id', '=', own.organisation_id).execute();
    const state = await settle(trx, r.id, calendar);
    if (state === null) await trx.updateTable('rapid_confirmation').set({ version: r.version + 1 }).where('id', '=', r.id).execute();
    await audit({ action: 'rapid-confirmation:reply', objectType: 'rapid_confirmation', objectId: r.id, before: { state: r.state }, after: { ministry: own.organisation_id, answer: body.answer, rules: body.rules, state: state ?? r.state } });
    await notifyRequest(trx, r, { state: 'rapid:replied', params: { answer: body.answer, outcome: state ?? 'none' }, actorUserId: actor.userId });
  });
}
