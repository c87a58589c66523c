// The signed-in user creates an API token; its secret is answered once. Each call creates a new token (no natural
// key: two tokens of one name are two tokens).
import { randomUUID } from 'node:crypto';
import type { Database } from '../../../db/database.ts';
import type { TokenScope } from '../../../domain/auth/types.ts';
import { API_TOKEN_PREFIX, newSecret, sha256 } from '../../auth/secrets.ts';
import type { Caller } from '../../write/caller.ts';
import { runWrite } from '../../write/run-write.ts';

export interface CreatedToken {
  token: string;
  row: { id: string; name: string; scopes: string[]; created_at: Date; last_used_at: null; revoked_at: null };
}

export function createApiToken(db: Database, caller: Caller, input: { name: string; scopes: TokenScope[] }): Promise<CreatedToken> {
  return runWrite(db, caller, {
    action: 'api-token:create', target: { kind: 'none' },
    apply: async ({ trx, actor, audit }) => {
      const token = newSecret(API_TOKEN_PREFIX);
      const row = { id: randomUUID(), name: input.name.trim(), scopes: input.scopes, created_at: new Date(), last_used_at: null, revoked_at: null };
      await trx.insertInto('api_token').values({ ...row, user_id: actor.userId, token_hash: sha256(token) }).execute();
      await audit({ action: 'api-token:create', objectType: 'api_token', objectId: row.id, before: null, after: { name: row.name, scopes: row.scopes } });
      return { token, row };
    },
  });
}
