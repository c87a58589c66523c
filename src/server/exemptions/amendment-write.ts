// The law-amendment track's write path: the exemption and its track locked, the actor authorised in the same
// transaction, If-Match checked against the track's version, the change applied, the version bumped and audited.
import type { Action } from '../../domain/auth/policy.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../errors.ts';
import type { Caller } from '../write/caller.ts';
import { runWrite, type WriteContext } from '../write/run-write.ts';
import { amendmentRowForUpdate, trackOf, type LawAmendmentRow } from './lifecycle-store.ts';
import { conflict } from './refuse.ts';

/** States in which the law-amendment track can move (the exemption still runs or reported its results). */
const TRACKABLE = new Set(['active', 'extended', 'amendment_requested', 'expired', 'results_reported', 'temporary_permit']);

export interface TrackedExemption { id: string; holders: string[]; state: string; granted_on: string; amendment_requested_on: string | null; law_amended_on: string | null }

export interface AmendmentEdit {
  exemptionId: string;
  /** The request's If-Match: the track's version. */
  ifMatch?: string | undefined;
}

export const trackFor = (row: LawAmendmentRow, ex: Pick<TrackedExemption, 'amendment_requested_on' | 'law_amended_on'>) =>
  trackOf(row, { requestedOn: ex.amendment_requested_on, effectiveOn: ex.law_amended_on });

/** Runs `change` on the locked track; `auditAction` names the step in the audit log. */
export function runAmendmentEdit(
  db: Database, caller: Caller, edit: AmendmentEdit, action: Action, auditAction: string,
  change: (ctx: WriteContext, row: LawAmendmentRow, ex: TrackedExemption) => Promise<Record<string, unknown>>,
): Promise<void> {
  return runWrite(db, caller, {
    action, resource: 'exemption',
    lock: async (trx) => (await trx.selectFrom('exemption').select(['id', 'holders', 'state', 'granted_on', 'amendment_requested_on', 'law_amended_on'])
      .where('id', '=', edit.exemptionId).forUpdate().executeTakeFirst()) as TrackedExemption | undefined,
    target: (ex) => ({ kind: 'exemption', holders: ex.holders }),
    apply: async (ctx, ex) => {
      const { trx } = ctx;
      if (!TRACKABLE.has(ex.state)) throw conflict('no-such-transition', auditAction, ex.state, 'RFZ Act Art. 87(6)');
      const existing = await trx.selectFrom('law_amendment').select('version').where('exemption_id', '=', ex.id).executeTakeFirst();
      if (edit.ifMatch !== undefined && edit.ifMatch.replaceAll('"', '').trim() !== String(existing?.version ?? 0)) throw new AppError('precondition-failed');
      const row = await amendmentRowForUpdate(trx, ex.id, ex.amendment_requested_on);
      const after = await change(ctx, row, ex);
      await trx.updateTable('law_amendment').set({ version: row.version + 1, updated_at: new Date() }).where('exemption_id', '=', ex.id).execute();
      await ctx.audit({ action: auditAction, objectType: 'exemption', objectId: ex.id, before: { version: existing?.version ?? 0 }, after: { ...after, version: row.version + 1 } });
    },
  });
}
