// The holder (or MSS for it) requests a law amendment by 2 months before expiry: the exemption is deemed valid while it
// runs (Act Art. 87(9)–(10)). A repeat is a 409 (no such transition from amendment_requested).
import type { Static } from 'typebox';
import type { Database } from '../../../db/database.ts';
import { civilDate } from '../../../domain/calendar/civil-date.ts';
import { amendmentRequestFacts, EXEMPTION_MACHINE, type ExemptionState } from '../../../domain/exemptions/lifecycle.ts';
import { checkAmendmentRequest } from '../../../domain/exemptions/validity.ts';
import { normaliseText, type I18nText } from '../../../domain/i18n-text.ts';
import { attempt } from '../../../domain/zones/transition-table.ts';
import { calendarOf } from '../../calendar/provider.ts';
import { AppError } from '../../errors.ts';
import type { Caller } from '../../write/caller.ts';
import { checkEvidence } from '../evidence.ts';
import { runExemptionWrite } from '../exemption-write.ts';
import type { EvidenceRefSchema } from '../../../contract/exemption-lifecycle.ts';
import { amendmentRowForUpdate } from '../lifecycle-store.ts';
import { conflict, date, refuse } from '../refuse.ts';

export interface AmendmentRequest { requestedOn: string; results: I18nText; evidence: string[]; evidenceRefs?: Static<typeof EvidenceRefSchema>[] | undefined }

export function requestLawAmendment(db: Database, caller: Caller, id: string, input: AmendmentRequest): Promise<void> {
  return runExemptionWrite(db, caller, id, 'exemption:request-amendment', async ({ trx, actor, today, audit }, row) => {
    const requestedOn = date(input.requestedOn, '/body/requestedOn');
    if (requestedOn > today) throw new AppError('validation', { fields: [{ path: '/body/requestedOn', keyword: 'maximum', params: { limit: today } }] });
    if (row.valid_from === null || row.valid_until === null) refuse([{ code: 'not-applicable', rule: 'RFZ Act Art. 87(9)', params: { kind: row.kind } }]);
    const check = checkAmendmentRequest({
      kind: row.kind, term: { from: civilDate(row.valid_from), until: civilDate(row.valid_until) }, requestedOn,
      resultsAttached: input.results.ko.trim() !== '', calendar: calendarOf(db),
    });
    if (!check.ok) refuse(check.violations);
    // MSS records a request the operator filed through the local head; the machine's actor is the operator (Art. 87(9)).
    const moved = attempt(EXEMPTION_MACHINE, row.state as ExemptionState, 'request_amendment', { role: 'company' }, amendmentRequestFacts([]));
    if (!moved.ok) throw conflict(moved.code, 'request_amendment', row.state, 'RFZ Act Art. 87(9)');
    const evidenceRefs = input.evidenceRefs ?? [];
    await checkEvidence(trx, row.id, evidenceRefs);
    const amendment = { requestedOn, results: normaliseText(input.results), evidence: input.evidence, evidenceRefs, by: actor.organisationId };
    await amendmentRowForUpdate(trx, row.id, requestedOn);
    await trx.updateTable('law_amendment').set({ requested_on: requestedOn, evidence: JSON.stringify(evidenceRefs) }).where('exemption_id', '=', row.id).execute();
    await trx.updateTable('exemption').set({ state: moved.to, amendment_requested_on: requestedOn, amendment: JSON.stringify(amendment), updated_at: new Date() }).where('id', '=', row.id).execute();
    await audit({ action: 'exemption:request-amendment', objectType: 'exemption', objectId: row.id, before: { state: row.state }, after: { state: moved.to, ...amendment } });
  });
}
