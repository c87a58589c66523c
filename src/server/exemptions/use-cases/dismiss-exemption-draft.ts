// MSS dismisses an exemption draft with a reason (a special case the committee did not grant, or one recorded
// otherwise). Only an open draft can be dismissed; a repeat is a 409.
import type { Database } from '../../../db/database.ts';
import { normaliseText, type I18nText } from '../../../domain/i18n-text.ts';
import { AppError } from '../../errors.ts';
import type { Caller } from '../../write/caller.ts';
import { runWrite } from '../../write/run-write.ts';
import { alreadyDecided, lockDraft } from '../drafts.ts';

export function dismissExemptionDraft(db: Database, caller: Caller, draftId: string, reason: I18nText): Promise<void> {
  const text = normaliseText(reason);
  return runWrite(db, caller, {
    action: 'exemption:create', resource: 'exemption-draft', target: { kind: 'none' },
    lock: (trx) => lockDraft(trx, draftId),
    apply: async ({ trx, actor, audit }, draft) => {
      if (draft.state !== 'open') throw new AppError('conflict', { params: { reason: alreadyDecided(caller.locale, draft.state) } });
      await trx.updateTable('exemption_draft')
        .set({ state: 'dismissed', reason: JSON.stringify(text), decided_by: actor.userId, decided_at: new Date() })
        .where('id', '=', draft.id).execute();
      await audit({ action: 'exemption-draft:dismiss', objectType: 'exemption_draft', objectId: draft.id, before: { state: 'open' }, after: { state: 'dismissed', reason: text } });
    },
  });
}
