// Pages of the lists under one object (issue 12; docs/decisions/0049-pages-everywhere.md): the keys a zone's change
// requests, a project's uploads and incidents and a report's attachments are read in, each after the object's id (a
// zone's events and a plan's versions already have theirs: zone_event_zone_idx, the versions' primary key).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index zone_change_page_idx on zone_change (zone_id, created_at, id);
    drop index zone_change_zone_idx;
    create index demonstration_upload_page_idx on demonstration_upload (project_id, created_at, id);
    create index demonstration_incident_page_idx on demonstration_incident (project_id, occurred_at, id);
    drop index demonstration_incident_project_idx;
    create index demonstration_attachment_page_idx on demonstration_attachment (project_id, period_index, created_at, id);
    drop index demonstration_attachment_report_idx;
  `.execute(db);
}
