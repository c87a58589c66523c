// Work that every node may pick up is claimed in the database, once (issue 11, finding 7; decision record 0030):
// - scheduled jobs (deadline and lifecycle scans, expiry of staged uploads and error files, the sign-in attempt
//   sweep) are rows whose next run one node claims with a lease, so a job runs once per period across nodes;
// - e-mails in the outbox are leased by the node that sends them, so two nodes never send one mail twice.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table scheduled_job (
      name text primary key,
      period_seconds integer not null check (period_seconds > 0),
      next_run_at timestamptz not null default clock_timestamp(),
      leased_by text,
      leased_until timestamptz,
      runs integer not null default 0,
      last_started_at timestamptz,
      last_finished_at timestamptz,
      last_error text
    );
    alter table email_outbox add column leased_by text, add column leased_until timestamptz;
  `.execute(db);
}
