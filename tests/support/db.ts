// Test databases: PGlite in memory always; PostgreSQL too when TEST_DATABASE_URL is set.
// Each test file gets its own database (PGlite) or its own schema (PostgreSQL), dropped at the end.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { seedDemo } from '../../src/db/seed/demo.ts';
import { seedDemoInventory } from '../../src/db/seed/demo-inventory.ts';
import { seedReference } from '../../src/db/seed/reference.ts';
import { seedReferenceZones } from '../../src/db/seed/zones.ts';

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
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const db =
    engine === 'postgres'
      ? await openDatabase({ url: process.env.TEST_DATABASE_URL!, schema, poolSize: 4 })
      : await openDatabase({ url: null, dataDir: 'memory://' });
  await migrateToLatest(db, engine === 'postgres' ? schema : 'public');
  await seedReference(db);
  await seedReferenceZones(db);
  if (options.demo ?? true) {
    await seedDemo(db);
    await seedDemoInventory(db);
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

/** A fingerprint of every table's content, to prove a refused request changed nothing. */
export async function snapshot(db: Database): Promise<Record<string, string>> {
  const tables = ['region', 'region_link', 'region_profile', 'organisation', 'app_user', 'session', 'api_token', 'audit_log', 'region_capability', 'region_stage', 'region_exemption_held', 'planning_request', 'zone', 'zone_region', 'zone_plan', 'zone_plan_participant', 'zone_plan_version', 'zone_plan_signoff', 'zone_plan_step', 'notification', 'email_outbox', 'regulation', 'exemption', 'exemption_regulation', 'demonstration_project', 'demonstration_upload', 'demonstration_event', 'demonstration_report', 'demonstration_incident', 'demonstration_attachment', 'demonstration_project_exemption'];
  const out: Record<string, string> = {};
  for (const table of tables) {
    const result = await sql<{ digest: string | null }>`select md5(string_agg(t::text, '|' order by t::text)) as digest from ${sql.table(table)} t`.execute(db);
    out[table] = result.rows[0]?.digest ?? 'empty';
  }
  return out;
}
