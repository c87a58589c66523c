// Re-deliberation covers a grant whose conditions the applicant objects to, not only a rejection
// (Decree Art. 57-3(1), 64-3; DOMAIN.md §3, §11): the row records which decision was objected to.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table exemption_redeliberation add column decision text not null default 'rejected' check (decision in ('rejected', 'granted'));
  `.execute(db);
}

