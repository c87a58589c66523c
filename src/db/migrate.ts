// Applies the migrations in ./migrations with Kysely's migrator (the same on PGlite and PostgreSQL).
import { Migrator, sql, type Migration, type MigrationResultSet } from 'kysely';
import type { Database } from './database.ts';
import * as m0001 from './migrations/0001-foundation.ts';
import * as m0002 from './migrations/0002-capabilities.ts';
import * as m0003 from './migrations/0003-zones.ts';
import * as m0004 from './migrations/0004-plans.ts';
import * as m0005 from './migrations/0005-notifications.ts';
import * as m0006 from './migrations/0006-regulations.ts';
import * as m0007 from './migrations/0007-demonstrations.ts';
import * as m0008 from './migrations/0008-exemption-lifecycle.ts';
import * as m0009 from './migrations/0009-attachments-evidence.ts';
import * as m0010 from './migrations/0010-plan-review.ts';
import * as m0011 from './migrations/0011-zone-after-designation.ts';
import * as m0012 from './migrations/0012-holidays.ts';
import * as m0013 from './migrations/0013-grant-redeliberation.ts';
import * as m0014 from './migrations/0014-attachment-removal-ministry-code.ts';
import * as m0017 from './migrations/0017-rapid-confirmation.ts';
import * as m0018 from './migrations/0018-regulatory-needs.ts';
import * as m0020 from './migrations/0020-upload-staging.ts';
import * as m0019 from './migrations/0019-exemption-suspension.ts';
import * as m0040 from './migrations/0040-read-cache-topics.ts';
import * as m0045 from './migrations/0045-sign-in-attempts.ts';
import * as m0046 from './migrations/0046-job-leases.ts';
import * as m0047 from './migrations/0047-stored-files.ts';
import * as m0055 from './migrations/0055-search-stems.ts';
import * as m0056 from './migrations/0056-link-kinds.ts';
import * as m0057 from './migrations/0057-region-names.ts';
import * as m0058 from './migrations/0058-reference-zone-periods.ts';
import * as m0059 from './migrations/0059-municipality-names.ts';
import * as m0060 from './migrations/0060-list-pages.ts';
import * as m0061 from './migrations/0061-notification-messages.ts';
import * as m0068 from './migrations/0068-more-list-pages.ts';
import * as m0073 from './migrations/0073-sub-list-pages.ts';
import * as m0074 from './migrations/0074-object-list-pages.ts';
import * as m0075 from './migrations/0075-data-request-pages.ts';
import * as m0083 from './migrations/0083-staged-parts-in-file-store.ts';
import * as m0077 from './migrations/0077-region-parents.ts';
import * as m0078 from './migrations/0078-special-governments.ts';
import * as m0069 from './migrations/0069-idempotency-keys.ts';
import * as m0084 from './migrations/0084-exemption-drafts.ts';

const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-capabilities': m0002,
  '0003-zones': m0003,
  '0004-plans': m0004,
  '0005-notifications': m0005,
  '0006-regulations': m0006,
  '0007-demonstrations': m0007,
  '0008-exemption-lifecycle': m0008,
  '0009-attachments-evidence': m0009,
  '0010-plan-review': m0010,
  '0011-zone-after-designation': m0011,
  '0012-holidays': m0012,
  '0013-grant-redeliberation': m0013,
  '0014-attachment-removal-ministry-code': m0014,
  '0017-rapid-confirmation': m0017,
  '0018-regulatory-needs': m0018,
  '0020-upload-staging': m0020,
  '0019-exemption-suspension': m0019,
  '0040-read-cache-topics': m0040,
  '0045-sign-in-attempts': m0045,
  '0046-job-leases': m0046,
  '0047-stored-files': m0047,
  '0055-search-stems': m0055,
  '0056-link-kinds': m0056,
  '0057-region-names': m0057,
  '0058-reference-zone-periods': m0058,
  '0059-municipality-names': m0059,
  '0060-list-pages': m0060,
  '0061-notification-messages': m0061,
  '0068-more-list-pages': m0068,
  '0073-sub-list-pages': m0073,
  '0074-object-list-pages': m0074,
  '0075-data-request-pages': m0075,
  '0083-staged-parts-in-file-store': m0083,
  '0077-region-parents': m0077,
  '0078-special-governments': m0078,
  '0069-idempotency-keys': m0069,
  '0084-exemption-drafts': m0084,
};

function migrator(db: Database, schema: string): Migrator {
  // Migration numbers are handed out to parallel pieces of work, so one may land after a higher number: run any pending one.
  return new Migrator({ db, provider: { getMigrations: async () => migrations }, migrationTableSchema: schema, allowUnorderedMigrations: true });
}

function checked(result: MigrationResultSet): MigrationResultSet {
  if (result.error) throw result.error instanceof Error ? result.error : new Error(String(result.error));
  return result;
}

/**
 * `schema` holds the migration bookkeeping tables; the tables themselves follow the search path. A database that has
 * exactly the migrations this version knows (a restart) is only read: Kysely's migrator would list every table of the server and take
 * its lock first (two seconds of a restart on a busy machine).
 */
export async function migrateToLatest(db: Database, schema = 'public'): Promise<MigrationResultSet> {
  const applied = await appliedMigrations(db, schema);
  const known = knownMigrations();
  if (applied.length === known.length && known.every((name, i) => applied[i] === name)) return { results: [] };
  return checked(await migrator(db, schema).migrateToLatest());
}

/** Applies the migrations up to and including `name`, in name order (a restore of an older backup). */
export async function migrateUpTo(db: Database, name: string, schema = 'public'): Promise<MigrationResultSet> {
  return checked(await migrator(db, schema).migrateTo(name));
}

/** Every migration this version knows, in the order they apply. */
export function knownMigrations(): string[] {
  return Object.keys(migrations).sort();
}

/** The migrations applied to the database, in name order (none on a fresh one). */
export async function appliedMigrations(db: Database, schema = 'public'): Promise<string[]> {
  // Read directly: Kysely's migrator would list every table of the server to find its own.
  const table = `"${schema.replace(/"/g, '""')}".kysely_migration`;
  const exists = await sql<{ found: string | null }>`select to_regclass(${table})::text as found`.execute(db);
  if (!exists.rows[0]?.found) return [];
  const { rows } = await sql.raw<{ name: string }>(`select name from ${table} order by name`).execute(db);
  return rows.map((row) => row.name);
}
