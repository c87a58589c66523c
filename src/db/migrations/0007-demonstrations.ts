// Demonstration projects (실증사업), their data uploads and events. Exemptions are referenced by id
// (uuid[]) without a foreign key until the exemption tables are settled (ADR 0008).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table demonstration_project (
      id uuid primary key,
      zone_id uuid not null references zone (id),
      title jsonb not null,
      summary jsonb not null,
      state text not null check (state in ('draft', 'demonstrating', 'suspended', 'completed')),
      lead_company uuid not null references organisation (id),
      partner_companies uuid[] not null default '{}',
      exemption_ids uuid[] not null default '{}',
      sites text[] not null default '{}',
      products jsonb not null,
      period_start date not null,
      period_end date not null,
      milestones jsonb not null,
      kpis jsonb not null,
      safety_plan jsonb not null,
      insurance_required boolean not null,
      insurance jsonb,
      rules jsonb not null,
      version integer not null,
      demo boolean not null default false,
      created_by uuid references app_user (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (period_end >= period_start)
    );
    create index demonstration_project_zone_idx on demonstration_project (zone_id);
    create index demonstration_project_lead_idx on demonstration_project (lead_company);

    create table demonstration_upload (
      project_id uuid not null references demonstration_project (id),
      id uuid not null,
      format text not null check (format in ('csv', 'ndjson')),
      mode text not null check (mode in ('all', 'skip-invalid')),
      sha256 text not null,
      rows_total integer not null,
      rows_stored integer not null,
      rows_rejected integer not null,
      errors jsonb not null,
      created_by uuid references app_user (id),
      created_at timestamptz not null default now(),
      primary key (project_id, id)
    );

    -- Periodic reports: one per reporting period (1-based index of the schedule), reviewed by the zone's
    -- governments or MSS; resubmitted after a request for changes.
    create table demonstration_report (
      project_id uuid not null references demonstration_project (id),
      period_index integer not null check (period_index >= 1),
      period_from date not null,
      period_to date not null,
      due date not null,
      kpi_values jsonb not null,
      narrative jsonb not null,
      submitted_at timestamptz not null,
      submitted_by uuid references app_user (id),
      review_state text not null check (review_state in ('submitted', 'accepted', 'changes_requested')),
      review_comment jsonb,
      reviewed_at timestamptz,
      reviewed_by uuid references app_user (id),
      version integer not null,
      primary key (project_id, period_index)
    );

    create table demonstration_incident (
      id uuid primary key,
      project_id uuid not null references demonstration_project (id),
      severity text not null check (severity in ('minor', 'serious', 'critical')),
      occurred_at timestamptz not null,
      reported_at timestamptz not null,
      report_deadline timestamptz not null,
      place jsonb not null,
      lon double precision,
      lat double precision,
      description jsonb not null,
      immediate_actions jsonb not null,
      reported_by uuid references app_user (id)
    );
    create index demonstration_incident_project_idx on demonstration_incident (project_id, occurred_at);

    -- Declarative partitioning by time (the same on PostgreSQL and PGlite): one partition per year,
    -- a default partition for the rest. Keys of the partitioned table must include ts.
    create table demonstration_event (
      project_id uuid not null,
      upload_id uuid not null,
      row_no integer not null,
      ts timestamptz not null,
      device_id integer,
      session_id integer,
      lon double precision,
      lat double precision,
      speed double precision,
      altitude double precision,
      load double precision,
      people double precision
    ) partition by range (ts);
    create index demonstration_event_project_ts_idx on demonstration_event (project_id, ts, upload_id, row_no);
    create table demonstration_event_default partition of demonstration_event default;
  `.execute(db);
  for (let year = 2019; year <= 2032; year += 1) {
    await sql`create table ${sql.raw(`demonstration_event_y${year}`)} partition of demonstration_event
      for values from (${sql.lit(`${year}-01-01T00:00:00+09:00`)}) to (${sql.lit(`${year + 1}-01-01T00:00:00+09:00`)})`.execute(db);
  }
}
