// After designation: the gazette notice and number, the zone's history, change requests, yearly evaluations and
// post-management data requests (RFZ Act Art. 75(4), 81–84, 141; Decree Art. 44(3), 52–55).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table zone add column designation_number text unique;
    alter table zone add column notice jsonb;
    alter table zone add column version integer not null default 1;
    alter table zone add column ended_on date;
    alter table zone add column post_management_until date;

    create table zone_event (
      id uuid primary key,
      seq bigint generated always as identity,
      zone_id uuid not null references zone (id) on delete cascade,
      kind text not null,
      on_date date not null,
      params jsonb not null default '{}'::jsonb,
      actor_user_id uuid references app_user (id),
      created_at timestamptz not null default now()
    );
    create index zone_event_zone_idx on zone_event (zone_id, seq);

    create table zone_change (
      id uuid primary key,
      zone_id uuid not null references zone (id) on delete cascade,
      state text not null check (state in ('filed', 'under_review', 'approved', 'rejected', 'withdrawn')),
      items jsonb not null,
      area_change_percent double precision,
      description jsonb not null,
      minor boolean not null,
      filed_by_region text not null references region (code),
      filed_on date not null,
      reply_due date,
      decided_on date,
      decision jsonb,
      version integer not null default 1,
      created_at timestamptz not null default now()
    );
    create index zone_change_zone_idx on zone_change (zone_id);

    create table zone_evaluation (
      id uuid primary key,
      zone_id uuid not null references zone (id) on delete cascade,
      year integer not null,
      grade text not null check (grade in ('excellent', 'good', 'fair', 'poor')),
      scores jsonb not null,
      summary jsonb not null,
      confirmed_on date not null,
      recorded_by uuid references app_user (id),
      created_at timestamptz not null default now(),
      unique (zone_id, year)
    );

    create table zone_data_request (
      id uuid primary key,
      zone_id uuid not null references zone (id) on delete cascade,
      organisation_id uuid not null references organisation (id),
      subject jsonb not null,
      requested_on date not null,
      due_on date not null,
      answer jsonb,
      answered_on date,
      answered_by uuid references app_user (id),
      created_at timestamptz not null default now()
    );
    create index zone_data_request_zone_idx on zone_data_request (zone_id);
    create index zone_data_request_org_idx on zone_data_request (organisation_id);
  `.execute(db);
}
