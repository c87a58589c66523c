// Reads from a streaming replica (DATABASE_READ_URL; docs/decisions/0046-list-pages-and-read-replicas.md): queries
// started inside `readingFromReplica` take a connection of the replica, every other query one of the primary. Only
// anonymous public reads are sent there, and only when the replica has replayed the primary's WAL up to where it was
// when the request arrived — so a read never shows less than a write that committed before it. A replica that
// lags is skipped for that request; one that cannot be reached is skipped for a few seconds (the primary answers).
import { AsyncLocalStorage } from 'node:async_hooks';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

const onReplica = new AsyncLocalStorage<true>();

/** Runs `work` (and everything it starts) with its queries sent to the replica, when the database has one. */
export function readingFromReplica<T>(work: () => T): T {
  return onReplica.run(true, work);
}

/** A WAL position (`16/B374D848`) as a number that orders like it. */
function lsnValue(lsn: string): bigint {
  const [high = '0', low = '0'] = lsn.split('/');
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

export class ReplicaRoutingPool implements PostgresPool {
  readonly #primary: pg.Pool;
  readonly #replica: pg.Pool;
  readonly #retryMs: number;
  #unreachableUntil = 0;
  /** The newest replay position read from the replica (it only grows). */
  #replayed = -1n;
  #replayQuery: Promise<void> | null = null;
  /** Connections handed out by the replica (a test reads it to show where reads went). */
  replicaConnections = 0;

  constructor(primary: pg.Pool, replica: pg.Pool, retryMs = 5000) {
    this.#primary = primary;
    this.#replica = replica;
    this.#retryMs = retryMs;
  }

  async connect(): Promise<PostgresPoolClient> {
    if (onReplica.getStore() === true && this.#reachable()) {
      try {
        const client = await this.#replica.connect();
        this.replicaConnections += 1;
        return client;
      } catch {
        this.#unreachable();
      }
    }
    return this.#primary.connect();
  }

  async end(): Promise<void> {
    await Promise.all([this.#primary.end(), this.#replica.end()]);
  }

  /**
   * Whether the replica has replayed the primary's WAL up to `lsn` (`pg_current_wal_lsn()` read on the primary after
   * the request arrived). Known positions answer at once; otherwise one query asks the replica (requests that come
   * meanwhile share it) — a replica still behind, or unreachable, answers false.
   */
  async caughtUpTo(lsn: string): Promise<boolean> {
    const wanted = lsnValue(lsn);
    if (this.#replayed >= wanted) return true;
    if (!this.#reachable()) return false;
    this.#replayQuery ??= this.#readReplayed().finally(() => { this.#replayQuery = null; });
    await this.#replayQuery;
    return this.#replayed >= wanted;
  }

  async #readReplayed(): Promise<void> {
    try {
      const { rows } = await this.#replica.query<{ lsn: string | null }>('select pg_last_wal_replay_lsn()::text as lsn');
      const lsn = rows[0]?.lsn;
      if (lsn) this.#replayed = lsnValue(lsn) > this.#replayed ? lsnValue(lsn) : this.#replayed;
    } catch {
      this.#unreachable();
    }
  }

  #reachable(): boolean {
    return Date.now() >= this.#unreachableUntil;
  }

  #unreachable(): void {
    this.#unreachableUntil = Date.now() + this.#retryMs;
  }
}
