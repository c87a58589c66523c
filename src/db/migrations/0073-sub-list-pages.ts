// Pages of the remaining lists (issue 12; docs/decisions/0049-pages-everywhere.md): the indexes of the keys the
// planning-request and expert lists and the plans' other orders are read in.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index planning_request_page_idx on planning_request (organisation_id, created_at desc, id desc);
    drop index planning_request_org_idx;
    create index zone_plan_updated_idx on zone_plan (updated_at desc, id desc);
    create index zone_plan_region_idx on zone_plan (lead_region, created_at, id);
    create index app_user_name_page_idx on app_user (display_name, id) where disabled_at is null;
  `.execute(db);
}
