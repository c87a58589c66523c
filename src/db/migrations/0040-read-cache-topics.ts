// Versions of the public data, for the cache of public reads (docs/decisions/0040-public-reads.md): a statement-level
// trigger on every table a public read shows records, in the writing transaction, that the topic changed — one row
// per topic and transaction, insert only, so writers never wait for one another and cannot deadlock. A reader's
// version of a topic is (number of rows, largest id) as its snapshot sees them: every commit that changes a topic
// changes that pair, whatever the order in which transactions took their ids and committed.
import { sql, type Kysely } from 'kysely';

/** Topic → tables whose writes change what the public reads of that topic show. */
export const READ_CACHE_TOPICS = {
  regions: ['region', 'region_link', 'region_profile', 'region_capability', 'region_stage', 'region_exemption_held'],
  organisations: ['organisation', 'app_user'],
  zones: ['zone', 'zone_region', 'zone_event', 'zone_change', 'zone_evaluation', 'zone_data_request'],
  plans: ['zone_plan', 'zone_plan_version', 'zone_plan_participant'],
  regulations: ['regulation'],
  exemptions: ['exemption', 'exemption_regulation', 'exemption_redeliberation', 'exemption_cancellation', 'exemption_results_report', 'law_amendment'],
  holidays: ['extra_holiday'],
} as const satisfies Record<string, readonly string[]>;

export type ReadCacheTopic = keyof typeof READ_CACHE_TOPICS;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table read_cache_bump (
      id bigint generated always as identity primary key,
      topic text not null,
      xact xid8 not null default pg_current_xact_id(),
      unique (topic, xact)
    );
    create function read_cache_bump() returns trigger language plpgsql as $$
    begin
      insert into read_cache_bump (topic) values (tg_argv[0]) on conflict do nothing;
      return null;
    end $$;
  `.execute(db);
  for (const [topic, tables] of Object.entries(READ_CACHE_TOPICS)) {
    for (const table of tables) {
      await sql.raw(`create trigger ${table}_read_cache after insert or update or delete or truncate on ${table}
        for each statement execute function read_cache_bump('${topic}')`).execute(db);
    }
  }
}
