// Import benchmark: a generated CSV of demonstration events imported by `zonelink import` (hash, then parse,
// validate and COPY in one pass, all or nothing) into PostgreSQL, against `psql \copy` of the same file
// into a table of the same shape (partitioned by time, same index) in the same database, in the same run.
// Reports rows/s of both and their ratio, and the import process's resident memory sampled while it runs
// (flat when streaming). Needs PostgreSQL: BENCH_DATABASE_URL or TEST_DATABASE_URL (a database is created and
// dropped). `node --import tsx bench/import.ts [--smoke] [--rows N]`; the smoke run writes no results.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { demoId, seedDemo } from '../src/db/seed/demo.ts';
import { seedReference } from '../src/db/seed/reference.ts';
import { seedReferenceZones } from '../src/db/seed/zones.ts';
import { metric, writeResult, type Metric } from './lib/result.ts';

export const databaseUrl = (): string | null => process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? null;

async function generate(file: string, rows: number): Promise<number> {
  const out = createWriteStream(file);
  const start = Date.parse('2026-01-01T00:00:00+09:00');
  const span = Date.parse('2027-12-31T00:00:00+09:00') - start;
  let buf = 'ts,deviceId,sessionId,lon,lat,speed,altitude,load,people\n';
  for (let i = 0; i < rows; i += 1) {
    const ts = new Date(start + Math.floor((i / rows) * span)).toISOString();
    buf += `${ts},${i % 500},${Math.floor(i / 40)},${(128.8 + (i % 1000) / 10_000).toFixed(5)},${(35.05 + (i % 700) / 10_000).toFixed(5)},${i % 60},${i % 150},${(i % 40) * 100},${i % 5}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'close');
  return (await stat(file)).size;
}

interface Timed { ms: number; code: number | null; stdout: string; stderr: string; rssSamples: number[]; cpu: { client: number; server: number } }

/** CPU seconds (user + system) a process has used so far, from /proc (clock ticks of 1/100 s); null once it is gone. */
async function cpuSeconds(pid: number): Promise<number | null> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/**
 * Runs a command, timing it and sampling every `sampleMs` its resident set size (VmRSS) and the CPU time used by
 * it and by the PostgreSQL backends serving `database` (found in pg_stat_activity through `monitor`) — CPU time
 * says more than wall time when other work shares the cores. The last sample of a process may be up to
 * `sampleMs` old.
 */
function timed(command: string, args: string[], env: Record<string, string>, watch: { monitor: pg.Client; database: string }, sampleMs = 250): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const rssSamples: number[] = [];
    let client = 0;
    const server = new Map<number, number>();
    child.stdout.on('data', (c) => { stdout += String(c); });
    child.stderr.on('data', (c) => { stderr = (stderr + String(c)).slice(-4000); });
    const sample = async (): Promise<void> => {
      const s = await readFile(`/proc/${child.pid}/status`, 'utf8').catch(() => '');
      const kb = /VmRSS:\s+(\d+) kB/.exec(s);
      if (kb) rssSamples.push(Number(kb[1]) / 1024);
      client = (await cpuSeconds(child.pid!)) ?? client;
      const { rows } = await watch.monitor.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [watch.database]);
      for (const { pid } of rows) {
        const used = await cpuSeconds(pid);
        if (used !== null) server.set(pid, used);
      }
    };
    const timer = setInterval(() => { sample().catch(() => undefined); }, sampleMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      const total = [...server.values()].reduce((a, b) => a + b, 0);
      resolve({ ms: performance.now() - started, code, stdout, stderr, rssSamples, cpu: { client: Number(client.toFixed(2)), server: Number(total.toFixed(2)) } });
    });
  });
}

export interface ImportBenchResult { metrics: Metric[]; extra: Record<string, unknown> }

export async function runImportBench(options: { smoke: boolean; rows?: number }): Promise<ImportBenchResult> {
  const base = databaseUrl();
  if (base === null) throw new Error('the import benchmark needs PostgreSQL: set BENCH_DATABASE_URL or TEST_DATABASE_URL');
  const rows = options.rows ?? (options.smoke ? 20_000 : 10_000_000);
  const name = `zl_bench_import_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const dir = await mkdtemp(join(tmpdir(), 'zonelink-bench-import-'));
  try {
    const db = await openDatabase({ url: url.toString() });
    const project = randomUUID();
    try {
      await migrateToLatest(db);
      await seedReference(db);
      await seedReferenceZones(db);
      await seedDemo(db);
      const zone = (await db.selectFrom('zone_region').select('zone_id').where('region_code', '=', '21').executeTakeFirstOrThrow()).zone_id;
      await db.insertInto('demonstration_project').values({
        id: project, zone_id: zone, title: JSON.stringify({ ko: '(벤치) 가져오기' }), summary: JSON.stringify({ ko: '벤치마크' }), state: 'demonstrating', lead_company: demoId('org:company'),
        partner_companies: [], sites: [], products: JSON.stringify([{ ko: '제품' }]), period_start: '2026-01-01', period_end: '2027-12-31', milestones: '[]', kpis: '[]',
        safety_plan: JSON.stringify({ ko: '안전' }), insurance_required: false, insurance: null, rules: '[]', version: 1, demo: true, created_by: null,
      }).execute();
    } finally {
      await db.destroy();
    }
    const file = join(dir, 'events.csv');
    const bytes = await generate(file, rows);
    console.log(`generated ${rows} rows (${(bytes / 1e6).toFixed(1)} MB)`);

    // Baseline: the same file with psql \copy into a table of the same shape (partitioned, same index); the
    // columns the file lacks come from defaults (project, upload, a row number).
    const ddl = new pg.Client({ connectionString: url.toString() });
    await ddl.connect();
    await ddl.query(`
      create sequence bench_copy_row;
      create table bench_copy (like demonstration_event) partition by range (ts);
      alter table bench_copy alter column project_id set default '${project}', alter column upload_id set default '${randomUUID()}',
        alter column row_no set default nextval('bench_copy_row');
      create index bench_copy_project_ts_idx on bench_copy (project_id, ts, upload_id, row_no);
      create table bench_copy_default partition of bench_copy default;
      create table bench_copy_y2026 partition of bench_copy for values from ('2026-01-01T00:00:00+09:00') to ('2027-01-01T00:00:00+09:00');
      create table bench_copy_y2027 partition of bench_copy for values from ('2027-01-01T00:00:00+09:00') to ('2028-01-01T00:00:00+09:00');`);
    await ddl.end();
    const loadBefore = loadavg().map((l) => Number(l.toFixed(2)));
    const copy = await timed('psql', [url.toString(), '-v', 'ON_ERROR_STOP=1', '-c',
      `\\copy bench_copy (ts, device_id, session_id, lon, lat, speed, altitude, load, people) from '${file}' with (format csv, header true)`], {}, { monitor: admin, database: name });
    if (copy.code !== 0) throw new Error(`psql \\copy failed: ${copy.stderr}`);
    console.log(`psql \\copy: ${(copy.ms / 1000).toFixed(1)} s`);

    const zl = await timed(process.execPath, ['bin/zonelink.js', 'import', file, '--project', project], { DATABASE_URL: url.toString(), SEED_DEMO: 'false', LOG_LEVEL: 'silent' }, { monitor: admin, database: name });
    if (zl.code !== 0 || !zl.stdout.includes(`${rows} rows stored`)) throw new Error(`zonelink import failed: ${zl.stdout} ${zl.stderr}`);
    console.log(`zonelink import: ${(zl.ms / 1000).toFixed(1)} s`);

    const check = new pg.Client({ connectionString: url.toString() });
    await check.connect();
    const counted = await check.query<{ a: string; b: string }>(`select (select count(*) from demonstration_event) as a, (select count(*) from bench_copy) as b`);
    await check.end();
    if (Number(counted.rows[0]!.a) !== rows || Number(counted.rows[0]!.b) !== rows) throw new Error(`row counts differ: ${JSON.stringify(counted.rows[0])}`);

    const zlRate = Math.round(rows / (zl.ms / 1000));
    const copyRate = Math.round(rows / (copy.ms / 1000));
    const samples = zl.rssSamples;
    const peak = Math.max(...samples, 0);
    const at = (q: number) => Math.round(samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0);
    const metrics = [
      metric({ metric: 'rows_per_second', value: zlRate, baseline: 'psql \\copy rows/s', baseline_value: copyRate, target: '≥ 70 % of psql \\copy', met: zlRate >= 0.7 * copyRate }),
      metric({ metric: 'peak_rss_mb', value: Math.round(peak), baseline: 'file size MB', baseline_value: Math.round(bytes / 1e6), target: 'flat: does not grow with the file', met: peak < 512 }),
    ];
    return {
      metrics,
      extra: {
        // Both commands share the machine's cores with whatever else runs: the load average (1, 5, 15 min) says how busy it was.
        load_average: { before: loadBefore, after: loadavg().map((l) => Number(l.toFixed(2))) },
        // CPU seconds of each command's own process and of the PostgreSQL backends serving it.
        cpu_seconds: { zonelink: zl.cpu, psql_copy: copy.cpu },
        rows, file_bytes: bytes, zonelink_seconds: Number((zl.ms / 1000).toFixed(2)), psql_copy_seconds: Number((copy.ms / 1000).toFixed(2)),
        rss_mb_at: { '10%': at(0.1), '25%': at(0.25), '50%': at(0.5), '75%': at(0.75), '90%': at(0.9), peak: Math.round(peak) }, rss_samples: samples.length,
      },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const smoke = process.argv.includes('--smoke');
  const rowsArg = process.argv.indexOf('--rows');
  const { metrics, extra } = await runImportBench({ smoke, ...(rowsArg > 0 ? { rows: Number(process.argv[rowsArg + 1]) } : {}) });
  if (smoke || rowsArg > 0) {
    console.table(metrics);
    console.log(extra);
    console.log('smoke run: results not written');
  } else writeResult('import', metrics, extra);
}
