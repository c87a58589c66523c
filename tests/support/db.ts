// Test databases: PGlite in memory always; PostgreSQL too when TEST_DATABASE_URL is set.
// Each test file gets its own database, copied from a template built once per machine (pglite-template.ts,
// pg-template.ts), and drops it at the end.
import { sql } from 'kysely';
import type { Database } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { seedDemo } from '../../src/db/seed/demo.ts';
import { seedDemoInventory } from '../../src/db/seed/demo-inventory.ts';
import { seedReference, seedStandingGovernments } from '../../src/db/seed/reference.ts';
import { seedReferenceZones } from '../../src/db/seed/zones.ts';
import { openPgliteFromTemplate } from './pglite-template.ts';
import { openPostgresFromTemplate } from './pg-template.ts';

export type Engine = 'pglite' | 'postgres';

export function engines(): Engine[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDatabase {
  db: Database;
  engine: Engine;
  close(): Promise<void>;
}

export async function openTestDatabase(engine: Engine, options: { demo?: boolean } = {}): Promise<TestDatabase> {
  const demo = options.demo ?? true;
  const build = async (db: Database) => {
    await migrateToLatest(db, 'public');
    await seedReference(db);
    await seedStandingGovernments(db);
    await seedReferenceZones(db);
    if (demo) {
      await seedDemo(db);
      await seedDemoInventory(db);
    }
  };
  const kind = demo ? 'demo' : 'reference';
  if (engine === 'postgres') {
    const { db, drop } = await openPostgresFromTemplate(kind, build);
    return { db, engine, async close() { await db.destroy(); await drop(); } };
  }
  const db = await openPgliteFromTemplate(kind, build);
  return { db, engine, close: () => db.destroy() };
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
