// Pages of lists (docs/decisions/0041-list-pages.md): the key that signs list cursors, one per installation and
// shared by every node, made when the database is created; and the indexes of the keys lists are read in.
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table server_key (name text primary key, secret bytea not null, created_at timestamptz not null default now())`.execute(db);
  await sql`insert into server_key (name, secret) values ('list-cursor', ${randomBytes(32)})`.execute(db);
  await sql`
    create index zone_plan_created_idx on zone_plan (created_at desc, id desc);
    create index exemption_granted_idx on exemption (granted_on desc, id desc);
  `.execute(db);
}
