// Idempotency keys of creation requests (issue 11; docs/decisions/0048-idempotency-keys.md): per signed-in user, the
// key a client sent, the fingerprint of the request it came with, the use case's result (written in the write's own
// transaction) and the answer sent (written once it was sent). Kept 24 hours; the hourly sweep deletes them after.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table idempotency_key (
      user_id uuid not null references app_user (id) on delete cascade,
      key text not null,
      fingerprint text not null,
      result jsonb,
      status integer,
      response jsonb,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      primary key (user_id, key)
    );
    create index idempotency_key_expires_idx on idempotency_key (expires_at);
  `.execute(db);
}
