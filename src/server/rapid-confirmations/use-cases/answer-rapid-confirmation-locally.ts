// The zone's local government answers within its own powers (Art. 85(2); Decree Art. 56). Answered again: 409.
import type { Database } from '../../../db/database.ts';
import type { I18nText } from '../../../domain/i18n-text.ts';
import type { Caller } from '../../write/caller.ts';
import { runRapidWrite, transition } from '../rapid-rules.ts';
import { notifyRequest } from '../store.ts';

export function answerRapidConfirmationLocally(db: Database, caller: Caller, id: string, answer: I18nText): Promise<void> {
  return runRapidWrite(db, caller, id, 'rapid-confirmation:forward', async ({ trx, actor, audit }, r) => {
    if (r.state !== 'filed') throw transition('answer_locally', r.state, '—');
    await trx.updateTable('rapid_confirmation').set({ state: 'answered_locally', local_answer: JSON.stringify(answer), version: r.version + 1 }).where('id', '=', r.id).execute();
    await audit({ action: 'rapid-confirmation:answer-locally', objectType: 'rapid_confirmation', objectId: r.id, before: { state: r.state }, after: { state: 'answered_locally', answer } });
    await notifyRequest(trx, r, { state: 'rapid:answered_locally', actorUserId: actor.userId });
  });
}
