// Adapts one PGlite instance to the pool interface Kysely's PostgresDialect expects.
// PGlite has a single connection: `connect()` hands it out to one holder at a time, in order.
import type { PGlite} from '@electric-sql/pglite';
import { types } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

/** Same value types on both engines: int8 and numeric as numbers, dates as 'YYYY-MM-DD'. */
export const pgliteParsers = {
  [types.INT8]: (v: string) => Number(v),
  [types.NUMERIC]: (v: string) => Number(v),
  [types.DATE]: (v: string) => v,
};

function commandOf(sqlText: string): string {
  const match = /^\s*(?:with\b[\s\S]*?\)\s*)?(\w+)/i.exec(sqlText);
  return (match?.[1] ?? '').toUpperCase();
}

export class PGlitePool implements PostgresPool {
  readonly #db: PGlite;
  readonly #onEnd: () => void;
  #holder: Promise<void> = Promise.resolve();

  /** `onEnd` runs once the database is closed (releases the data folder's lock). */
  constructor(db: PGlite, onEnd: () => void = () => undefined) {
    this.#db = db;
    this.#onEnd = onEnd;
  }

  get pglite(): PGlite {
    return this.#db;
  }

  async connect(): Promise<PostgresPoolClient> {
    let release!: () => void;
    const previous = this.#holder;
    this.#holder = new Promise<void>((resolve) => (release = resolve));
    await previous;
    const db = this.#db;
    let released = false;
    const client = {
      async query<R>(sqlText: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
        if (parameters.length === 0) {
          // Simple protocol: allows several statements (migrations); the last result counts.
          const results = await db.exec(sqlText);
          const last = results[results.length - 1];
          return { command: commandOf(sqlText) as never, rowCount: last?.affectedRows ?? 0, rows: (last?.rows ?? []) as R[] };
        }
        const result = await db.query<R>(sqlText, parameters as unknown[]);
        return { command: commandOf(sqlText) as never, rowCount: result.affectedRows ?? result.rows.length, rows: result.rows };
      },
      release() {
        if (released) return;
        released = true;
        release();
      },
    };
    return client as unknown as PostgresPoolClient;
  }

  async end(): Promise<void> {
    await this.#holder;
    try {
      if (!this.#db.closed) await this.#db.close();
    } finally {
      this.#onEnd();
    }
  }
}
