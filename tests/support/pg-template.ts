// PostgreSQL test databases copied from a template database (CREATE DATABASE … TEMPLATE), built once per machine
// and inputs: migrating and seeding a fresh schema costs seconds, a copy a fraction of one. The template's name carries
// Seoul's date and a hash of what the database is made of (see templateKey); templates of earlier days are dropped
// when a new one is built.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { templateKey } from './template-key.ts';

const adminUrl = (): string => process.env.TEST_DATABASE_URL!;

function urlOf(database: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

const exists = async (client: pg.Client, name: string): Promise<boolean> =>
  (await client.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;

/** The template of that kind, built under an advisory lock by the first test process that needs it. */
async function ensureTemplate(kind: string, build: (db: Database) => Promise<void>): Promise<string> {
  const key = templateKey();
  const name = `zl_tpl_${key.date}_${kind}_${key.hash}`;
  return withAdmin(async (admin) => {
    if (await exists(admin, name)) return name;
    await admin.query('select pg_advisory_lock(hashtext($1))', [name]);
    try {
      if (await exists(admin, name)) return name;
      const stale = await admin.query<{ datname: string }>(
        `select datname from pg_database where datname like 'zl\\_tpl\\_%' and datname < $1`, [`zl_tpl_${key.date}`]);
      for (const { datname } of stale.rows) await admin.query(`drop database if exists "${datname}" with (force)`);
      const building = `${name}_${process.pid}`;
      await admin.query(`drop database if exists "${building}" with (force)`);
      await admin.query(`create database "${building}"`);
      const db = await openDatabase({ url: urlOf(building), poolSize: 2 });
      try {
        await build(db);
      } finally {
        await db.destroy();
      }
      await admin.query(`alter database "${building}" rename to "${name}"`);
      return name;
    } finally {
      await admin.query('select pg_advisory_unlock(hashtext($1))', [name]);
    }
  });
}

/** A fresh database holding what `build` makes (copied from the template); `drop` removes it. */
export async function openPostgresFromTemplate(
  kind: string,
  build: (db: Database) => Promise<void>,
): Promise<{ db: Database; drop: () => Promise<void> }> {
  const template = await ensureTemplate(kind, build);
  const name = `t_${randomBytes(6).toString('hex')}`;
  await withAdmin((admin) => admin.query(`create database "${name}" template "${template}"`));
  const db = await openDatabase({ url: urlOf(name), poolSize: 4 });
  return {
    db,
    drop: () => withAdmin(async (admin) => { await admin.query(`drop database if exists "${name}" with (force)`); }),
  };
}
