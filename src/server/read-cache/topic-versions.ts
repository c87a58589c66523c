// The current version of every public-data topic, read from the database the public reads come from.
// A read that starts after a write committed (on any node) must see it, so versions are read per request — but
// batched: at most one version query runs at a time, and every request arriving while it runs joins the next one
// (never the running one, whose snapshot may predate a commit the client has already seen).
import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';

export type TopicVersions = ReadonlyMap<string, string>;

/** Above this many rows for a topic, old rows are removed (the pair then changes once more: a new row is added). */
const PRUNE_ABOVE_ROWS = 256;

export class TopicVersionReader {
  readonly #read: () => Database;
  readonly #primary: Database;
  #running: Promise<TopicVersions> | null = null;
  #next: Promise<TopicVersions> | null = null;
  #pruning = false;

  /** `read` picks the database of this moment's public reads (a replica or the primary); pruning writes on `primary`. */
  constructor(read: () => Database, primary: Database) {
    this.#read = read;
    this.#primary = primary;
  }

  current(): Promise<TopicVersions> {
    if (this.#running === null) {
      this.#running = this.#query().finally(() => { this.#running = null; });
      return this.#running;
    }
    this.#next ??= this.#running.catch(() => undefined).then(() => {
      this.#next = null;
      return this.current();
    });
    return this.#next;
  }

  async #query(): Promise<TopicVersions> {
    const { rows } = await sql<{ topic: string; n: number; last: string }>`
      select topic, count(*)::int as n, max(id)::text as last from read_cache_bump group by topic`.execute(this.#read());
    const versions = new Map<string, string>();
    for (const row of rows) {
      versions.set(row.topic, `${row.n}.${row.last}`);
      if (row.n > PRUNE_ABOVE_ROWS) this.#prune();
    }
    return versions;
  }

  /**
   * Keeps the newest row of each topic. Pruned topics get a new row in the same transaction, so their version can
   * never return to a pair seen before the removal (rows of late-committing transactions with smaller ids are gone).
   */
  #prune(): void {
    if (this.#pruning) return;
    this.#pruning = true;
    void this.#primary.transaction().execute(async (trx) => {
      const { rows } = await sql<{ topic: string }>`
        delete from read_cache_bump b using (select topic, max(id) as last from read_cache_bump group by topic) newest
        where b.topic = newest.topic and b.id < newest.last returning b.topic`.execute(trx);
      const topics = [...new Set(rows.map((row) => row.topic))];
      if (topics.length > 0) await trx.insertInto('read_cache_bump').values(topics.map((topic) => ({ topic }))).onConflict((oc) => oc.doNothing()).execute();
    }).catch(() => undefined).finally(() => { this.#pruning = false; });
  }
}
