// Pages of lists (docs/decisions/0046-list-pages-and-read-replicas.md): the key that signs list cursors, one per installation and
// shared by every node, made by the first node that needs it (src/server/http/list-key.ts) — a migration writes no
// data, so a fresh database stays empty for `zonelink restore`; and the indexes of the keys lists are read in.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table server_key (name text primary key, secret bytea not null, created_at timestamptz not null default now())`.execute(db);
  await sql`
    create index zone_plan_created_idx on zone_plan (created_at desc, id desc);
    create index exemption_granted_idx on exemption (granted_on desc, id desc);
  `.execute(db);
}
