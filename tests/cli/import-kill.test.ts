// `zonelink import` killed with SIGKILL half-way through storing leaves no rows of that upload; a re-run
// imports every row exactly once, and a third run finds it already imported. Runs the real CLI in a child
// process against a database of its own (a PGlite folder, or a fresh PostgreSQL database).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { demoId, seedDemo } from '../../src/db/seed/demo.ts';
import { seedReference } from '../../src/db/seed/reference.ts';
import { seedReferenceZones } from '../../src/db/seed/zones.ts';
import { engines } from '../support/db.ts';

// PostgreSQL stores through COPY while it parses, so its file must be large enough to be caught half-way.
const ROWS_BY_ENGINE = { pglite: 60_000, postgres: 600_000 } as const;

function csv(ROWS: number): string {
  const start = Date.parse('2026-06-01T00:00:00+09:00');
  const lines = ['ts,deviceId,sessionId,lon,lat,speed'];
  for (let i = 0; i < ROWS; i += 1) lines.push(`${new Date(start + i * 1000).toISOString()},${i % 50},${Math.floor(i / 100)},129.0${i % 10},35.1,${i % 40}`);
  return `${lines.join('\n')}\n`;
}

interface Run { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

/** Runs the CLI; with `killAt`, sends SIGKILL once the progress line shows that many rows stored (not all). */
function runImport(env: Record<string, string>, file: string, project: string, killAt?: number, extra: string[] = []): Promise<Run & { killedAt: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/zonelink.js', 'import', file, '--project', project, ...extra], {
      env: { ...process.env, ...env, SEED_DEMO: 'false', LOG_LEVEL: 'silent', NODE_ENV: 'test' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let killedAt: number | null = null;
    child.stdout.on('data', (c) => { stdout += String(c); });
    child.stderr.on('data', (c) => {
      stderr += String(c);
      if (killAt === undefined || killedAt !== null) return;
      const progress = [...stderr.matchAll(/storing [#.]+ (\d+)\/(\d+)/g)].pop();
      if (progress && Number(progress[1]) >= killAt && Number(progress[1]) < Number(progress[2])) {
        killedAt = Number(progress[1]);
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, killedAt }));
  });
}

for (const engine of engines()) {
  describe(`zonelink import killed with SIGKILL (${engine})`, () => {
    const ROWS = ROWS_BY_ENGINE[engine];
    let dir: string;
    let env: Record<string, string>;
    let dropDatabase: (() => Promise<void>) | null = null;
    let project: string;
    let file: string;
    const open = (): Promise<Database> => openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { url: null, dataDir: env.ZONELINK_DATA_DIR! });
    const counts = async () => {
      const db = await open();
      try {
        const events = await db.selectFrom('demonstration_event').select((eb) => eb.fn.countAll<string>().as('n')).where('project_id', '=', project).executeTakeFirstOrThrow();
        const distinct = await db.selectFrom('demonstration_event').select((eb) => eb.fn.count<string>('row_no').distinct().as('n')).where('project_id', '=', project).executeTakeFirstOrThrow();
        const uploads = await db.selectFrom('demonstration_upload').select((eb) => eb.fn.countAll<string>().as('n')).where('project_id', '=', project).executeTakeFirstOrThrow();
        return { events: Number(events.n), distinct: Number(distinct.n), uploads: Number(uploads.n) };
      } finally {
        await db.destroy();
      }
    };

    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'zonelink-kill-'));
      if (engine === 'postgres') {
        const name = `zl_kill_${randomBytes(5).toString('hex')}`;
        const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
        await admin.connect();
        await admin.query(`create database ${name}`);
        await admin.end();
        const url = new URL(process.env.TEST_DATABASE_URL!);
        url.pathname = `/${name}`;
        env = { DATABASE_URL: url.toString() };
        dropDatabase = async () => {
          const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
          await c.connect();
          // A pool's end() resolves once its clients are told to close, not once their backends are gone; a
          // forced drop meanwhile would kill a closing connection that has no error listener left. Wait first.
          for (let i = 0; i < 100; i += 1) {
            const { rows } = await c.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
            if (rows[0]!.n === 0) break;
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
          await c.query(`drop database if exists ${name} with (force)`);
          await c.end();
        };
      } else {
        env = { ZONELINK_DATA_DIR: join(dir, 'pglite') };
      }
      const db = await open();
      await migrateToLatest(db);
      await seedReference(db);
      await seedReferenceZones(db);
      await seedDemo(db);
      project = randomUUID();
      const zone = (await db.selectFrom('zone_region').select('zone_id').where('region_code', '=', '21').executeTakeFirstOrThrow()).zone_id;
      await db.insertInto('demonstration_project').values({
        id: project, zone_id: zone, title: JSON.stringify({ ko: 'SIGKILL 실증' }), summary: JSON.stringify({ ko: '요약' }), state: 'demonstrating', lead_company: demoId('org:company'),
        partner_companies: [], sites: [], products: JSON.stringify([{ ko: '제품' }]), period_start: '2026-01-01', period_end: '2027-12-31', milestones: '[]', kpis: '[]',
        safety_plan: JSON.stringify({ ko: '안전' }), insurance_required: false, insurance: null, rules: '[]', version: 1, demo: false, created_by: null,
      }).execute();
      await db.destroy();
      file = join(dir, 'events.csv');
      await writeFile(file, csv(ROWS));
    });
    after(async () => {
      await dropDatabase?.();
      await rm(dir, { recursive: true, force: true });
    });

    test('killed half-way: no rows; re-run: all rows once; third run: already imported', async () => {
      const killed = await runImport(env, file, project, ROWS / 4);
      assert.equal(killed.signal, 'SIGKILL', `the import finished before it could be killed: ${killed.stderr.slice(-300)}`);
      assert.ok(killed.killedAt !== null && killed.killedAt > 0 && killed.killedAt < ROWS, 'killed while storing');
      assert.deepEqual(await counts(), { events: 0, distinct: 0, uploads: 0 }, 'a killed import leaves nothing');

      const rerun = await runImport(env, file, project);
      assert.equal(rerun.code, 0, rerun.stderr.slice(-500));
      assert.match(rerun.stdout, new RegExp(`${ROWS} rows stored`));
      assert.deepEqual(await counts(), { events: ROWS, distinct: ROWS, uploads: 1 });

      const third = await runImport(env, file, project);
      assert.equal(third.code, 0, third.stderr.slice(-500));
      assert.match(third.stdout, /already imported/);
      assert.deepEqual(await counts(), { events: ROWS, distinct: ROWS, uploads: 1 });
    });

    test('a file with a bad row is refused naming its row and column, nothing stored; skip-invalid stores the rest', async () => {
      const bad = join(dir, 'bad.csv');
      await writeFile(bad, 'ts,deviceId,speed\n2026-07-01T09:00:00+09:00,1,10\n2026-07-01T09:00:01+09:00,1,fast\n2026-07-01T09:00:02+09:00,1,12\n');
      const before = await counts();
      const refused = await runImport(env, bad, project);
      assert.equal(refused.code, 1, refused.stdout);
      assert.match(refused.stderr, /refused, nothing stored: 1 invalid row/);
      assert.match(refused.stderr, /row\/3\/speed/);
      assert.deepEqual(await counts(), before, 'a refused file stores nothing');

      const kept = await runImport(env, bad, project, undefined, ['--mode', 'skip-invalid']);
      assert.equal(kept.code, 0, kept.stderr.slice(-500));
      assert.match(kept.stdout, /2 rows stored, 1 rejected/);
      const after = await counts();
      assert.deepEqual({ events: after.events, uploads: after.uploads }, { events: before.events + 2, uploads: before.uploads + 1 });
    });
  });
}
