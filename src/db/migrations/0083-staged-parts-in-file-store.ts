// Resumable uploads keep their parts in the file store (FILE_STORE: this node's folder or the database every node
// shares) instead of one staging file on the node that received them: the staging row lists the parts it holds.
// Uploads in flight when this runs start again from byte 0 (a client asks for the offset before it resumes); their
// old staging files are swept by the scheduled expiry like any file no upload refers to.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table demonstration_upload_staging add column parts jsonb not null default '[]'::jsonb`.execute(db);
  await sql`update demonstration_upload_staging set received_bytes = 0`.execute(db);
}
