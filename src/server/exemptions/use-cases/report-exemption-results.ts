// The holder (or MSS for it) files the results report after expiry (due 30 days after it; late reports are kept and
// marked late) with evidence from the demonstration (Act Art. 87(11); Decree Art. 59(11)). Filed again: 409.
import type { Static } from 'typebox';
import type { Database } from '../../../db/database.ts';
import { normaliseText, type I18nText } from '../../../domain/i18n-text.ts';
import { calendarOf } from '../../calendar/provider.ts';
import type { Caller } from '../../write/caller.ts';
import { checkEvidence } from '../evidence.ts';
import { moveExemption, runExemptionWrite } from '../exemption-write.ts';
import type { EvidenceRefSchema } from '../../../contract/exemption-lifecycle.ts';
import { date, refuse } from '../refuse.ts';
import { computeValidity, zoneTerm } from '../view.ts';

/** `submittedOn` as sent (YYYY-MM-DD), checked after authorisation. */
export interface ResultsReport { submittedOn: string; results: I18nText; evidenceRefs: Static<typeof EvidenceRefSchema>[] }

export function reportExemptionResults(db: Database, caller: Caller, id: string, input: ResultsReport): Promise<void> {
  return runExemptionWrite(db, caller, id, 'exemption:report-results', async ({ trx, actor, today, audit }, row) => {
    const submittedOn = date(input.submittedOn, '/body/submittedOn', { past: true });
    if (row.kind !== 'demonstration_exemption') refuse([{ code: 'not-applicable', rule: 'RFZ Act Art. 87(11)', params: { kind: row.kind } }]);
    if (row.valid_until !== null && submittedOn <= row.valid_until) {
      refuse([{ code: 'end-before-start', rule: 'RFZ Act Art. 87(11)', params: { expiresOn: row.valid_until, submittedOn } }], { 'end-before-start': 'submittedOn' });
    }
    await checkEvidence(trx, row.id, input.evidenceRefs);
    // A term that has run out has expired, whether or not MSS recorded it yet.
    let state = row.state;
    if (state === 'active' || state === 'extended') {
      const zone = await trx.selectFrom('zone').select(['period_start', 'period_end']).where('id', '=', row.zone_id).executeTakeFirstOrThrow();
      if (computeValidity(row, zoneTerm(zone), today, calendarOf(db)).status === 'expired') state = moveExemption(state, 'expire', 'ministry', { 'validity-ended': true });
    }
    const to = moveExemption(state, 'report_results', 'company', {});
    await trx.insertInto('exemption_results_report').values({
      exemption_id: row.id, submitted_on: submittedOn, results: JSON.stringify(normaliseText(input.results)),
      evidence: JSON.stringify(input.evidenceRefs), submitted_by: actor.organisationId,
    }).execute();
    await trx.updateTable('exemption').set({ state: to, updated_at: new Date() }).where('id', '=', row.id).execute();
    await audit({ action: 'exemption:report-results', objectType: 'exemption', objectId: row.id, before: { state: row.state }, after: { state: to, submittedOn, evidence: input.evidenceRefs } });
  });
}
