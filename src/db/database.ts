// Opens the database: embedded PGlite by default, a PostgreSQL server when a URL is given.
// One SQL dialect (PostgreSQL) and one query builder (Kysely) on both engines.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { trackPool } from './copy.ts';
import { PGlitePool, pgliteParsers } from './pglite-pool.ts';
import type { DB } from './schema.ts';

export type Database = Kysely<DB>;

export interface DatabaseOptions {
  /** postgres://… or null for PGlite. */
  url: string | null;
  /** PGlite folder, or 'memory://'. */
  dataDir?: string;
  /** PostgreSQL schema to work in (test isolation); created when missing. */
  schema?: string;
  poolSize?: number;
}

let pgTypesSet = false;
function setPgTypeParsers(): void {
  if (pgTypesSet) return;
  pgTypesSet = true;
  pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
  pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
  pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    setPgTypeParsers();
    if (options.schema) {
      const admin = new pg.Client({ connectionString: options.url });
      await admin.connect();
      await admin.query(`create schema if not exists "${options.schema.replace(/"/g, '')}"`);
      await admin.end();
    }
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      ...(options.schema ? { options: `-c search_path=${options.schema},public` } : {}),
    });
    trackPool(pool);
    return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  }
  const dataDir = options.dataDir ?? 'memory://';
  if (dataDir !== 'memory://') mkdirSync(dataDir, { recursive: true });
  const lite = await PGlite.create(dataDir === 'memory://' ? undefined : dataDir, {
    parsers: pgliteParsers,
  });
  if (options.schema) {
    await lite.exec(`create schema if not exists "${options.schema.replace(/"/g, '')}"; set search_path to "${options.schema.replace(/"/g, '')}", public;`);
  }
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool: new PGlitePool(lite) }) });
}
