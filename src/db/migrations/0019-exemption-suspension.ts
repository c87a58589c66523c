// A serious incident suspends one exemption for a project, not the whole project (issue 5, item 3): an incident
// names the project's exemptions it concerns, and a suspension is kept per project-exemption link (project id,
// exemption id) with the incident, who, when and why, and who lifted it when (the compliance engine needs the
// past periods too). A link is suspended while it has a suspension not lifted. Keyed by the link's pair, not by
// the link row, so an edit of the project's exemption list neither loses nor escapes a suspension.
//
// The project-level 'suspended' state goes: a project suspended before this migration is demonstrating again,
// with each of its exemptions suspended from the moment of its last change (its suspension), naming its latest
// serious incident; its incidents name all the project's exemptions (they concerned the whole project).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table demonstration_incident add column exemption_ids uuid[] not null default '{}';
    update demonstration_incident i set exemption_ids = array(
      select x.exemption_id from demonstration_project_exemption x where x.project_id = i.project_id order by x.position);

    create table demonstration_exemption_suspension (
      id uuid primary key,
      project_id uuid not null references demonstration_project (id),
      exemption_id uuid not null references exemption (id),
      incident_id uuid references demonstration_incident (id),
      suspended_at timestamptz not null,
      suspended_by uuid references app_user (id),
      reason jsonb not null,
      lifted_at timestamptz,
      lifted_by uuid references app_user (id),
      lift_reason jsonb,
      check ((lifted_at is null) = (lift_reason is null)),
      check (lifted_at is null or lifted_at >= suspended_at)
    );
    create unique index demonstration_exemption_suspension_open_idx on demonstration_exemption_suspension (project_id, exemption_id) where lifted_at is null;
    create index demonstration_exemption_suspension_project_idx on demonstration_exemption_suspension (project_id, exemption_id, suspended_at);

    insert into demonstration_exemption_suspension (id, project_id, exemption_id, incident_id, suspended_at, suspended_by, reason)
      select gen_random_uuid(), p.id, x.exemption_id,
        (select i.id from demonstration_incident i where i.project_id = p.id and i.severity in ('serious', 'critical') order by i.occurred_at desc, i.id limit 1),
        p.updated_at, null, '{"ko": "프로젝트 전체 실증 중지에서 이전됨", "en": "Carried over from the suspension of the whole demonstration"}'::jsonb
        from demonstration_project p join demonstration_project_exemption x on x.project_id = p.id
        where p.state = 'suspended';
    update demonstration_project set state = 'demonstrating' where state = 'suspended';
    alter table demonstration_project drop constraint demonstration_project_state_check;
    alter table demonstration_project add constraint demonstration_project_state_check check (state in ('draft', 'demonstrating', 'completed'));
  `.execute(db);
}
