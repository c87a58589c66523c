// `zonelink backup <file>`: the application's data as it was at one instant — one REPEATABLE READ, read-only
// transaction (a snapshot on PostgreSQL; PGlite has one connection) — read through a cursor in pages, so memory
// stays bounded however large a table is, gzip'd to `<file>.partial-<pid>` and renamed to `<file>` once complete.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { sql } from 'kysely';
import type { Database } from '../database.ts';
import { appliedMigrations } from '../migrate.ts';
import { applicationSequences, applicationTables, setTextFormats } from './catalog.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupEnd, type BackupHeader, type BackupSummary, type SequenceValues, type TableEnd, type TableStart } from './format.ts';

const PAGE_ROWS = 1000;
const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export async function engineOf(db: Database): Promise<BackupHeader['engine']> {
  const { rows } = await sql<{ version: string }>`select version()`.execute(db);
  return /PGlite/.test(rows[0]?.version ?? '') ? 'pglite' : 'postgres';
}

/** `migrationSchema` holds the migrator's bookkeeping (public, or a test's own schema). */
export async function writeBackup(db: Database, file: string, options: { migrationSchema?: string } = {}): Promise<BackupSummary> {
  const partial = `${file}.partial-${process.pid}`;
  const gzip = createGzip();
  const written = pipeline(gzip, createWriteStream(partial, { flags: 'wx' }));
  const put = async (value: unknown): Promise<void> => {
    if (!gzip.write(`${typeof value === 'string' ? value : JSON.stringify(value)}\n`)) await Promise.race([once(gzip, 'drain'), written]);
  };
  try {
    const summary = await db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(async (trx) => {
      await setTextFormats(trx);
      const migrations = await appliedMigrations(trx, options.migrationSchema);
      if (migrations.length === 0) throw new Error('The database has no ZoneLink tables yet (no migration applied): nothing to back up.');
      const header: BackupHeader = { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString(), engine: await engineOf(trx), migrations };
      await put(header);
      const tables = await applicationTables(trx);
      let total = 0;
      for (const table of tables) {
        await put({ table: table.name, columns: table.columns.map((c) => c.name) } satisfies TableStart);
        const values = table.columns.map((c) => `${ident(c.name)}::text`).join(', ');
        const order = table.key.length > 0 ? ` order by ${table.key.map(ident).join(', ')}` : '';
        await sql.raw(`declare zonelink_backup no scroll cursor for select to_json(array[${values}])::text as line from ${ident(table.name)}${order}`).execute(trx);
        const hash = createHash('sha256');
        let rows = 0;
        for (;;) {
          const page = await sql.raw<{ line: string }>(`fetch ${PAGE_ROWS} from zonelink_backup`).execute(trx);
          for (const { line } of page.rows) {
            hash.update(`${line}\n`);
            await put(line);
          }
          rows += page.rows.length;
          if (page.rows.length < PAGE_ROWS) break;
        }
        await sql.raw('close zonelink_backup').execute(trx);
        await put({ end: table.name, rows, sha256: hash.digest('hex') } satisfies TableEnd);
        total += rows;
      }
      const sequences: SequenceValues['sequences'] = {};
      for (const name of await applicationSequences(trx)) {
        const { rows } = await sql.raw<{ value: string; called: boolean }>(`select last_value::text as value, is_called as called from ${ident(name)}`).execute(trx);
        sequences[name] = rows[0]!;
      }
      await put({ sequences } satisfies SequenceValues);
      await put({ endOfBackup: true, tables: tables.length, rows: total } satisfies BackupEnd);
      return { file, tables: tables.length, rows: total, migrations: migrations.length };
    });
    gzip.end();
    await written;
    await rename(partial, file);
    return summary;
  } catch (error) {
    gzip.destroy();
    await written.catch(() => undefined);
    await rm(partial, { force: true });
    throw error;
  }
}
