// Report attachments (files outside the database, checksum here) and a project's exemptions as real
// references: the uuid[] of 0007 becomes a join table with foreign keys to `exemption` (ids that name no
// exemption are dropped while migrating).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table demonstration_attachment (
      id uuid primary key,
      project_id uuid not null,
      period_index integer not null,
      name text not null,
      kind text not null check (kind in ('pdf', 'png', 'jpeg', 'csv', 'xlsx')),
      size_bytes integer not null check (size_bytes >= 0),
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      created_by uuid references app_user (id),
      created_at timestamptz not null default now(),
      foreign key (project_id, period_index) references demonstration_report (project_id, period_index)
    );
    create index demonstration_attachment_report_idx on demonstration_attachment (project_id, period_index, created_at);

    create table demonstration_project_exemption (
      project_id uuid not null references demonstration_project (id) on delete cascade,
      exemption_id uuid not null references exemption (id),
      position integer not null,
      primary key (project_id, exemption_id)
    );
    create index demonstration_project_exemption_exemption_idx on demonstration_project_exemption (exemption_id);

    insert into demonstration_project_exemption (project_id, exemption_id, position)
      select p.id, x.id, x.ord
        from demonstration_project p
        cross join lateral unnest(p.exemption_ids) with ordinality as x (id, ord)
        where exists (select 1 from exemption e where e.id = x.id);
    alter table demonstration_project drop column exemption_ids;
  `.execute(db);
}
