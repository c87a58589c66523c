// MSS records the hearing held before a cancellation: the ground, the notice (≥ 10 days before) and the record
// (Act Art. 89(1), 141; Administrative Procedures Act Art. 21(2)). Recorded again: 409 hearing-already-held.
import type { Database } from '../../../db/database.ts';
import type { CivilDate } from '../../../domain/calendar/civil-date.ts';
import { checkHearing, type CancellationGround } from '../../../domain/exemptions/cancellation.ts';
import { EXEMPTION_MACHINE, type ExemptionState } from '../../../domain/exemptions/lifecycle.ts';
import { normaliseText, type I18nText } from '../../../domain/i18n-text.ts';
import { findTransition, type Violation } from '../../../domain/zones/transition-table.ts';
import { calendarOf } from '../../calendar/provider.ts';
import type { Caller } from '../../write/caller.ts';
import { runExemptionWrite } from '../exemption-write.ts';
import { conflict, refuse } from '../refuse.ts';

export interface Hearing { ground: CancellationGround; noticeOn: CivilDate; heldOn: CivilDate; record: I18nText }

export function holdCancellationHearing(db: Database, caller: Caller, id: string, input: Hearing): Promise<void> {
  const { noticeOn, heldOn } = input;
  return runExemptionWrite(db, caller, id, 'exemption:cancel', async ({ trx, audit }, row) => {
    if (!findTransition(EXEMPTION_MACHINE, row.state as ExemptionState, 'cancel')) throw conflict('no-such-transition', 'cancel', row.state, 'RFZ Act Art. 89');
    const held = await trx.selectFrom('exemption_cancellation').select('hearing_on').where('exemption_id', '=', row.id).executeTakeFirst();
    if (held) refuse([{ code: 'hearing-already-held', rule: 'RFZ Act Art. 141', params: { hearingOn: held.hearing_on } }]);
    const v: Violation[] = [];
    if (heldOn < noticeOn) v.push({ code: 'end-before-start', rule: 'RFZ Act Art. 141', params: { noticeOn, heldOn } });
    const hearing = checkHearing({ noticeOn, heldOn, calendar: calendarOf(db) });
    if (!hearing.ok) v.push(...hearing.violations);
    if (v.length > 0) refuse(v, { 'end-before-start': 'heldOn' });
    await trx.insertInto('exemption_cancellation').values({
      exemption_id: row.id, ground: input.ground, hearing_notice_on: noticeOn, hearing_on: heldOn, hearing_record: JSON.stringify(normaliseText(input.record)),
    }).execute();
    await audit({ action: 'exemption:cancellation-hearing', objectType: 'exemption', objectId: row.id, before: null, after: { ground: input.ground, noticeOn, heldOn } });
  });
}
