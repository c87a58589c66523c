// The amendment moves on a stage (stages may be skipped, never reversed; Act Art. 87(6)). The same stage again is a
// 409 (progress-out-of-order).
import type { Database } from '../../../db/database.ts';
import type { CivilDate } from '../../../domain/calendar/civil-date.ts';
import { checkProgress, type AmendmentStage } from '../../../domain/exemptions/amendment-tracking.ts';
import type { Caller } from '../../write/caller.ts';
import { runAmendmentEdit, trackFor, type AmendmentEdit } from '../amendment-write.ts';
import { check } from '../refuse.ts';

export function recordAmendmentProgress(db: Database, caller: Caller, edit: AmendmentEdit, input: { stage: AmendmentStage; on: CivilDate }): Promise<void> {
  const { stage, on } = input;
  return runAmendmentEdit(db, caller, edit, 'amendment:track', 'amendment:progress', async ({ trx }, row, ex) => {
    const track = trackFor(row, ex);
    const r = checkProgress(track, stage, on);
    check(r.ok ? r.warnings : r.violations, { 'end-before-start': 'on' });
    await trx.updateTable('law_amendment').set({ progress: JSON.stringify([...track.progress, { stage, on }]) }).where('exemption_id', '=', row.exemption_id).execute();
    return { stage, on };
  });
}
