// Test databases: PGlite in memory always; PostgreSQL too when TEST_DATABASE_URL is set.
// Each test file gets its own database (PGlite, loaded from a machine-wide template: pglite-template.ts) or its own
// schema (PostgreSQL), dropped at the end.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { seedDemo } from '../../src/db/seed/demo.ts';
import { seedDemoInventory } from '../../src/db/seed/demo-inventory.ts';
import { seedReference } from '../../src/db/seed/reference.ts';
import { seedReferenceZones } from '../../src/db/seed/zones.ts';
import { openPgliteFromTemplate } from './pglite-template.ts';

export type Engine = 'pglite' | 'postgres';

export function engines(): Engine[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDatabase {
  db: Database;
  engine: Engine;
  close(): Promise<void>;
}

/**
 * Kysely's migrator looks for its bookkeeping tables by listing every table of the database; on the shared
 * PostgreSQL server another test file may drop its schema in the middle of that listing ("relation
 * t_….x does not exist", 42P01, or "schema t_… does not exist", 3F000). Nothing has been migrated at that point, so the attempt is repeated.
 */
async function migrateRetrying(db: Database, schema: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await migrateToLatest(db, schema);
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 5 || (code !== '42P01' && code !== '3F000')) throw error;
    }
  }
}

export async function openTestDatabase(engine: Engine, options: { demo?: boolean } = {}): Promise<TestDatabase> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const demo = options.demo ?? true;
  const build = async (db: Database, migrationSchema: string) => {
    await migrateRetrying(db, migrationSchema);
    await seedReference(db);
    await seedReferenceZones(db);
    if (demo) {
      await seedDemo(db);
      await seedDemoInventory(db);
    }
  };
  let db: Database;
  if (engine === 'postgres') {
    db = await openDatabase({ url: process.env.TEST_DATABASE_URL!, schema, poolSize: 4 });
    await build(db, schema);
  } else {
    db = await openPgliteFromTemplate(demo ? 'demo' : 'reference', (fresh) => build(fresh, 'public'));
  }
  return {
    db,
    engine,
    async close() {
      if (engine === 'postgres') await sql.raw(`drop schema if exists "${schema}" cascade`).execute(db);
      await db.destroy();
    },
  };
}

const tablesOf = new WeakMap<Database, string[]>();

/** Tables a refused request writes by design: a failed sign-in is recorded (it counts towards the sign-in limit). */
const RECORDED_WHEN_REFUSED = new Set(['sign_in_attempt']);

/**
 * A fingerprint of every table of the test schema (but those above), to prove a refused request changed nothing: per table the row
 * count and a sum over each row's xmin (the transaction that wrote it), so an insert, delete or update shows,
 * even one writing the same values. Tables are listed from the catalogue once per database.
 */
export async function snapshot(db: Database): Promise<Record<string, string>> {
  let tables = tablesOf.get(db);
  if (!tables) {
    const listed = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely_%'
      order by 1`.execute(db);
    tables = listed.rows.map((row) => row.name).filter((name) => !RECORDED_WHEN_REFUSED.has(name));
    tablesOf.set(db, tables);
  }
  const parts = tables.map(
    (table) => sql<{ name: string; digest: string }>`select ${table} as name, count(*)::text || ':' || coalesce(sum(hashtext(xmin::text)::bigint), 0)::text as digest from ${sql.table(table)}`,
  );
  const result = await sql<{ name: string; digest: string }>`${sql.join(parts, sql` union all `)}`.execute(db);
  return Object.fromEntries(result.rows.map((row) => [row.name, row.digest]));
}

/**
 * A fingerprint of what every table of the current schema holds (not of which transaction wrote it, unlike
 * snapshot): per table the row count and an MD5 over its rows' text in byte order, written in UTC, plus each
 * sequence's position — equal on two databases, on either engine, exactly when they hold the same data.
 */
export async function contentFingerprint(db: Database): Promise<Record<string, string>> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('timezone', 'UTC', true), set_config('datestyle', 'ISO, YMD', true), set_config('extra_float_digits', '1', true)`.execute(trx);
    const tables = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely_%' order by 1`.execute(trx);
    const fingerprint: Record<string, string> = {};
    for (const { name } of tables.rows) {
      const { rows } = await sql<{ digest: string }>`
        select count(*)::text || ':' || coalesce(md5(string_agg(t::text, E'\n' order by t::text collate "C")), '') as digest from ${sql.table(name)} as t`.execute(trx);
      fingerprint[name] = rows[0]!.digest;
    }
    const sequences = await sql<{ name: string }>`select relname as name from pg_class where relnamespace = current_schema()::regnamespace and relkind = 'S' order by 1`.execute(trx);
    for (const { name } of sequences.rows) {
      const { rows } = await sql<{ at: string }>`select last_value::text || ':' || is_called::text as at from ${sql.table(name)}`.execute(trx);
      fingerprint[`sequence ${name}`] = rows[0]!.at;
    }
    return fingerprint;
  });
}
