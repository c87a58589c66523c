// Sign-in attempts, shared by every node (issue 11, finding 6): a row is written when an attempt starts and
// kept only when it fails, so successful sign-ins never count. The limiter counts rows per address and per
// (address, e-mail) in a sliding window on the database's clock; rows older than the window are swept.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table sign_in_attempt (
      id bigint generated always as identity primary key,
      ip text not null,
      email text not null,
      at timestamptz not null default clock_timestamp()
    );
    create index sign_in_attempt_ip_idx on sign_in_attempt (ip, at);
    create index sign_in_attempt_ip_email_idx on sign_in_attempt (ip, email, at);
    create index sign_in_attempt_at_idx on sign_in_attempt (at);
  `.execute(db);
}
