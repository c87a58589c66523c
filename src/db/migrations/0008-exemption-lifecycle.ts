// After an exemption's grant: re-deliberation (once), cancellation after a hearing, the results report,
// the law-amendment track (request evidence, review, 60-day plan, progress, escalation, effective date),
// and administrator-added one-off holidays.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table exemption_redeliberation (
      exemption_id uuid primary key references exemption (id),
      notified_on date not null,
      requested_on date not null,
      grounds jsonb not null,
      requested_by uuid references organisation (id),
      decided_on date,
      outcome text check (outcome in ('granted', 'rejected')),
      created_at timestamptz not null default now()
    );

    create table exemption_cancellation (
      exemption_id uuid primary key references exemption (id),
      ground text not null,
      hearing_notice_on date not null,
      hearing_on date not null,
      hearing_record jsonb not null,
      decided_on date,
      reason jsonb,
      created_at timestamptz not null default now(),
      check (hearing_notice_on <= hearing_on),
      check (decided_on is null or decided_on >= hearing_on)
    );

    create table exemption_results_report (
      exemption_id uuid primary key references exemption (id),
      submitted_on date not null,
      results jsonb not null,
      evidence jsonb not null default '[]',
      submitted_by uuid references organisation (id),
      created_at timestamptz not null default now()
    );

    create table law_amendment (
      exemption_id uuid primary key references exemption (id),
      requested_on date,
      evidence jsonb not null default '[]',
      review_reported_on date,
      amendment_needed boolean,
      review jsonb,
      plan_submitted_on date,
      plan jsonb,
      schedule jsonb not null default '[]',
      progress jsonb not null default '[]',
      escalated_on date,
      escalation jsonb,
      effective_on date,
      version integer not null default 1,
      updated_at timestamptz not null default now()
    );

    create table extra_holiday (
      day date primary key,
      name jsonb not null,
      created_by uuid references app_user (id),
      created_at timestamptz not null default now()
    );
  `.execute(db);
}
