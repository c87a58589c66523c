// A company creates a demonstration project it leads. Each call creates a new project; a client that must not
// create twice sends an Idempotency-Key (src/server/write/idempotency.ts).
import { randomUUID } from 'node:crypto';
import type { Database } from '../../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { Caller } from '../../write/caller.ts';
import { runWrite } from '../../write/run-write.ts';
import { checkProject, columnsOf, type ProjectBody } from '../project-input.ts';
import { saveProjectExemptions } from '../store.ts';

export function createProject(db: Database, caller: Caller, body: ProjectBody & { zoneId: string }): Promise<string> {
  return runWrite(db, caller, {
    action: 'project:create', target: { kind: 'none' },
    apply: async ({ trx, actor, audit }) => {
      const zone = await trx.selectFrom('zone').select('id').where('id', '=', body.zoneId).executeTakeFirst();
      if (!zone) throw new AppError('validation', { fields: [{ path: '/body/zoneId', keyword: 'unknown', params: { value: body.zoneId } }] });
      await checkProject(trx, body, actor.organisationId);
      const id = randomUUID();
      await trx.insertInto('demonstration_project').values({
        id, zone_id: body.zoneId, state: 'draft', lead_company: actor.organisationId, ...columnsOf(body), version: 1, demo: false, created_by: actor.userId,
      }).execute();
      await saveProjectExemptions(trx, id, body.exemptionIds);
      await audit({ action: 'project:create', objectType: 'demonstration_project', objectId: id, before: null, after: body });
      return id;
    },
  });
}
