// The applicant (or MSS for it) requests re-deliberation of a rejection, or of a grant's conditions before the
// business starts: once, within 60 days of the notice (Act Art. 86(8); Decree Art. 57-3). A repeat is a 409.
import type { Database } from '../../../db/database.ts';
import { REDELIBERABLE, redeliberationFacts, type ExemptionState } from '../../../domain/exemptions/lifecycle.ts';
import { checkRedeliberation } from '../../../domain/exemptions/validity.ts';
import { normaliseText, type I18nText } from '../../../domain/i18n-text.ts';
import type { Violation } from '../../../domain/zones/transition-table.ts';
import { calendarOf } from '../../calendar/provider.ts';
import type { Caller } from '../../write/caller.ts';
import { moveExemption, runExemptionWrite } from '../exemption-write.ts';
import { date, refuse } from '../refuse.ts';

/** Dates as sent (YYYY-MM-DD), checked after authorisation so a stranger learns nothing from a 400. */
export interface RedeliberationRequest { notifiedOn: string; requestedOn: string; grounds: I18nText }

export function requestExemptionRedeliberation(db: Database, caller: Caller, id: string, input: RedeliberationRequest): Promise<void> {
  return runExemptionWrite(db, caller, id, 'exemption:request-redeliberation', async ({ trx, actor, audit }, row) => {
    const notifiedOn = date(input.notifiedOn, '/body/notifiedOn', { past: true });
    const requestedOn = date(input.requestedOn, '/body/requestedOn', { past: true });
    const previous = await trx.selectFrom('exemption_redeliberation').select('requested_on').where('exemption_id', '=', row.id).executeTakeFirst();
    const v: Violation[] = [];
    if (notifiedOn < row.granted_on) v.push({ code: 'end-before-start', rule: 'Decree Art. 57-3(2)', params: { decidedOn: row.granted_on, notifiedOn } });
    if (requestedOn < notifiedOn) v.push({ code: 'end-before-start', rule: 'Decree Art. 57-3(2)', params: { notifiedOn, requestedOn } });
    if (v.length > 0) refuse(v, { 'end-before-start': requestedOn < notifiedOn ? 'requestedOn' : 'notifiedOn' });
    const check = checkRedeliberation({ kind: row.kind, notifiedOn, requestedOn, previous: previous ? 1 : 0, calendar: calendarOf(db) });
    if (!check.ok) refuse(check.violations);
    if (!REDELIBERABLE.includes(row.state as ExemptionState)) {
      refuse([{ code: 'redeliberation-not-open', rule: 'Decree Art. 57-3(1); Decree Art. 58', params: { state: row.state } }]);
    }
    const to = moveExemption(row.state, 'request_redeliberation', 'company', redeliberationFacts([]));
    await trx.insertInto('exemption_redeliberation').values({
      exemption_id: row.id, notified_on: notifiedOn, requested_on: requestedOn, grounds: JSON.stringify(normaliseText(input.grounds)), requested_by: actor.organisationId,
      decision: row.state === 'granted' ? 'granted' : 'rejected',
    }).execute();
    await trx.updateTable('exemption').set({ state: to, updated_at: new Date() }).where('id', '=', row.id).execute();
    await audit({ action: 'exemption:request-redeliberation', objectType: 'exemption', objectId: row.id, before: { state: row.state }, after: { state: to, notifiedOn, requestedOn, deadline: check.value.deadline } });
  });
}
