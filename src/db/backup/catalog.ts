// What a backup holds, read from the catalogue of the application's schema (the first one on the search path):
// every table but the migrator's bookkeeping, its stored columns with their types, its key, and the sequences.
import { sql } from 'kysely';
import type { Database } from '../database.ts';

export interface TableShape {
  name: string;
  columns: { name: string; type: string; identity: boolean }[];
  /** Primary key columns (rows are written in key order), empty when the table has none. */
  key: string[];
}

export async function applicationTables(db: Database): Promise<TableShape[]> {
  const columns = await sql<{ table: string; column: string; type: string; identity: boolean; key: number | null }>`
    select c.relname as table, a.attname as column, format_type(a.atttypid, a.atttypmod) as type, a.attidentity <> '' as identity,
           array_position(i.indkey::int2[], a.attnum) as key
    from pg_class c
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
    left join pg_index i on i.indrelid = c.oid and i.indisprimary
    where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p') and c.relname not like 'kysely\\_migration%'
    order by c.relname, a.attnum`.execute(db);
  const tables = new Map<string, TableShape & { keyAt: [number, string][] }>();
  for (const row of columns.rows) {
    let table = tables.get(row.table);
    if (!table) tables.set(row.table, (table = { name: row.table, columns: [], key: [], keyAt: [] }));
    table.columns.push({ name: row.column, type: row.type, identity: row.identity });
    if (row.key !== null) table.keyAt.push([row.key, row.column]);
  }
  return [...tables.values()].map(({ keyAt, ...table }) => ({ ...table, key: keyAt.sort((a, b) => a[0] - b[0]).map(([, name]) => name) }));
}

export async function applicationSequences(db: Database): Promise<string[]> {
  const rows = await sql<{ name: string }>`
    select relname as name from pg_class where relnamespace = current_schema()::regnamespace and relkind = 'S' order by 1`.execute(db);
  return rows.rows.map((row) => row.name);
}

export interface ForeignKey { table: string; name: string; definition: string }

export async function applicationForeignKeys(db: Database): Promise<ForeignKey[]> {
  const rows = await sql<ForeignKey>`
    select c.relname as table, k.conname as name, pg_get_constraintdef(k.oid) as definition
    from pg_constraint k join pg_class c on c.oid = k.conrelid
    where k.contype = 'f' and k.connamespace = current_schema()::regnamespace order by 1, 2`.execute(db);
  return rows.rows;
}

/** The settings both sides of a backup use, so values written as text read back the same on either engine. */
export async function setTextFormats(db: Database): Promise<void> {
  await sql`select set_config('timezone', 'UTC', true), set_config('datestyle', 'ISO, YMD', true), set_config('intervalstyle', 'postgres', true),
    set_config('extra_float_digits', '1', true), set_config('bytea_output', 'hex', true)`.execute(db);
}
