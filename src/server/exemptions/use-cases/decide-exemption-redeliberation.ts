// The committee's re-deliberation, recorded by MSS: rejected, or granted with a term checked like any grant and, when
// the conditions were objected to, the conditions as re-deliberated (Act Art. 86(4)–(5), 86(9), 86(10); Decree Art. 57-2).
// A repeated decision is a 409: the exemption is no longer in re-deliberation.
import type { Database } from '../../../db/database.ts';
import type { CivilDate } from '../../../domain/calendar/civil-date.ts';
import type { ExemptionState } from '../../../domain/exemptions/lifecycle.ts';
import { checkGrantTerm } from '../../../domain/exemptions/validity.ts';
import { calendarOf } from '../../calendar/provider.ts';
import type { Caller } from '../../write/caller.ts';
import { insuranceViolations } from '../conditions.ts';
import type { Conditions } from '../../../contract/exemption-conditions.ts';
import { moveExemption, runExemptionWrite } from '../exemption-write.ts';
import { conflict, date, refuse } from '../refuse.ts';
import { exemptionTokens } from '../store.ts';
import { zoneTerm } from '../view.ts';

export interface RedeliberationDecision {
  decidedOn: CivilDate;
  outcome: 'granted' | 'rejected';
  validFrom: string | null;
  validUntil: string | null;
  insuranceProofSubmitted: boolean;
  conditions?: Conditions | undefined;
}

export function decideExemptionRedeliberation(db: Database, caller: Caller, id: string, body: RedeliberationDecision): Promise<void> {
  const { decidedOn } = body;
  return runExemptionWrite(db, caller, id, 'exemption:decide-redeliberation', async ({ trx, audit }, row) => {
    const redeliberation = await trx.selectFrom('exemption_redeliberation').selectAll().where('exemption_id', '=', row.id).executeTakeFirst();
    if (!redeliberation || row.state !== 'redeliberation') throw conflict('no-such-transition', 'decide re-deliberation', row.state, 'RFZ Act Art. 86(9)');
    if (decidedOn < redeliberation.requested_on) refuse([{ code: 'end-before-start', rule: 'RFZ Act Art. 86(9)', params: { requestedOn: redeliberation.requested_on, decidedOn } }], { 'end-before-start': 'decidedOn' });
    const atCommittee = moveExemption(row.state, 'refer_to_committee', 'local_government', {});
    let to: ExemptionState;
    let term: { from: CivilDate; until: CivilDate } | null = null;
    if (body.outcome === 'rejected') {
      to = moveExemption(atCommittee, 'reject', 'committee', { 'meeting-notice-given': true });
    } else {
      const { validFrom, validUntil } = body;
      if (validFrom === null || validUntil === null) refuse([{ code: 'no-validity-period', rule: 'RFZ Act Art. 86(10)', params: { kind: row.kind } }]);
      term = { from: date(validFrom, '/body/validFrom'), until: date(validUntil, '/body/validUntil') };
      const zone = await trx.selectFrom('zone').select(['period_start', 'period_end']).where('id', '=', row.zone_id).executeTakeFirstOrThrow();
      const grant = checkGrantTerm({ kind: row.kind, grantedOn: decidedOn, term, zone: zoneTerm(zone), calendar: calendarOf(db) });
      const v = grant.ok ? [] : [...grant.violations];
      if (body.conditions) v.push(...insuranceViolations(row.kind, body.conditions));
      if (term.from < decidedOn) v.push({ code: 'before-grant', rule: 'RFZ Act Art. 86(10)', params: { grantedOn: decidedOn, from: term.from } });
      if (v.length > 0) refuse(v, { 'before-grant': 'validFrom' });
      to = moveExemption(atCommittee, 'grant', 'committee', { 'meeting-notice-given': true, 'conditions-justified': true });
      if (body.insuranceProofSubmitted) to = moveExemption(to, 'activate', 'company', { 'insurance-proof-submitted': true });
    }
    // Conditions as re-deliberated replace the ones objected to; the search index follows them.
    const conditions = term && body.conditions ? body.conditions : null;
    const tokens = conditions ? await exemptionTokens(trx, {
      title: row.title, conditions, zoneId: row.zone_id,
      regulationIds: (await trx.selectFrom('exemption_regulation').select('regulation_id').where('exemption_id', '=', row.id).execute()).map((r) => r.regulation_id),
    }) : null;
    await trx.updateTable('exemption_redeliberation').set({ decided_on: decidedOn, outcome: body.outcome }).where('exemption_id', '=', row.id).execute();
    await trx.updateTable('exemption').set({
      state: to, updated_at: new Date(),
      ...(term ? { granted_on: decidedOn, valid_from: term.from, valid_until: term.until } : {}),
      ...(conditions && tokens ? { conditions: JSON.stringify(conditions), search_tokens: tokens } : {}),
    }).where('id', '=', row.id).execute();
    await audit({
      action: 'exemption:decide-redeliberation', objectType: 'exemption', objectId: row.id, before: { state: row.state, conditions: row.conditions },
      after: { state: to, decidedOn, outcome: body.outcome, term, objectedTo: redeliberation.decision, ...(conditions ? { conditions } : {}) },
    });
  });
}
