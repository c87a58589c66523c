// MSS records the one extension, applied for by 2 months before expiry, within the maximum and the zone period
// (Act Art. 86(10), 90(11)). A repeat is a 409 (second-extension).
import type { Database } from '../../../db/database.ts';
import { civilDate } from '../../../domain/calendar/civil-date.ts';
import { EXEMPTION_MACHINE, extensionFacts, type ExemptionState } from '../../../domain/exemptions/lifecycle.ts';
import { checkExtension } from '../../../domain/exemptions/validity.ts';
import { attempt } from '../../../domain/zones/transition-table.ts';
import { calendarOf } from '../../calendar/provider.ts';
import { AppError } from '../../errors.ts';
import type { Caller } from '../../write/caller.ts';
import { runExemptionWrite } from '../exemption-write.ts';
import { conflict, date, refuse } from '../refuse.ts';
import { zoneTerm } from '../view.ts';

export interface Extension { requestedOn: string; newUntil: string; ground: 'law_not_amended' | 'demonstration_delayed' }

export function extendExemption(db: Database, caller: Caller, id: string, input: Extension): Promise<void> {
  const requestedOn = date(input.requestedOn, '/body/requestedOn');
  const newUntil = date(input.newUntil, '/body/newUntil');
  return runExemptionWrite(db, caller, id, 'exemption:extend', async ({ trx, today, audit }, row) => {
    const zoneRow = await trx.selectFrom('zone').select(['period_start', 'period_end']).where('id', '=', row.zone_id).executeTakeFirstOrThrow();
    if (requestedOn > today) throw new AppError('validation', { fields: [{ path: '/body/requestedOn', keyword: 'maximum', params: { limit: today } }] });
    if (row.valid_from === null || row.valid_until === null) refuse([{ code: 'no-extension', rule: 'RFZ Act Art. 80(1), 85', params: { kind: row.kind } }]);
    const check = checkExtension({
      kind: row.kind, grantedOn: civilDate(row.granted_on), term: { from: civilDate(row.valid_from), until: civilDate(row.valid_until) },
      extensionsSoFar: row.extensions, requestedOn, newUntil, ground: input.ground, zone: zoneTerm(zoneRow), calendar: calendarOf(db),
    });
    if (!check.ok) refuse(check.violations, { 'end-before-start': 'newUntil', 'exceeds-maximum': 'newUntil', 'beyond-zone-period': 'newUntil' });
    const moved = attempt(EXEMPTION_MACHINE, row.state as ExemptionState, 'extend', { role: 'ministry' }, extensionFacts([]));
    if (!moved.ok) throw conflict(moved.code, 'extend', row.state, 'RFZ Act Art. 86(10)');
    await trx.updateTable('exemption').set({ valid_until: newUntil, extensions: row.extensions + 1, extension_ground: input.ground, state: moved.to, updated_at: new Date() })
      .where('id', '=', row.id).execute();
    await audit({
      action: 'exemption:extend', objectType: 'exemption', objectId: row.id,
      before: { validUntil: row.valid_until, extensions: row.extensions, state: row.state },
      after: { validUntil: newUntil, extensions: row.extensions + 1, state: moved.to, ground: input.ground, requestedOn },
    });
  });
}
