// The signed-in user revokes one of their API tokens. Someone else's token is a 404 (ids do not leak); revoked
// again: 204, nothing recorded.
import type { Database } from '../../../db/database.ts';
import type { Caller } from '../../write/caller.ts';
import { runWrite } from '../../write/run-write.ts';

export function revokeApiToken(db: Database, caller: Caller, id: string): Promise<void> {
  return runWrite(db, caller, {
    action: 'api-token:revoke', resource: 'token',
    lock: (trx) => trx.selectFrom('api_token').select(['id', 'user_id', 'revoked_at']).where('id', '=', id)
      .where('user_id', '=', caller.actor?.userId ?? '00000000-0000-0000-0000-000000000000').forUpdate().executeTakeFirst(),
    target: (token) => ({ kind: 'user', userId: token.user_id, organisationId: '' }),
    apply: async ({ trx, audit }, token) => {
      if (token.revoked_at !== null) return;
      const revokedAt = new Date();
      await trx.updateTable('api_token').set({ revoked_at: revokedAt }).where('id', '=', token.id).execute();
      await audit({ action: 'api-token:revoke', objectType: 'api_token', objectId: token.id, before: { revokedAt: null }, after: { revokedAt: revokedAt.toISOString() } });
    },
  });
}
