// An addressed ministry asks the company for a supplement; its clock stops until the supplement arrives (Art. 85(4)).
// Asked again while paused: 409 (the clock is already paused).
import type { Database } from '../../../db/database.ts';
import { pauseClock, type ClockState } from '../../../domain/calendar/clock.ts';
import type { I18nText } from '../../../domain/i18n-text.ts';
import { calendarOf } from '../../calendar/provider.ts';
import type { Caller } from '../../write/caller.ts';
import { clockFailure, ruleFailure, runRapidWrite, transition } from '../rapid-rules.ts';
import { notifyRequest, replyStatus } from '../store.ts';

export function requestRapidSupplement(db: Database, caller: Caller, id: string, request: I18nText): Promise<void> {
  return runRapidWrite(db, caller, id, 'rapid-confirmation:reply', async ({ trx, actor, today, audit }, r) => {
    const own = r.replies.find((x) => x.organisation_id === actor.organisationId)!;
    if (r.state !== 'forwarded' || own.replied_on !== null) throw transition('request_supplement', own.replied_on !== null ? 'answered' : r.state, '—');
    const s = replyStatus(own, today, calendarOf(db));
    if (s.status === 'deemed_no_permit_needed') throw ruleFailure('rapid-confirmation-deemed', 'RFZ Act Art. 85(5)', { due: s.outcome.due });
    const paused = pauseClock(own.clock as ClockState, today);
    if (!paused.ok) throw clockFailure(paused.error);
    await trx.updateTable('rapid_confirmation_reply').set({ clock: JSON.stringify(paused.state), supplement_request: JSON.stringify(request) })
      .where('request_id', '=', r.id).where('organisation_id', '=', own.organisation_id).execute();
    await trx.updateTable('rapid_confirmation').set({ version: r.version + 1 }).where('id', '=', r.id).execute();
    await audit({ action: 'rapid-confirmation:request-supplement', objectType: 'rapid_confirmation', objectId: r.id, before: null, after: { ministry: own.organisation_id, on: today, request } });
    await notifyRequest(trx, r, { state: 'rapid:supplement_requested', params: { rule: 'RFZ Act Art. 85(4)' }, actorUserId: actor.userId });
  });
}
