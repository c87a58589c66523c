// The current version of every public-data topic, read from the primary database (and, when public reads may go to
// a replica, the primary's WAL position, which the replica must have replayed to answer them).
// A read that starts after a write committed (on any node) must see it, so versions are read per request — but
// batched: at most one version query runs at a time, and every request arriving while it runs joins the next one
// (never the running one, whose snapshot may predate a commit the client has already seen).
import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';

export type TopicVersions = ReadonlyMap<string, string>;

export interface TopicSnapshot {
  readonly versions: TopicVersions;
  /** `pg_current_wal_lsn()` as the primary reported it with the versions; null unless asked for. */
  readonly walLsn: string | null;
}

/** Above this many rows for a topic, old rows are removed (the pair then changes once more: a new row is added). */
const PRUNE_ABOVE_ROWS = 256;

export class TopicVersionReader {
  readonly #primary: Database;
  readonly #withWal: boolean;
  #running: Promise<TopicSnapshot> | null = null;
  #next: Promise<TopicSnapshot> | null = null;
  #pruning = false;

  /** `withWal`: also read the primary's WAL position (for a read replica; PostgreSQL only). */
  constructor(primary: Database, { withWal = false } = {}) {
    this.#primary = primary;
    this.#withWal = withWal;
  }

  current(): Promise<TopicSnapshot> {
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

  async #query(): Promise<TopicSnapshot> {
    const wal = this.#withWal ? sql`, (select pg_current_wal_lsn()::text) as wal` : sql`, null::text as wal`;
    const { rows } = await sql<{ topic: string | null; n: number; last: string | null; wal: string | null }>`
      select b.topic, count(b.id)::int as n, max(b.id)::text as last ${wal}
      from (select 1) as one left join read_cache_bump b on true group by b.topic`.execute(this.#primary);
    const versions = new Map<string, string>();
    for (const row of rows) {
      if (row.topic === null) continue;
      versions.set(row.topic, `${row.n}.${row.last}`);
      if (row.n > PRUNE_ABOVE_ROWS) this.#prune();
    }
    return { versions, walLsn: rows[0]?.wal ?? null };
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
