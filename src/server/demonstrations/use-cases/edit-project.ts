// The lead company replaces the project's record; If-Match guards concurrent edits (a repeat with the same, now
// stale, ETag is a 412); a completed project is a 409, and so is a period that leaves stored events outside.
import type { Database } from '../../../db/database.ts';
import { periodInstants } from '../../../domain/demonstrations/project.ts';
import { AppError } from '../../errors.ts';
import type { Caller } from '../../write/caller.ts';
import { frame } from '../messages.ts';
import { checkProject, columnsOf, type ProjectBody } from '../project-input.ts';
import { runProjectWrite } from '../project-write.ts';
import { projectEtag, projectView, saveProjectExemptions } from '../store.ts';

const conflict = (reason: string): AppError => new AppError('conflict', { params: { reason } });

export function editProject(db: Database, caller: Caller, id: string, ifMatch: string | undefined, body: ProjectBody): Promise<void> {
  return runProjectWrite(db, caller, id, 'project:edit', async ({ trx, audit }, { row: before, target }) => {
    if (ifMatch !== undefined && ifMatch !== '*' && ifMatch !== projectEtag(before.version)) throw new AppError('precondition-failed');
    await checkProject(trx, body, before.lead_company);
    if (before.state === 'completed') throw conflict(frame(caller.locale, 'no-such-transition', { state: before.state, to: 'edit', allowed: '—' }));
    const { from, to } = periodInstants(body.periodStart, body.periodEnd);
    const outside = await trx.selectFrom('demonstration_event').select('row_no').where('project_id', '=', before.id)
      .where((eb) => eb.or([eb('ts', '<', new Date(from)), eb('ts', '>=', new Date(to))])).limit(1).executeTakeFirst();
    if (outside) throw conflict(frame(caller.locale, 'period-outside-events'));
    await trx.updateTable('demonstration_project').set({ ...columnsOf(body), version: before.version + 1, updated_at: new Date() }).where('id', '=', before.id).execute();
    await saveProjectExemptions(trx, before.id, body.exemptionIds);
    await audit({ action: 'project:edit', objectType: 'demonstration_project', objectId: before.id, before: projectView(before, null, target), after: body });
  });
}
