// Opens, migrates and fills the database: what `zonelink serve` does on every start.
import type { Config } from '../config.ts';
import { openDatabase, type Database } from './database.ts';
import { migrateToLatest } from './migrate.ts';
import { seedDemo } from './seed/demo.ts';
import { seedDemoInventory } from './seed/demo-inventory.ts';
import { seedDemoPlan } from './seed/demo-plan.ts';
import { seedDemoDemonstrations } from './seed/demo-demonstrations.ts';
import { seedReference, seedStandingGovernments } from './seed/reference.ts';
import { seedReferenceZones } from './seed/zones.ts';
import { seedDemoExemptions, seedReferenceRegulations } from './seed/regulations.ts';

export async function openConfiguredDatabase(config: Config, options: { onConnectionError?: (error: Error) => void } = {}): Promise<Database> {
  return openDatabase({ url: config.databaseUrl, readUrl: config.readDatabaseUrl, dataDir: config.dataDir, connectTimeoutMs: config.databaseConnectTimeoutMs, ...options });
}

export async function prepareDatabase(db: Database, options: { demo: boolean }): Promise<void> {
  await migrateToLatest(db);
  // Provinces, not any region row: the special local governments are loaded at every start (seedStandingGovernments).
  const count = await db.selectFrom('region').where('level', '=', 'province').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(count.n) === 0) await seedReference(db);
  await seedStandingGovernments(db);
  await seedReferenceZones(db);
  await seedReferenceRegulations(db);
  if (options.demo) {
    await seedDemo(db);
    await seedDemoInventory(db);
    await seedDemoPlan(db);
    await seedDemoExemptions(db);
    await seedDemoDemonstrations(db);
  }
}
