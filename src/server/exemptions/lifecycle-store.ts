// The rows kept after an exemption's grant (re-deliberation, cancellation, results report, law-amendment
// track) and their reading as the domain's facts.
import type { Database } from '../../db/database.ts';
import type { Selectable } from 'kysely';
import type { LawAmendmentTable } from '../../db/schema.ts';
import { civilDate, type CivilDate } from '../../domain/calendar/civil-date.ts';
import type { AmendmentStage, AmendmentTrack } from '../../domain/exemptions/amendment-tracking.ts';

export type LawAmendmentRow = Selectable<LawAmendmentTable>;
type Dated = { stage: AmendmentStage; on: string };
type Scheduled = { stage: AmendmentStage; by: string };

export function trackOf(row: LawAmendmentRow | undefined, fallback: { requestedOn: string | null; effectiveOn: string | null }): AmendmentTrack {
  const opt = (x: string | null | undefined): CivilDate | null => (x ? civilDate(x) : null);
  if (!row) {
    return { requestedOn: opt(fallback.requestedOn), review: null, planSubmittedOn: null, schedule: [], progress: [], escalatedOn: null, effectiveOn: opt(fallback.effectiveOn) };
  }
  return {
    requestedOn: opt(row.requested_on ?? fallback.requestedOn),
    review: row.review_reported_on !== null && row.amendment_needed !== null ? { reportedOn: civilDate(row.review_reported_on), needed: row.amendment_needed } : null,
    planSubmittedOn: opt(row.plan_submitted_on),
    schedule: (row.schedule as Scheduled[]).map((s) => ({ stage: s.stage, by: civilDate(s.by) })),
    progress: (row.progress as Dated[]).map((p) => ({ stage: p.stage, on: civilDate(p.on) })),
    escalatedOn: opt(row.escalated_on),
    effectiveOn: opt(row.effective_on ?? fallback.effectiveOn),
  };
}

export async function lifecycleRows(db: Database, ids: readonly string[]) {
  if (ids.length === 0) return { redeliberations: [], cancellations: [], reports: [], amendments: [] };
  const [redeliberations, cancellations, reports, amendments] = await Promise.all([
    db.selectFrom('exemption_redeliberation').selectAll().where('exemption_id', 'in', [...ids]).execute(),
    db.selectFrom('exemption_cancellation').selectAll().where('exemption_id', 'in', [...ids]).execute(),
    db.selectFrom('exemption_results_report').selectAll().where('exemption_id', 'in', [...ids]).execute(),
    db.selectFrom('law_amendment').selectAll().where('exemption_id', 'in', [...ids]).execute(),
  ]);
  return { redeliberations, cancellations, reports, amendments };
}

/** The exemption's law-amendment row, created on first use (a review may come without a request: Art. 87(6)). */
export async function amendmentRowForUpdate(trx: Database, exemptionId: string, requestedOn: string | null): Promise<LawAmendmentRow> {
  await trx.insertInto('law_amendment').values({ exemption_id: exemptionId, requested_on: requestedOn, evidence: '[]', schedule: '[]', progress: '[]', version: 1 })
    .onConflict((oc) => oc.column('exemption_id').doNothing()).execute();
  return trx.selectFrom('law_amendment').selectAll().where('exemption_id', '=', exemptionId).forUpdate().executeTakeFirstOrThrow();
}
