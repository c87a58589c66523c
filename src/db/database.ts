// Opens the database: embedded PGlite by default, a PostgreSQL server when a URL is given.
// One SQL dialect (PostgreSQL) and one query builder (Kysely) on both engines.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { trackPool } from './copy.ts';
import { lockDataFolder } from './data-folder-lock.ts';
import { PGlitePool, pgliteParsers } from './pglite-pool.ts';
import { ReplicaRoutingPool } from './read-replica.ts';
import type { DB } from './schema.ts';

export type Database = Kysely<DB>;

export interface DatabaseOptions {
  /** postgres://… or null for PGlite. */
  url: string | null;
  /** PostgreSQL: a streaming replica of `url` for anonymous public reads (src/db/read-replica.ts), or null. */
  readUrl?: string | null;
  /** PGlite folder, or 'memory://'. */
  dataDir?: string;
  /** In-memory PGlite: start from this data folder (a tarball of `dumpDataDir`) instead of an empty cluster. */
  loadDataDir?: Blob;
  /** PostgreSQL schema to work in (test isolation); created when missing. */
  schema?: string;
  poolSize?: number;
  /** PostgreSQL: longest wait for a connection (a new one, or a free one of a full pool); 0 waits forever. */
  connectTimeoutMs?: number;
  /**
   * PostgreSQL: told of every error of a pooled connection outside a query (the server shut down or terminated it,
   * the network cut it). The connection is dropped and replaced on demand; queries on it fail on their own. Without
   * a listener such an error would end the process (Node's unhandled 'error' event).
   */
  onConnectionError?: (error: Error) => void;
}

/** The default wait for a PostgreSQL connection (DATABASE_CONNECT_TIMEOUT_MS). */
export const DEFAULT_CONNECT_TIMEOUT_MS = 5000;

let pgTypesSet = false;
function setPgTypeParsers(): void {
  if (pgTypesSet) return;
  pgTypesSet = true;
  pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
  pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
  pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
}

function pgPool(url: string, options: DatabaseOptions, onError: (error: Error) => void): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    // TCP keep-alive: a server that vanished without closing the connection (host down, network cut) is noticed.
    keepAlive: true,
    ...(options.schema ? { options: `-c search_path=${options.schema},public` } : {}),
  });
  // An idle connection's error reaches the pool; a checked-out one's (between two queries of a transaction) its
  // client. Both are listened to, so no connection error ends the process (docs/decisions/0025-database-outages.md).
  pool.on('error', onError);
  pool.on('connect', (client) => { client.on('error', onError); });
  trackPool(pool);
  return pool;
}

const replicas = new WeakMap<Database, ReplicaRoutingPool>();

/** The replica routing of a database opened with a `readUrl`, or null. */
export function replicaOf(db: Database): ReplicaRoutingPool | null {
  return replicas.get(db) ?? null;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    setPgTypeParsers();
    const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    const onError = options.onConnectionError ?? (() => undefined);
    if (options.schema) {
      const admin = new pg.Client({ connectionString: options.url, connectionTimeoutMillis: connectTimeoutMs });
      admin.on('error', onError);
      try {
        await admin.connect();
        await admin.query(`create schema if not exists "${options.schema.replace(/"/g, '')}"`);
      } finally {
        await admin.end().catch(() => undefined);
      }
    }
    const pool = pgPool(options.url, options, onError);
    if (options.readUrl) {
      const routing = new ReplicaRoutingPool(pool, pgPool(options.readUrl, options, onError));
      const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: routing }) });
      replicas.set(db, routing);
      return db;
    }
    return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  }
  const dataDir = options.dataDir ?? 'memory://';
  const lite = dataDir === 'memory://'
    ? await PGlite.create(undefined, { parsers: pgliteParsers, ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}) })
    : null;
  const pool = lite ? new PGlitePool(lite) : await openDataFolder(dataDir);
  if (options.schema) {
    await pool.pglite.exec(`create schema if not exists "${options.schema.replace(/"/g, '')}"; set search_path to "${options.schema.replace(/"/g, '')}", public;`);
  }
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  embedded.set(db, pool.pglite);
  return db;
}

const embedded = new WeakMap<Database, PGlite>();

/** An embedded database's whole data folder as a tarball (what `loadDataDir` takes); null on PostgreSQL. */
export async function dumpEmbeddedDataDir(db: Database): Promise<Blob | null> {
  const lite = embedded.get(db);
  return lite ? lite.dumpDataDir('none') : null;
}

export class DataFolderUnreadableError extends Error {
  constructor(folder: string, cause: unknown) {
    super(
      `The embedded database in ${folder} cannot be opened: ${cause instanceof Error ? cause.message : String(cause)}\n` +
        `Its files are damaged (or were written by another version). The way out:\n` +
        `  1. move the folder aside:        mv ${folder} ${folder}.damaged\n` +
        `  2. restore the latest backup:    zonelink restore <backup file>   (into the fresh folder)\n` +
        `  or, without a backup, start afresh (zonelink serve creates an empty database) and keep the damaged folder for recovery.`,
      { cause },
    );
    this.name = 'DataFolderUnreadableError';
  }
}

/** Locks the folder (one process at a time) and opens it; a folder PGlite cannot open is a clear error. */
async function openDataFolder(dataDir: string): Promise<PGlitePool> {
  mkdirSync(dataDir, { recursive: true });
  const lock = await lockDataFolder(dataDir);
  try {
    const lite = await PGlite.create(dataDir, { parsers: pgliteParsers }).catch((error: unknown) => {
      throw new DataFolderUnreadableError(resolve(dataDir), error);
    });
    return new PGlitePool(lite, () => lock.release());
  } catch (error) {
    lock.release();
    throw error;
  }
}
