// The lead company moves the project to another state; starting to demonstrate needs valid liability insurance
// where required (Decree Art. 60). Moved again to the state it is in: 409 (no such transition).
import type { Database } from '../../../db/database.ts';
import { insuranceIssues, seoulToday, TRANSITIONS, type LiabilityInsurance, type ProjectState } from '../../../domain/demonstrations/project.ts';
import { AppError, type FieldError } from '../../errors.ts';
import type { Caller } from '../../write/caller.ts';
import { frame } from '../messages.ts';
import { runProjectWrite } from '../project-write.ts';

const conflict = (reason: string, fields: FieldError[] = []): AppError => new AppError('conflict', { params: { reason }, fields });

export function moveProject(db: Database, caller: Caller, id: string, to: ProjectState): Promise<void> {
  return runProjectWrite(db, caller, id, 'project:edit', async ({ trx, audit }, { row: before }) => {
    if (!TRANSITIONS[before.state].includes(to)) {
      throw conflict(frame(caller.locale, 'no-such-transition', { state: before.state, to, allowed: TRANSITIONS[before.state].join(', ') || '—' }));
    }
    if (to === 'demonstrating') {
      const issues = insuranceIssues(before.insurance_required, before.insurance as LiabilityInsurance | null, seoulToday(Date.now()));
      if (issues.length > 0) {
        throw conflict(frame(caller.locale, 'insurance'), issues.map((i) => ({
          path: i.path, keyword: i.code === 'missing' ? 'insuranceMissing' : i.code === 'not-valid-today' ? 'insuranceNotValid' : 'coverBelowMinimum', params: { ...i.params },
        })));
      }
    }
    await trx.updateTable('demonstration_project').set({ state: to, version: before.version + 1, updated_at: new Date() }).where('id', '=', before.id).execute();
    await audit({ action: 'project:transition', objectType: 'demonstration_project', objectId: before.id, before: { state: before.state }, after: { state: to } });
  });
}
