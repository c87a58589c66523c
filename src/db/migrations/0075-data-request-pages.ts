// Pages of a zone's post-management data requests (issue 12; docs/decisions/0049-pages-everywhere.md): the key they
// are read in, after the zone's id.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index zone_data_request_page_idx on zone_data_request (zone_id, requested_on, id);
    drop index zone_data_request_zone_idx;
  `.execute(db);
}
