// The signed-in user signs out: the session is deleted. Signed out again (the session already gone): nothing recorded.
import type { Database } from '../../../db/database.ts';
import type { Caller } from '../../write/caller.ts';
import { runWrite } from '../../write/run-write.ts';

export function endSession(db: Database, caller: Caller, sessionIdHash: string): Promise<void> {
  return runWrite(db, caller, {
    action: 'me:edit', target: { kind: 'none' },
    apply: async ({ trx, actor, audit }) => {
      const gone = await trx.deleteFrom('session').where('id_hash', '=', sessionIdHash).returning('id_hash').execute();
      if (gone.length === 0) return;
      await audit({ action: 'session:delete', objectType: 'user', objectId: actor.userId, before: null, after: null });
    },
  });
}
