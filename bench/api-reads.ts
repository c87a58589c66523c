// bench/api-reads (issue 12): HTTP load at 50 connections (autocannon) against `zonelink serve` and, in the same run,
// alternating route by route, a bare Fastify route (bench/lib/bare-server.ts, its own process) that answers
//  - public cacheable reads (zones, a zone, regions, the first exemptions page, the reform board, one search
//    repeated) with the very bytes ZoneLink sent, from memory;
//  - dynamic reads (1,000 distinct searches, a 50-row page of plans as the ministry and as a company, the demo
//    company's rapid-confirmation list) by running the SQL of the same reads through `pg` (PGlite: its pool, on a
//    copy of the same database) and sending the rows as JSON — ZoneLink's queries where it runs one set query, the
//    same rows read by set queries where ZoneLink reads them row by row.
// On PostgreSQL (a database of its own on 127.0.0.1:5432, created and dropped here) and on PGlite, each filled to
// scale by SQL (bench/lib/fill-scale.ts: 100,000 plans, 20,000 exemptions, 1 M regulation texts, 250 regions).
// A route whose single request takes longer than 2 s is not loaded (its one-request latency is reported instead).
//   npm run bench -- api-reads [--smoke] [--engines=postgres,pglite] [--scale=1] [--pglite-scale=0.1] [--seconds=5] [--rounds=2]
// BENCH_DATABASE_URL or TEST_DATABASE_URL names the PostgreSQL server (any database on it; default the local one).
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/db/database.ts';
import { prepareDatabase } from '../src/db/setup.ts';
import { stemLanguageOf } from '../src/domain/search/stem.ts';
import { queryTokens } from '../src/domain/search/tokenize.ts';
import type { BareSpec, SqlStep } from './lib/bare-server.ts';
import { FULL_SCALE, fillToScale, scaled, searchQueries, type Scale } from './lib/fill-scale.ts';
import { load, type LoadResult } from './lib/load.ts';
import { metric, writeResult, type Metric } from './lib/result.ts';

type Engine = 'postgres' | 'pglite';

export interface ApiReadsOptions {
  smoke: boolean;
  engines?: Engine[];
  /** Fraction of FULL_SCALE on PostgreSQL and on PGlite. */
  scale?: number;
  pgliteScale?: number;
  seconds?: number;
  rounds?: number;
}

const root = new URL('..', import.meta.url).pathname;
const ZONELINK_PORT = 3330;
const BARE_PORT = 3331;
const CONNECTIONS = 50;
const TOO_SLOW_MS = 2000;
const TARGETS = { public: { ratio: 0.5, p99: 25 }, dynamic: { ratio: 0.6, p99: 50 } } as const;

export const databaseUrl = (): string => process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface Route {
  name: string;
  kind: 'public' | 'dynamic';
  /** Paths to cycle through on run number `run` (a different set per run where the cache must not answer). */
  paths(run: number): string[];
  /** Cookie of the signed-in reader, if any. */
  cookie?: string;
}

async function waitUntil(what: string, child: ChildProcess, ready: () => Promise<boolean>, limitMs = 180_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (Date.now() - started > limitMs) throw new Error(`${what} was not ready within ${limitMs / 1000} s`);
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
    if (await ready().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

async function signIn(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'zonelink-demo' }) });
  if (!res.ok) throw new Error(`sign-in of ${email} failed: ${res.status}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/**
 * Waits until a server has finished what a load run left in flight (autocannon stops sending at the end of its
 * duration, not the server working): three quick answers in a row to a trivial request, at most 30 s.
 */
async function settle(base: string): Promise<void> {
  const until = Date.now() + 30_000;
  let quick = 0;
  while (quick < 3 && Date.now() < until) {
    const t0 = performance.now();
    await fetch(`${base}/healthz`).then((r) => r.arrayBuffer(), () => undefined);
    quick = performance.now() - t0 < 30 ? quick + 1 : 0;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** One request's latency (ms), or throws when it fails. */
async function once(url: string, cookie?: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(url, { headers: cookie ? { cookie } : {} });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return performance.now() - t0;
}

async function runEngine(engine: Engine, scale: Scale, options: { seconds: number; rounds: number; searches: number }) {
  const tmp = mkdtempSync(join(tmpdir(), `zonelink-bench-api-${engine}-`));
  const dbName = `zonelink_bench_api_${process.pid}`;
  const serverUrl = new URL(databaseUrl());
  const admin = engine === 'postgres' ? new pg.Client({ connectionString: Object.assign(new URL(serverUrl), { pathname: '/postgres' }).toString() }) : null;
  const url = engine === 'postgres' ? Object.assign(new URL(serverUrl), { pathname: `/${dbName}` }).toString() : null;
  const dataDir = join(tmp, 'db');
  let zonelink: ChildProcess | undefined;
  let bare: ChildProcess | undefined;
  try {
    if (admin) {
      await admin.connect();
      await admin.query(`create database ${dbName}`);
    }
    // Migrate, seed and fill in this process; the server then starts on the filled database.
    const db = await openDatabase(url ? { url } : { url: null, dataDir });
    await prepareDatabase(db, { demo: true });
    const company = await db.selectFrom('app_user').select('organisation_id').where('email', '=', 'company@demo.zonelink.kr').executeTakeFirstOrThrow();
    const fill = await fillToScale(db, scale, company.organisation_id);
    await db.destroy();
    console.log(`${engine}: filled in ${fill.seconds} s:`, fill.counts);
    const bareDatabase: BareSpec['database'] = url ? { url } : { dataDir: join(tmp, 'baseline-db') };
    if (!url) cpSync(dataDir, join(tmp, 'baseline-db'), { recursive: true });

    zonelink = spawn(process.execPath, ['bin/zonelink.js', 'serve'], {
      cwd: root,
      env: {
        ...process.env, PORT: String(ZONELINK_PORT), HOST: '127.0.0.1', LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0',
        ZONELINK_FILES_DIR: join(tmp, 'files'), ...(url ? { DATABASE_URL: url } : { ZONELINK_DATA_DIR: dataDir }),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const zl = `http://127.0.0.1:${ZONELINK_PORT}`;
    await waitUntil('zonelink serve', zonelink, async () => (await fetch(`${zl}/readyz`)).ok);
    const ministry = await signIn(zl, 'ministry@demo.zonelink.kr');
    const companyCookie = await signIn(zl, 'company@demo.zonelink.kr');
    const zones = (await (await fetch(`${zl}/api/zones`)).json()) as { items: { id: string }[] };

    // Public reads: the baseline sends the bytes ZoneLink sent (fetched once: that also fills its cache).
    const publicPaths: Record<string, string> = {
      zones: '/api/zones', zone: `/api/zones/${zones.items[0]!.id}`, regions: '/api/regions', exemptions_page: '/api/exemptions',
      reform_board: '/api/reform-board', search_repeated: `/api/search?q=${encodeURIComponent('드론')}`,
    };
    const fixed: BareSpec['fixed'] = [];
    for (const path of Object.values(publicPaths)) {
      const res = await fetch(`${zl}${path}`);
      if (!res.ok) throw new Error(`${path}: ${res.status}`);
      fixed.push({ path, contentType: res.headers.get('content-type') ?? 'application/json', bodyBase64: Buffer.from(await res.arrayBuffer()).toString('base64') });
    }

    // Dynamic reads and the SQL of each.
    const queries = searchQueries(options.searches);
    const searchPath = (q: string, run: number) => `/api/search?q=${encodeURIComponent(q)}&limit=${20 + run}`;
    const planColumns = 'id, model, lead_region, state, content, content_version, submitted_on, zone_id, demo, created_at, updated_at';
    const dynamicSql: BareSpec['queries'] = [];
    const runs = options.rounds;
    for (let run = 0; run <= runs; run += 1) {
      for (const q of queries) {
        const tokens = queryTokens(q, stemLanguageOf('ko'));
        const steps: SqlStep[] = [
          { text: 'select * from regulation where search_tokens @> $1::text[] limit 1000', params: [tokens] },
          { text: 'select id from exemption where search_tokens @> $1::text[] limit 1000', params: [tokens] },
          { text: 'select e.*, z.name as zone_name from exemption e join zone z on z.id = e.zone_id where e.id = any($1::uuid[])', params: [], idsFrom: 1 },
          { text: 'select p.id, p.state, p.content, p.lead_region, p.submitted_on, p.created_at, p.demo, z.id as zone_id, z.name as zone_name from zone_plan p left join zone z on z.id = p.zone_id where p.state in (\'designated\', \'designated_with_conditions\')', params: [] },
        ];
        dynamicSql.push({ path: searchPath(q, run), steps });
      }
    }
    dynamicSql.push({ path: '/api/plans?limit=50', steps: [{ text: `select ${planColumns} from zone_plan where true order by created_at desc, id desc limit 51`, params: [] }] });
    dynamicSql.push({ path: '/api/plans?limit=50&as=company', steps: [{ text: `select ${planColumns} from zone_plan where false order by created_at desc, id desc limit 51`, params: [] }] });
    dynamicSql.push({
      path: '/api/rapid-confirmations?limit=50',
      steps: [
        { text: 'select * from rapid_confirmation where company_id = $1 order by filed_on desc, id desc limit 51', params: [company.organisation_id] },
        { text: 'select * from rapid_confirmation_reply where request_id = any($1::uuid[])', params: [], idsFrom: 0 },
        { text: 'select r.id, z.name, zr.region_code from rapid_confirmation r join zone z on z.id = r.zone_id left join zone_region zr on zr.zone_id = r.zone_id where r.id = any($1::uuid[])', params: [], idsFrom: 0 },
      ],
    });
    const specFile = join(tmp, 'bare-spec.json');
    writeFileSync(specFile, JSON.stringify({ database: bareDatabase, fixed, queries: dynamicSql } satisfies BareSpec));
    bare = spawn(process.execPath, ['--import', 'tsx', 'bench/lib/bare-server.ts', specFile, String(BARE_PORT)], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    const bareBase = `http://127.0.0.1:${BARE_PORT}`;
    await waitUntil('bare server', bare, async () => (await fetch(`${bareBase}/api/zones`)).ok);

    const routes: Route[] = [
      ...Object.entries(publicPaths).map(([name, path]): Route => ({ name, kind: 'public', paths: () => [path] })),
      { name: 'search_distinct', kind: 'dynamic', paths: (run) => queries.map((q) => searchPath(q, run)) },
      { name: 'plans_page_ministry', kind: 'dynamic', paths: () => ['/api/plans?limit=50'], cookie: ministry },
      { name: 'plans_page_company', kind: 'dynamic', paths: () => ['/api/plans?limit=50'], cookie: companyCookie },
      { name: 'rapid_confirmations_company', kind: 'dynamic', paths: () => ['/api/rapid-confirmations?limit=50'], cookie: companyCookie },
    ];
    // The baseline's URL of a ZoneLink path (the company's plan page is another URL there: no cookies).
    const barePath = (route: Route, path: string) => (route.name === 'plans_page_company' ? `${path}&as=company` : path);

    const rows: Record<string, unknown>[] = [];
    const metrics: Metric[] = [];
    for (const route of routes) {
      const zlRuns: LoadResult[] = [];
      const bareRuns: LoadResult[] = [];
      // A first request of each (not timed for the result): a route too slow to load is reported by it alone.
      await settle(zl);
      const firstZl = await once(`${zl}${route.paths(runs)[0]!}`, route.cookie);
      const firstBare = await once(`${bareBase}${barePath(route, route.paths(runs)[0]!)}`);
      if (firstZl > TOO_SLOW_MS || firstBare > TOO_SLOW_MS) {
        zlRuns.push({ rps: Math.round(1000 / firstZl * 100) / 100, p99Ms: Math.round(firstZl), failures: 0, requests: 1 });
        bareRuns.push({ rps: Math.round(1000 / firstBare * 100) / 100, p99Ms: Math.round(firstBare), failures: 0, requests: 1 });
      } else {
        for (let run = 0; run < runs; run += 1) {
          const paths = route.paths(run);
          zlRuns.push(await load(zl, paths, { connections: CONNECTIONS, durationS: options.seconds, ...(route.cookie ? { headers: { cookie: route.cookie } } : {}) }));
          await settle(zl);
          bareRuns.push(await load(bareBase, paths.map((p) => barePath(route, p)), { connections: CONNECTIONS, durationS: options.seconds }));
          await settle(bareBase);
        }
      }
      const best = (xs: LoadResult[]) => xs.reduce((a, b) => (b.rps > a.rps ? b : a));
      const z = best(zlRuns);
      const b = best(bareRuns);
      const target = TARGETS[route.kind];
      const failures = zlRuns.reduce((n, r) => n + r.failures, 0);
      rows.push({ engine, route: route.name, kind: route.kind, rps: z.rps, bare_rps: b.rps, ratio: b.rps === 0 ? 0 : Math.round((z.rps / b.rps) * 1000) / 1000, p99_ms: z.p99Ms, bare_p99_ms: b.p99Ms, failures, loaded: zlRuns[0]!.requests !== 1, completed: z.requests });
      const baseline = route.kind === 'public' ? 'bare-fastify-same-bytes' : 'bare-fastify-same-sql';
      metrics.push(metric({ metric: `${engine}_${route.name}_rps`, value: z.rps, baseline, baseline_value: b.rps, target: `>= ${target.ratio} x baseline`, met: z.rps >= target.ratio * b.rps && failures === 0 }));
      // No request completed within the run: no latency was measured, and the target is not met.
      metrics.push(metric({ metric: `${engine}_${route.name}_p99_ms`, value: z.p99Ms, baseline, baseline_value: b.p99Ms, target: `<= ${target.p99}`, met: z.requests > 0 && z.p99Ms <= target.p99 }));
      console.log(`${engine} ${route.name}: ${z.rps} req/s (bare ${b.rps}), p99 ${z.p99Ms} ms (bare ${b.p99Ms}), failures ${failures}`);
    }
    return { rows, metrics, fill };
  } finally {
    await stop(bare);
    await stop(zonelink);
    if (admin) {
      await admin.query(`drop database if exists ${dbName} with (force)`).catch((e: unknown) => console.error(`could not drop ${dbName}:`, e));
      await admin.end();
    }
    rmSync(tmp, { recursive: true, force: true });
  }
}

export async function runApiReadsBench(options: ApiReadsOptions): Promise<{ metrics: Metric[]; extra: Record<string, unknown> }> {
  const engines = options.engines ?? (options.smoke ? ['postgres'] : ['postgres', 'pglite']);
  const seconds = options.seconds ?? (options.smoke ? 1 : 5);
  const rounds = options.rounds ?? (options.smoke ? 1 : 2);
  const scales: Record<Engine, Scale> = {
    postgres: options.smoke ? scaled(0.002) : scaled(options.scale ?? 1),
    pglite: options.smoke ? scaled(0.002) : scaled(options.pgliteScale ?? 0.1),
  };
  const loadBefore = loadavg();
  const metrics: Metric[] = [];
  const rows: Record<string, unknown>[] = [];
  const fills: Record<string, unknown> = {};
  for (const engine of engines) {
    const result = await runEngine(engine, scales[engine], { seconds, rounds, searches: options.smoke ? 50 : 1000 });
    metrics.push(...result.metrics);
    rows.push(...result.rows);
    fills[engine] = { scale: scales[engine], ...result.fill };
  }
  const loadAfter = loadavg();
  console.table(rows);
  return {
    metrics,
    extra: {
      connections: CONNECTIONS, seconds_per_run: seconds, rounds, full_scale: FULL_SCALE, fills, routes: rows,
      load_average: { before: loadBefore.map((x) => Math.round(x * 10) / 10), after: loadAfter.map((x) => Math.round(x * 10) / 10) },
      note: 'best of the rounds per side; a route whose single request took over 2 s was not loaded (its one-request latency stands for p99 and 1000/latency for req/s)',
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const smoke = process.argv.includes('--smoke');
  const number = (name: string) => (arg(name) === undefined ? undefined : Number(arg(name)));
  const { metrics, extra } = await runApiReadsBench({
    smoke, engines: arg('engines')?.split(',') as Engine[] | undefined,
    scale: number('scale'), pgliteScale: number('pglite-scale'), seconds: number('seconds'), rounds: number('rounds'),
  });
  if (smoke) console.table(metrics.map((m) => ({ metric: m.metric, value: m.value, baseline: m.baseline_value, met: m.met })));
  else writeResult('api-reads', metrics, extra);
}
