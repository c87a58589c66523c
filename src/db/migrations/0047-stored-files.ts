// Stored files in the database (FILE_STORE=database, decision record 0031), so every node reads what any node
// stored: a file's bytes are chunks of at most 256 KiB written as they stream in (never the whole file in memory),
// and the file exists under its name only once its `stored_file` row is committed — one insert, so a crash never
// leaves half a file under a name. Chunks no row refers to (an upload cut off) are swept after a day.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table stored_file_chunk (
      blob uuid not null,
      seq integer not null check (seq >= 0),
      bytes bytea not null,
      created_at timestamptz not null default now(),
      primary key (blob, seq)
    );
    create table stored_file (
      area text not null,
      id text not null,
      blob uuid not null unique,
      size_bytes bigint not null check (size_bytes >= 0),
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      created_at timestamptz not null default now(),
      primary key (area, id)
    );
    create index stored_file_chunk_created_idx on stored_file_chunk (created_at) where seq = 0;
  `.execute(db);
}
