// `zonelink backup` and `zonelink restore` with real child processes: a PGlite folder goes to a backup file, into a
// fresh PGlite folder and — when TEST_DATABASE_URL is set — into a fresh PostgreSQL database, back out of it and into
// PGlite again, each holding the same rows (content fingerprints) with the audit chain intact. In-process: a database
// holding data is refused unless forced, a cut or altered file restores nothing, a test schema restores on its own.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { lockDataFolder } from '../../src/db/data-folder-lock.ts';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { restoreBackup } from '../../src/db/backup/restore-backup.ts';
import { writeBackup } from '../../src/db/backup/write-backup.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { seedDemo } from '../../src/db/seed/demo.ts';
import { seedReference } from '../../src/db/seed/reference.ts';
import { seedReferenceZones } from '../../src/db/seed/zones.ts';
import { appendAudit } from '../../src/server/audit/append.ts';
import { verifyAuditLog } from '../../src/server/audit/verify.ts';
import { contentFingerprint } from '../support/db.ts';

interface Exit { code: number | null; stdout: string; stderr: string }

function zonelink(env: Record<string, string>, ...args: string[]): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/zonelink.js', ...args], {
      env: { ...process.env, DATABASE_URL: '', SEED_DEMO: 'false', LOG_LEVEL: 'silent', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => { stdout += String(c); });
    child.stderr.on('data', (c) => { stderr += String(c); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Text that trips naive formats: separators, quotes, escapes, line breaks, non-BMP characters. */
const AWKWARD = 'tab\there, "quotes", back\\slash, \\N, new\nline, 한국어, 😀, \u2028, trailing ';

async function fill(db: Database): Promise<void> {
  await migrateToLatest(db);
  await seedReference(db);
  await seedReferenceZones(db);
  await seedDemo(db);
  for (let i = 0; i < 5; i += 1) {
    await db.transaction().execute((trx) => appendAudit(trx, {
      requestId: `backup-test-${i}`, actorUserId: null, actorOrganisationId: null, action: 'test.backup', objectType: 'test', objectId: String(i),
      before: i % 2 === 0 ? null : { text: AWKWARD, n: 1.5e-7, big: 9007199254740993n.toString() }, after: { text: AWKWARD, list: [null, '', AWKWARD] },
    }));
  }
  await sql`update region set name = jsonb_set(name, '{fr}', to_jsonb(${AWKWARD}::text)) where code = '26'`.execute(db);
}

async function fingerprintOf(open: () => Promise<Database>): Promise<Record<string, string>> {
  const db = await open();
  try {
    assert.ok((await verifyAuditLog(db)).ok, 'the audit chain verifies');
    return await contentFingerprint(db);
  } finally {
    await db.destroy();
  }
}

const folder = (path: string) => () => openDatabase({ url: null, dataDir: path });

describe('zonelink backup and restore', () => {
  let dir: string;
  let source: Record<string, string>;
  let backupFile: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zonelink-backup-'));
    const db = await folder(join(dir, 'source'))();
    try {
      await fill(db);
    } finally {
      await db.destroy();
    }
    source = await fingerprintOf(folder(join(dir, 'source')));
    assert.ok(Number(source.audit_log!.split(':')[0]) >= 6);
    backupFile = join(dir, 'source.zonelink.gz');
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  test('PGlite → file → a fresh PGlite folder: the same rows, the audit chain intact', async () => {
    const backup = await zonelink({ ZONELINK_DATA_DIR: join(dir, 'source') }, 'backup', backupFile);
    assert.equal(backup.code, 0, backup.stderr);
    assert.match(backup.stdout, /backup written to .*source\.zonelink\.gz: \d+ tables, \d+ rows, \d+ migrations/);
    const header = JSON.parse(gunzipSync(readFileSync(backupFile)).toString('utf8').split('\n')[0]!);
    assert.equal(header.engine, 'pglite');
    const restored = await zonelink({ ZONELINK_DATA_DIR: join(dir, 'copy') }, 'restore', backupFile);
    assert.equal(restored.code, 0, restored.stderr);
    assert.match(restored.stdout, /restored .* from pglite\): \d+ tables, \d+ rows; database at migration \d{4}-/);
    assert.match(restored.stdout, /audit log intact: \d+ entries checked/);
    assert.deepEqual(await fingerprintOf(folder(join(dir, 'copy'))), source);
  });

  test('a folder held by another process is not backed up: the holder is named', async () => {
    const lock = await lockDataFolder(join(dir, 'source'));
    try {
      const refused = await zonelink({ ZONELINK_DATA_DIR: join(dir, 'source') }, 'backup', join(dir, 'held.gz'));
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, new RegExp(`in use by another ZoneLink process: pid ${process.pid} `));
    } finally {
      lock.release();
    }
  });

  test('a database holding data is refused unless --force; a cut or altered file restores nothing', async () => {
    const target = await openDatabase({ url: null, dataDir: 'memory://' });
    try {
      await restoreBackup(target, backupFile);
      const restored = await contentFingerprint(target);
      assert.deepEqual(restored, source);
      await assert.rejects(restoreBackup(target, backupFile), /holds data \(in .*\): restore will not overwrite it\. Add --force/);
      await sql`update region set name = '{"ko":"바뀜"}'::jsonb where code = '26'`.execute(target);
      assert.notDeepEqual(await contentFingerprint(target), source);
      await restoreBackup(target, backupFile, { force: true });
      assert.deepEqual(await contentFingerprint(target), source, '--force replaces the data with the backup\'s');
      assert.ok((await verifyAuditLog(target)).ok);

      const lines = gunzipSync(readFileSync(backupFile)).toString('utf8').split('\n');
      const cut = join(dir, 'cut.gz');
      writeFileSync(cut, gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join('\n')));
      await assert.rejects(restoreBackup(target, cut, { force: true }), /cut short \(no end of backup\): nothing restored/);
      const altered = join(dir, 'altered.gz');
      const row = lines.findIndex((line) => line.includes('backup-test-3'));
      writeFileSync(altered, gzipSync(lines.map((line, i) => (i === row ? line.replace('backup-test-3', 'backup-test-X') : line)).join('\n')));
      await assert.rejects(restoreBackup(target, altered, { force: true }), /damaged: table audit_log has \d+ rows \(SHA-256 \w+\), its end says/);
      writeFileSync(join(dir, 'not.gz'), 'hello');
      await assert.rejects(restoreBackup(target, join(dir, 'not.gz')), /is not a ZoneLink backup/);
      assert.deepEqual(await contentFingerprint(target), source, 'refused restores changed nothing');
    } finally {
      await target.destroy();
    }
  });

  const url = process.env.TEST_DATABASE_URL;
  describe('through PostgreSQL', { skip: url ? false : 'TEST_DATABASE_URL is not set: the PostgreSQL legs are skipped' }, () => {
    let databaseUrl: string;
    let name: string;
    const admin = async <T>(run: (client: pg.Client) => Promise<T>): Promise<T> => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return await run(client);
      } finally {
        await client.end();
      }
    };
    before(async () => {
      name = `zl_backup_${randomBytes(5).toString('hex')}`;
      await admin((c) => c.query(`create database ${name}`));
      const u = new URL(url!);
      u.pathname = `/${name}`;
      databaseUrl = u.toString();
    });
    after(async () => {
      await admin(async (c) => {
        for (let i = 0; i < 100; i += 1) {
          const { rows } = await c.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
          if (rows[0]!.n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        await c.query(`drop database if exists ${name} with (force)`);
      });
    });

    test('PGlite → a fresh PostgreSQL database → a fresh PGlite folder: the same rows each time', async () => {
      const intoPostgres = await zonelink({ DATABASE_URL: databaseUrl }, 'restore', backupFile);
      assert.equal(intoPostgres.code, 0, intoPostgres.stderr);
      assert.match(intoPostgres.stdout, /audit log intact/);
      assert.deepEqual(await fingerprintOf(() => openDatabase({ url: databaseUrl })), source);
      const fromPostgres = join(dir, 'postgres.zonelink.gz');
      const backup = await zonelink({ DATABASE_URL: databaseUrl }, 'backup', fromPostgres);
      assert.equal(backup.code, 0, backup.stderr);
      assert.equal(JSON.parse(gunzipSync(readFileSync(fromPostgres)).toString('utf8').split('\n')[0]!).engine, 'postgres');
      const back = await zonelink({ ZONELINK_DATA_DIR: join(dir, 'back') }, 'restore', fromPostgres);
      assert.equal(back.code, 0, back.stderr);
      assert.match(back.stdout, /from postgres\)/);
      assert.deepEqual(await fingerprintOf(folder(join(dir, 'back'))), source);
    });

    test('a test schema restores on its own (bookkeeping in that schema), beside others on the server', async () => {
      const schema = `t_${randomBytes(6).toString('hex')}`;
      const db = await openDatabase({ url: url!, schema, poolSize: 2 });
      try {
        await restoreBackup(db, backupFile, { migrationSchema: schema });
        assert.deepEqual(await contentFingerprint(db), source);
        assert.ok((await verifyAuditLog(db)).ok);
        const again = join(dir, 'schema.zonelink.gz');
        await writeBackup(db, again, { migrationSchema: schema });
        const target = await openDatabase({ url: null, dataDir: 'memory://' });
        try {
          await restoreBackup(target, again);
          assert.deepEqual(await contentFingerprint(target), source);
        } finally {
          await target.destroy();
        }
      } finally {
        await sql.raw(`drop schema if exists "${schema}" cascade`).execute(db);
        await db.destroy();
      }
    });
  });
});
