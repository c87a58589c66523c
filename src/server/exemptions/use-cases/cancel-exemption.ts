// MSS records the committee's cancellation after the hearing: the business stops at once (Act Art. 89, 91, 141;
// Decree Art. 63). Cancelled again: 409 (no such transition from cancelled).
import type { Database } from '../../../db/database.ts';
import { civilDate, type CivilDate } from '../../../domain/calendar/civil-date.ts';
import { checkCancellation, type CancellationGround } from '../../../domain/exemptions/cancellation.ts';
import { normaliseText, type I18nText } from '../../../domain/i18n-text.ts';
import type { Caller } from '../../write/caller.ts';
import { moveExemption, runExemptionWrite } from '../exemption-write.ts';
import { refuse } from '../refuse.ts';

export function cancelExemption(db: Database, caller: Caller, id: string, input: { decidedOn: CivilDate; reason: I18nText }): Promise<void> {
  const { decidedOn } = input;
  return runExemptionWrite(db, caller, id, 'exemption:cancel', async ({ trx, audit }, row) => {
    const hearing = await trx.selectFrom('exemption_cancellation').selectAll().where('exemption_id', '=', row.id).executeTakeFirst();
    const check = checkCancellation({ ground: (hearing?.ground ?? null) as CancellationGround | null, hearingHeldOn: hearing ? civilDate(hearing.hearing_on) : null, decidedOn });
    if (!check.ok) refuse(hearing ? check.violations : check.violations.filter((x) => x.code === 'hearing-not-held'));
    const to = moveExemption(row.state, 'cancel', 'committee', { 'hearing-held': true, 'cancellation-ground': true });
    await trx.updateTable('exemption_cancellation').set({ decided_on: decidedOn, reason: JSON.stringify(normaliseText(input.reason)) }).where('exemption_id', '=', row.id).execute();
    await trx.updateTable('exemption').set({ state: to, updated_at: new Date() }).where('id', '=', row.id).execute();
    await audit({ action: 'exemption:cancel', objectType: 'exemption', objectId: row.id, before: { state: row.state }, after: { state: to, decidedOn, ground: hearing!.ground, mandatory: check.value.mandatory } });
  });
}
