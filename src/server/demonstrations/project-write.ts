// A write on one demonstration project through the one write path: the project locked, authorised on its companies,
// zone regions and sites as locked.
import type { Database } from '../../db/database.ts';
import type { Action } from '../../domain/auth/policy.ts';
import type { Caller } from '../write/caller.ts';
import { runWrite, type WriteContext } from '../write/run-write.ts';
import { loadProject, targetOf, type ProjectRow, type projectTarget } from './store.ts';

export interface LockedProject { row: ProjectRow; target: ReturnType<typeof projectTarget> }

export function runProjectWrite<R>(db: Database, caller: Caller, id: string, action: Action, apply: (ctx: WriteContext, project: LockedProject) => Promise<R>): Promise<R> {
  return runWrite(db, caller, {
    action, resource: 'project',
    lock: async (trx) => {
      const row = await loadProject(trx, id, true);
      return row ? { row, target: await targetOf(trx, row) } : undefined;
    },
    target: (project) => project.target,
    apply,
  });
}
