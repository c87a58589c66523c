// MSS confirms an exemption draft of a designated zone: the exemption is recorded as granted — as proposed or as MSS
// corrected it — under the same checks as any grant (record-exemption.ts), and the draft names it. A second
// confirmation is a 409 (the draft is no longer open): one draft, one exemption, one audit entry of each.
import type { Database } from '../../../db/database.ts';
import type { I18nText } from '../../../domain/i18n-text.ts';
import type { ConfirmDraftInput } from '../../../contract/exemption-drafts.ts';
import type { Conditions } from '../../../contract/exemption-conditions.ts';
import { calendarOf } from '../../calendar/provider.ts';
import { AppError } from '../../errors.ts';
import type { Caller } from '../../write/caller.ts';
import { runWrite } from '../../write/run-write.ts';
import { alreadyDecided, lockDraft } from '../drafts.ts';
import { grantExemption } from './record-exemption.ts';

/** The id of the exemption recorded. */
export function confirmExemptionDraft(db: Database, caller: Caller, draftId: string, body: ConfirmDraftInput): Promise<string> {
  const calendar = calendarOf(db);
  return runWrite(db, caller, {
    action: 'exemption:create', resource: 'exemption-draft', target: { kind: 'none' },
    lock: (trx) => lockDraft(trx, draftId),
    apply: async (ctx, draft) => {
      if (draft.state !== 'open') throw new AppError('conflict', { params: { reason: alreadyDecided(caller.locale, draft.state) } });
      const exemptionId = await grantExemption(ctx, {
        ...body, zoneId: draft.zone_id, title: body.title as I18nText, conditions: body.conditions as Conditions,
      }, calendar);
      await ctx.trx.updateTable('exemption_draft')
        .set({ state: 'confirmed', exemption_id: exemptionId, decided_by: ctx.actor.userId, decided_at: new Date() })
        .where('id', '=', draft.id).execute();
      await ctx.audit({
        action: 'exemption-draft:confirm', objectType: 'exemption_draft', objectId: draft.id,
        before: { state: 'open' }, after: { state: 'confirmed', exemption: exemptionId, plan: draft.plan_id, planItem: draft.plan_item },
      });
      return exemptionId;
    },
  });
}
