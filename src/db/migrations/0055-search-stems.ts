// Search tokens gain light English and French stems (issue 15, item 7; docs/decisions/0014-light-stemming.md):
// the stored tokens of every regulation and exemption are recomputed so that "drones" finds "drone".
import type { Kysely } from 'kysely';
import { reindexSearch } from '../maintenance/reindex-search.ts';
import type { DB } from '../schema.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await reindexSearch(db as Kysely<DB>);
}

