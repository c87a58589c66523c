// In-app notifications and the e-mail outbox (written in the same transaction as the change they report).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table notification (
      id uuid primary key,
      user_id uuid not null references app_user (id),
      kind text not null,
      params jsonb not null,
      link text,
      object_type text,
      object_id text,
      dedup_key text,
      created_at timestamptz not null,
      read_at timestamptz,
      unique (user_id, dedup_key)
    );
    create index notification_user_idx on notification (user_id, created_at desc);
    create table email_outbox (
      id uuid primary key,
      notification_id uuid not null unique references notification (id),
      to_address text not null,
      subject text not null,
      body text not null,
      status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null,
      last_error text,
      sent_at timestamptz,
      created_at timestamptz not null
    );
    create index email_outbox_pending_idx on email_outbox (next_attempt_at) where status = 'pending';
  `.execute(db);
}
