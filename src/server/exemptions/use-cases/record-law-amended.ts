// The responsible ministry (or MSS) records that the law was amended: the exemption has reached its end of road
// (Act Art. 87(4), 87(6); Decree Art. 59(9)). A repeat is a 409 (no such transition from law_amended).
import type { Database } from '../../../db/database.ts';
import { EXEMPTION_MACHINE, type ExemptionState } from '../../../domain/exemptions/lifecycle.ts';
import { attempt } from '../../../domain/zones/transition-table.ts';
import { AppError } from '../../errors.ts';
import type { Caller } from '../../write/caller.ts';
import { runExemptionWrite } from '../exemption-write.ts';
import { conflict, date, refuse } from '../refuse.ts';

export function recordLawAmended(db: Database, caller: Caller, id: string, input: { amendedOn: string; act: string }): Promise<void> {
  const amendedOn = date(input.amendedOn, '/body/amendedOn');
  return runExemptionWrite(db, caller, id, 'exemption:record-amendment', async ({ trx, today, audit }, row) => {
    if (amendedOn > today) throw new AppError('validation', { fields: [{ path: '/body/amendedOn', keyword: 'maximum', params: { limit: today } }] });
    if (amendedOn < row.granted_on) {
      refuse([{ code: 'end-before-start', rule: 'RFZ Act Art. 87(4)', params: { grantedOn: row.granted_on, amendedOn } }], { 'end-before-start': 'amendedOn' });
    }
    const moved = attempt(EXEMPTION_MACHINE, row.state as ExemptionState, 'record_law_amended', { role: 'responsible_ministry' }, {});
    if (!moved.ok) throw conflict(moved.code, 'record_law_amended', row.state, 'RFZ Act Art. 87(4), 87(6)');
    const act = input.act.trim();
    await trx.updateTable('exemption').set({ state: moved.to, law_amended_on: amendedOn, updated_at: new Date() }).where('id', '=', row.id).execute();
    // The amendment track ends on the effective date (Decree Art. 59(9)).
    await trx.updateTable('law_amendment').set({ effective_on: amendedOn, updated_at: new Date() }).where('exemption_id', '=', row.id).execute();
    // The suspended provisions record the amendment that ended the exemption.
    const regs = await trx.selectFrom('exemption_regulation').innerJoin('regulation', 'regulation.id', 'exemption_regulation.regulation_id')
      .select(['regulation.id as id', 'regulation.amendments as amendments']).where('exemption_id', '=', row.id).execute();
    for (const r of regs) {
      const amendments = [...r.amendments, { date: amendedOn, act, note: null }];
      await trx.updateTable('regulation').set({ amendments: JSON.stringify(amendments), updated_at: new Date() }).where('id', '=', r.id).execute();
    }
    await audit({
      action: 'exemption:record-amendment', objectType: 'exemption', objectId: row.id,
      before: { state: row.state }, after: { state: moved.to, lawAmendedOn: amendedOn, act, regulations: regs.map((r) => r.id) },
    });
  });
}
