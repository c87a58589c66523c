// Resumable demonstration data uploads: the bytes of an upload still being sent in parts live in a staging file
// under the file storage folder; this table records how many of them are received (the offset), so a restarted
// server knows where the client resumes. A row goes when the upload is completed or expires.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table demonstration_upload_staging (
      project_id uuid not null references demonstration_project (id) on delete cascade,
      id uuid not null,
      format text not null check (format in ('csv', 'ndjson')),
      total_bytes integer not null check (total_bytes > 0),
      received_bytes integer not null check (received_bytes >= 0 and received_bytes <= total_bytes),
      created_by uuid references app_user (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (project_id, id)
    );
    create index demonstration_upload_staging_updated_idx on demonstration_upload_staging (updated_at);
  `.execute(db);
}
