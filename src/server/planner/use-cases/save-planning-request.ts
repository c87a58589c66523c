// An organisation saves a planning request with the planner's answer (the start of a connected-zone plan). Each call
// saves a new request (no natural key).
import { randomUUID } from 'node:crypto';
import type { Database } from '../../../db/database.ts';
import type { Caller } from '../../write/caller.ts';
import { runWrite } from '../../write/run-write.ts';

export interface PlanningAnswer { status: string; regions: string[]; objective: number | null }

export function savePlanningRequest(db: Database, caller: Caller, input: { title: string; query: unknown; answer: PlanningAnswer }): Promise<string> {
  return runWrite(db, caller, {
    action: 'planning-request:create', target: { kind: 'none' },
    apply: async ({ trx, actor, audit }) => {
      const id = randomUUID();
      const title = input.title.trim();
      await trx.insertInto('planning_request').values({
        id, organisation_id: actor.organisationId, created_by: actor.userId, title,
        request: JSON.stringify(input.query), result: JSON.stringify(input.answer), created_at: new Date(),
      }).execute();
      await audit({ action: 'planning-request:create', objectType: 'planning_request', objectId: id, before: null, after: { title: input.title, regions: input.answer.regions } });
      return id;
    },
  });
}
