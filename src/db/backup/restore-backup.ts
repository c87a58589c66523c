// `zonelink restore <file> [--force]`: loads a backup into the configured database (PGlite or PostgreSQL) in one
// transaction, reading the file line by line and inserting in batches, so memory stays bounded. It brings a fresh
// database to the backup's migration level first (and migrates on afterwards when the backup is older), refuses a
// database at another level, and refuses one holding data unless `force` (then the data is replaced). Foreign keys
// are dropped for the load and added back at the end, which checks every row; each table's row count and SHA-256
// must match the backup's, and a backup cut short is refused: any mismatch rolls everything back.
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { sql } from 'kysely';
import type { Database } from '../database.ts';
import { appliedMigrations, knownMigrations, migrateToLatest, migrateUpTo } from '../migrate.ts';
import { applicationForeignKeys, applicationTables, setTextFormats, type TableShape } from './catalog.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupHeader, type TableEnd, type TableStart, type SequenceValues, type BackupEnd } from './format.ts';

const BATCH_ROWS = 1000;
const BATCH_BYTES = 4 * 1024 * 1024;
const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Tables a fresh database may already fill by itself (statement triggers of data migrations record topic versions). */
const BOOKKEEPING = new Set(['read_cache_bump']);

export interface RestoreSummary { tables: number; rows: number; migration: string; from: BackupHeader }

async function* linesOf(file: string): AsyncGenerator<string> {
  const gunzip = createGunzip();
  const source = createReadStream(file);
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of gunzip) {
    const parts = (rest + decoder.write(chunk as Buffer)).split('\n');
    rest = parts.pop()!;
    yield* parts;
  }
  rest += decoder.end();
  if (rest !== '') yield rest;
}

function parseHeader(line: string | undefined, file: string): BackupHeader {
  let header: Partial<BackupHeader> | null = null;
  try {
    header = JSON.parse(line ?? '') as Partial<BackupHeader>;
  } catch {
    // reported below
  }
  if (header?.format !== BACKUP_FORMAT || !Array.isArray(header.migrations)) throw new Error(`${file} is not a ZoneLink backup (no backup header).`);
  if (header.version !== BACKUP_VERSION) throw new Error(`${file} is a backup of format version ${header.version}; this ZoneLink reads version ${BACKUP_VERSION}.`);
  return header as BackupHeader;
}

const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
const levelOf = (migrations: readonly string[]): string => migrations.at(-1) ?? 'none';

/** Brings the target to the backup's migration level, or says why it cannot be. */
async function reachLevel(db: Database, level: string[], schema: string): Promise<void> {
  const known = knownMigrations();
  const unknown = level.filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new Error(`The backup was written by a newer ZoneLink (migrations unknown here: ${unknown.join(', ')}). Restore it with that version.`);
  const applied = await appliedMigrations(db, schema);
  if (applied.length === 0) {
    if (!same(level, known.slice(0, level.length))) throw new Error(`The backup's migrations (${level.join(', ')}) are not a prefix of this version's: restore it with the version that wrote it, then upgrade.`);
    await migrateUpTo(db, levelOf(level), schema);
    return;
  }
  if (!same(applied, level)) {
    throw new Error(
      `The database is at migration ${levelOf(applied)} (${applied.length} applied), the backup at ${levelOf(level)} (${level.length}). ` +
        `Restore into an empty database (a fresh ZONELINK_DATA_DIR folder, or a new PostgreSQL database).`,
    );
  }
}

interface Loading { shape: TableShape; insert: (batch: string[]) => Promise<void>; hash: Hash; rows: number; batch: string[]; bytes: number }

function loaderFor(trx: Database, shape: TableShape, columns: string[]): Loading {
  const types = new Map(shape.columns.map((c) => [c.name, c]));
  const missing = shape.columns.filter((c) => !columns.includes(c.name)).map((c) => c.name);
  const extra = columns.filter((c) => !types.has(c));
  if (missing.length > 0 || extra.length > 0) throw new Error(`Table ${shape.name} differs from the backup's (${[...missing.map((c) => `-${c}`), ...extra.map((c) => `+${c}`)].join(', ')}).`);
  const overriding = shape.columns.some((c) => c.identity) ? ' overriding system value' : '';
  const values = columns.map((c, i) => `(r->>${i})::${types.get(c)!.type}`).join(', ');
  const head = `insert into ${ident(shape.name)} (${columns.map(ident).join(', ')})${overriding} select ${values} from json_array_elements(`;
  return {
    shape, hash: createHash('sha256'), rows: 0, batch: [], bytes: 0,
    insert: async (batch) => { await sql`${sql.raw(head)}${`[${batch.join(',')}]`}::json) as r`.execute(trx); },
  };
}

async function flush(loading: Loading): Promise<void> {
  if (loading.batch.length === 0) return;
  await loading.insert(loading.batch);
  loading.batch = [];
  loading.bytes = 0;
}

/** `migrationSchema` holds the migrator's bookkeeping (public, or a test's own schema). */
export async function restoreBackup(db: Database, file: string, options: { force?: boolean; migrationSchema?: string } = {}): Promise<RestoreSummary> {
  await stat(file);
  const lines = linesOf(file);
  let header: BackupHeader;
  try {
    header = parseHeader((await lines.next()).value ?? undefined, file);
  } catch (error) {
    await lines.return(undefined);
    if ((error as { code?: string }).code === 'Z_DATA_ERROR') throw new Error(`${file} is not a ZoneLink backup (not gzip data).`, { cause: error });
    throw error;
  }
  const schema = options.migrationSchema ?? 'public';
  try {
    await reachLevel(db, header.migrations, schema);
  } catch (error) {
    await lines.return(undefined);
    throw error;
  }
  const result = await db.transaction().execute(async (trx) => {
    await setTextFormats(trx);
    const tables = new Map((await applicationTables(trx)).map((t) => [t.name, t]));
    const filled: string[] = [];
    for (const name of tables.keys()) {
      if (BOOKKEEPING.has(name)) continue;
      const { rows } = await sql.raw<{ filled: boolean }>(`select exists (select from ${ident(name)}) as filled`).execute(trx);
      if (rows[0]?.filled) filled.push(name);
    }
    if (filled.length > 0 && !options.force) {
      throw new Error(`The database holds data (in ${filled.slice(0, 5).join(', ')}${filled.length > 5 ? ', …' : ''}): restore will not overwrite it. Add --force to replace its data with the backup's.`);
    }
    const foreignKeys = await applicationForeignKeys(trx);
    for (const fk of foreignKeys) await sql.raw(`alter table ${ident(fk.table)} drop constraint ${ident(fk.name)}`).execute(trx);
    // User triggers (the audit log's append-only guard refuses TRUNCATE) stay off while the data is replaced.
    for (const name of tables.keys()) await sql.raw(`alter table ${ident(name)} disable trigger user`).execute(trx);
    // Empty but for bookkeeping, or replaced with --force: emptied whole, so the backup's rows are the only ones.
    await sql.raw(`truncate ${[...tables.keys()].map(ident).join(', ')} restart identity`).execute(trx);

    const loaded = new Set<string>();
    let loading: Loading | null = null;
    let total = 0;
    let ended = false;
    for await (const line of lines) {
      if (ended) throw new Error(`${file} goes on after its end.`);
      if (line.startsWith('[')) {
        if (!loading) throw new Error(`${file} is damaged: a row outside a table.`);
        loading.hash.update(`${line}\n`);
        loading.batch.push(line);
        loading.bytes += line.length;
        loading.rows += 1;
        if (loading.batch.length >= BATCH_ROWS || loading.bytes >= BATCH_BYTES) await flush(loading);
        continue;
      }
      const entry = JSON.parse(line) as Partial<TableStart & TableEnd & SequenceValues & BackupEnd>;
      if (entry.table !== undefined) {
        const shape = tables.get(entry.table);
        if (!shape || loading || loaded.has(entry.table)) throw new Error(`${file} is damaged or does not fit: table ${entry.table} unexpected here.`);
        loading = loaderFor(trx, shape, entry.columns ?? []);
      } else if (entry.end !== undefined) {
        if (!loading || loading.shape.name !== entry.end) throw new Error(`${file} is damaged: the end of ${entry.end} where it does not begin.`);
        await flush(loading);
        const sha256 = loading.hash.digest('hex');
        if (loading.rows !== entry.rows || sha256 !== entry.sha256) throw new Error(`${file} is damaged: table ${entry.end} has ${loading.rows} rows (SHA-256 ${sha256}), its end says ${entry.rows} (${entry.sha256}).`);
        loaded.add(entry.end);
        total += loading.rows;
        loading = null;
      } else if (entry.sequences !== undefined) {
        for (const [name, { value, called }] of Object.entries(entry.sequences)) {
          await sql`select setval(${ident(name)}::regclass, ${value}::bigint, ${called})`.execute(trx);
        }
      } else if (entry.endOfBackup === true) {
        if (loading || entry.rows !== total || entry.tables !== loaded.size) throw new Error(`${file} is damaged: its end counts ${entry.tables} tables and ${entry.rows} rows, ${loaded.size} and ${total} were read.`);
        ended = true;
      } else {
        throw new Error(`${file} is damaged: an unknown line.`);
      }
    }
    if (!ended) throw new Error(`${file} was cut short (no end of backup): nothing restored.`);
    const absent = [...tables.keys()].filter((name) => !loaded.has(name));
    if (absent.length > 0) throw new Error(`${file} lacks tables of this database: ${absent.join(', ')}.`);
    for (const name of tables.keys()) await sql.raw(`alter table ${ident(name)} enable trigger user`).execute(trx);
    for (const fk of foreignKeys) await sql.raw(`alter table ${ident(fk.table)} add constraint ${ident(fk.name)} ${fk.definition}`).execute(trx);
    return { tables: loaded.size, rows: total };
  });
  if (!same(header.migrations, knownMigrations())) await migrateToLatest(db, schema);
  return { ...result, migration: levelOf(knownMigrations()), from: header };
}
