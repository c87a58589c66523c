// Issue 11, finding 2: a PostgreSQL restart killed the server (no `error` listener on the pool), nothing answered
// after the database came back, and API routes answered 500 `internal` while it was down. Here the real
// `zonelink serve` runs against a throwaway cluster (tests/support/pg-cluster.ts) under a read/write load while
// the cluster is stopped, its backends terminated and restarted, and while `serve` starts with it down: the
// process survives, answers 503 `unavailable` with Retry-After meanwhile (/healthz 200, /readyz 503), recovers on
// its own, and every write it acknowledged is there afterwards with the audit chain intact.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { openDatabase } from '../../src/db/database.ts';
import { demoId } from '../../src/db/seed/demo.ts';
import { errorCatalogues } from '../../src/i18n/errors/index.ts';
import { LOCALES } from '../../src/i18n/locales.ts';
import { clusterUnavailableReason, createCluster, freePort, type Cluster } from '../support/pg-cluster.ts';
import { runZonelink, startServe, type ServerProcess } from '../support/server-process.ts';

const skipReason = clusterUnavailableReason();
if (skipReason && process.env.CI) throw new Error(`fault tests need PostgreSQL server binaries in CI: ${skipReason}`);

interface Outcome { kind: 'write' | 'read'; status: number | string; at: number; id?: string; code?: string; retryAfter?: string | null }

interface Session { cookie: string; csrf: string }

/** Short back-off and connect timeout, so the test waits seconds, not minutes. */
const FAST_RETRY = { DATABASE_RETRY_MAX_MS: '400', DATABASE_CONNECT_TIMEOUT_MS: '2000' };

describe('PostgreSQL outage: the server survives, answers 503 meanwhile, recovers on its own, loses no acknowledged write', { skip: skipReason ?? false }, () => {
  let cluster: Cluster;
  let server: ServerProcess | null = null;
  let filesDir: string;
  let port: number;
  let env: Record<string, string>;
  let session: Session;
  let article = 0;
  /** Every write the server acknowledged with a 2xx: its id must be in the database afterwards. */
  const acknowledged: string[] = [];

  before(async () => {
    cluster = await createCluster();
    await cluster.start();
    filesDir = await mkdtemp(join(tmpdir(), 'zonelink-outage-files-'));
    port = await freePort();
    env = { DATABASE_URL: cluster.url, ZONELINK_FILES_DIR: filesDir, SEED_DEMO: 'true', ...FAST_RETRY };
    server = startServe(port, env);
    await server.waitForStatus('/readyz', 200, 120_000);
    session = await login(server.baseUrl);
  });
  after(async () => {
    await server?.stop();
    await cluster?.remove();
    if (filesDir) await rm(filesDir, { recursive: true, force: true });
  });

  async function login(base: string): Promise<Session> {
    const res = await fetch(`${base}/api/session`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'ministry@demo.zonelink.kr', password: 'zonelink-demo' }),
    });
    const text = await res.text();
    assert.equal(res.status, 200, text);
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    return { cookie, csrf: (JSON.parse(text) as { csrfToken: string }).csrfToken };
  }

  /** One write (a new catalogue provision, audited) or read (who am I: a session lookup), as an outcome. */
  async function request(kind: 'write' | 'read', lang = 'en'): Promise<Outcome> {
    const at = Date.now();
    const headers: Record<string, string> = { cookie: session.cookie, 'accept-language': lang };
    try {
      const res = kind === 'write'
        ? await fetch(`${server!.baseUrl}/api/regulations`, {
          method: 'POST', headers: { ...headers, 'x-csrf-token': session.csrf, 'content-type': 'application/json' }, signal: AbortSignal.timeout(20_000),
          body: JSON.stringify({
            instrument: 'notice', law: { ko: '장애 시험 고시' }, article: `F${(article += 1)}`, paragraph: null, ministry: 'MOTIE', ministryName: { ko: '산업통상자원부' },
            title: { ko: '장애 중 쓰기' }, body: { ko: '데이터베이스가 멈춘 동안의 쓰기' }, effectiveFrom: '2026-01-01', amendments: [],
          }),
        })
        : await fetch(`${server!.baseUrl}/api/me`, { headers, signal: AbortSignal.timeout(20_000) });
      const body = (await res.json()) as { id?: string; code?: string };
      if (kind === 'write' && res.status >= 200 && res.status < 300) acknowledged.push(body.id!);
      return { kind, status: res.status, at, id: body.id, code: body.code, retryAfter: res.headers.get('retry-after') };
    } catch (error) {
      return { kind, status: `no answer: ${error instanceof Error ? error.message : String(error)}`, at };
    }
  }

  /** Workers alternating writes and reads until stopped. */
  function startLoad(workers = 3): { outcomes: Outcome[]; stop(): Promise<Outcome[]> } {
    const outcomes: Outcome[] = [];
    let running = true;
    const loops = Array.from({ length: workers }, async (_, w) => {
      for (let i = 0; running; i += 1) {
        outcomes.push(await request((i + w) % 2 === 0 ? 'write' : 'read'));
        await sleep(25);
      }
    });
    return { outcomes, async stop() { running = false; await Promise.all(loops); return outcomes; } };
  }

  async function until(what: string, ok: () => boolean, timeoutMs = 30_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!ok()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what} — server output:\n${server?.output().slice(-3000)}`);
      await sleep(50);
    }
  }

  /** Only success or 503 `unavailable` with Retry-After: never 500, never a dropped connection. */
  function assertOnlySuccessOr503(outcomes: readonly Outcome[], t: { diagnostic(message: string): void }): void {
    const byStatus = new Map<string, number>();
    for (const o of outcomes) byStatus.set(`${o.kind} ${o.status}`, (byStatus.get(`${o.kind} ${o.status}`) ?? 0) + 1);
    t.diagnostic(`answers: ${[...byStatus].map(([k, n]) => `${k} ×${n}`).join(', ')}`);
    const bad = outcomes.filter((o) => !(typeof o.status === 'number' && ((o.status >= 200 && o.status < 300) || o.status === 503)));
    assert.deepEqual(bad, [], `answers other than 2xx or 503:\n${server?.output().slice(-3000)}`);
    for (const o of outcomes.filter((x) => x.status === 503)) {
      assert.equal(o.code, 'unavailable');
      assert.match(o.retryAfter ?? '', /^\d+$/);
    }
  }

  async function assertAcknowledgedWritesPresent(): Promise<void> {
    const rows = await cluster.query<{ id: string }>('select id::text as id from regulation where id = any($1::uuid[])', [acknowledged]);
    const present = new Set(rows.map((r) => r.id));
    assert.deepEqual(acknowledged.filter((id) => !present.has(id)), [], 'every acknowledged write is in the database');
  }

  test('(a) fast stop under load: 503 with Retry-After meanwhile, /healthz 200, /readyz 503; after the start requests succeed again', async (t) => {
    const load = startLoad();
    await until('writes before the stop', () => load.outcomes.filter((o) => o.kind === 'write' && o.status === 201).length >= 5);
    await cluster.stop({ mode: 'fast' });
    const stoppedAt = Date.now();
    await until('503 answers while the database is down', () => load.outcomes.filter((o) => o.at > stoppedAt && o.status === 503).length >= 4);

    assert.ok(server!.alive(), 'the server process survives the stop');
    const health = await fetch(`${server!.baseUrl}/healthz`);
    assert.equal(health.status, 200);
    const ready = await fetch(`${server!.baseUrl}/readyz`);
    assert.equal(ready.status, 503);
    assert.match(ready.headers.get('retry-after') ?? '', /^\d+$/);
    for (const lang of LOCALES) {
      const res = await fetch(`${server!.baseUrl}/api/me`, { headers: { cookie: session.cookie, 'accept-language': lang } });
      assert.equal(res.status, 503, lang);
      assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
      assert.match(res.headers.get('retry-after') ?? '', /^\d+$/);
      const problem = (await res.json()) as { code: string; title: string; status: number };
      assert.deepEqual({ code: problem.code, status: problem.status, title: problem.title }, { code: 'unavailable', status: 503, title: errorCatalogues[lang].problems.unavailable.title });
    }
    // A public read (served through the read cache's version check) is refused the same way.
    const publicRead = await fetch(`${server!.baseUrl}/api/regulations?ministry=MOTIE`);
    assert.equal(publicRead.status, 503);

    await cluster.start();
    const startedAt = Date.now();
    await until('writes acknowledged after the start', () => load.outcomes.filter((o) => o.at > startedAt && o.kind === 'write' && o.status === 201).length >= 3);
    await until('reads after the start', () => load.outcomes.filter((o) => o.at > startedAt && o.kind === 'read' && o.status === 200).length >= 3);
    const outcomes = await load.stop();
    assert.ok(server!.alive(), 'the server process is still running');
    assertOnlySuccessOr503(outcomes, t);
    assert.equal((await fetch(`${server!.baseUrl}/readyz`)).status, 200);
    await assertAcknowledgedWritesPresent();
  });

  test('(b) pooled backends terminated (pg_terminate_backend) and a restart under load: the process survives, the next requests succeed', async (t) => {
    const load = startLoad();
    await until('writes before the terminations', () => load.outcomes.filter((o) => o.kind === 'write' && o.status === 201).length >= 3);
    let terminated = 0;
    for (let round = 0; round < 5; round += 1) {
      terminated += await cluster.terminateBackends();
      await sleep(150);
    }
    assert.ok(terminated > 0, 'pooled backends were terminated');
    t.diagnostic(`${terminated} backends terminated in 5 rounds`);
    await sleep(200);
    assert.ok(server!.alive(), 'the server process survives terminated backends');
    const settledAt = Date.now();
    await until('writes after the terminations', () => load.outcomes.filter((o) => o.at > settledAt && o.kind === 'write' && o.status === 201).length >= 3);

    await cluster.restart({ mode: 'fast' });
    const restartedAt = Date.now();
    await until('writes after the restart', () => load.outcomes.filter((o) => o.at > restartedAt && o.kind === 'write' && o.status === 201).length >= 3);
    const outcomes = await load.stop();
    assert.ok(server!.alive(), 'the server process survives the restart');
    assertOnlySuccessOr503(outcomes, t);

    // Quiet again: the pool's connections were all terminated while idle; the very next requests succeed.
    await cluster.terminateBackends();
    await sleep(500);
    const next = await Promise.all([request('read'), request('read'), request('write'), request('read')]);
    assert.deepEqual(next.map((o) => o.status), [200, 200, 201, 200]);
    await assertAcknowledgedWritesPresent();

    const verify = await runZonelink(['audit', 'verify'], env);
    assert.equal(verify.code, 0, verify.stderr);
    assert.match(verify.stdout, /audit log intact/);
  });

  test('(c) serve started while the database is down waits with back-off, saying why, then becomes ready once it starts', async () => {
    assert.equal(await server!.stop(), 0);
    await cluster.stop({ mode: 'fast' });
    server = startServe(port, env);
    await server.waitForOutput(/waiting for the database.*connection refused/i);
    await server.waitForOutput(/retry(ing)? in \d/i);
    assert.equal((await fetch(`${server.baseUrl}/healthz`)).status, 200, 'alive while waiting');
    const ready = await fetch(`${server.baseUrl}/readyz`);
    assert.equal(ready.status, 503, 'not ready while waiting');
    const api = await fetch(`${server.baseUrl}/api/regions`, { headers: { 'accept-language': 'ko' } });
    assert.equal(api.status, 503);
    assert.match(api.headers.get('retry-after') ?? '', /^\d+$/);
    assert.equal(((await api.json()) as { code: string; title: string }).title, errorCatalogues.ko.problems.unavailable.title);

    await cluster.start();
    await server.waitForStatus('/readyz', 200, 60_000);
    session = await login(server.baseUrl);
    assert.equal((await request('write')).status, 201);
    await assertAcknowledgedWritesPresent();
  });

  test('(d) a backend terminated during a COPY import: the import ends with an error naming it, stores nothing, and a re-run stores every row once', async () => {
    const db = await openDatabase({ url: cluster.url });
    const project = randomUUID();
    try {
      const zone = (await db.selectFrom('zone_region').select('zone_id').where('region_code', '=', '21').executeTakeFirstOrThrow()).zone_id;
      await db.insertInto('demonstration_project').values({
        id: project, zone_id: zone, title: JSON.stringify({ ko: '장애 실증' }), summary: JSON.stringify({ ko: '요약' }), state: 'demonstrating', lead_company: demoId('org:company'),
        partner_companies: [], sites: [], products: JSON.stringify([{ ko: '제품' }]), period_start: '2026-01-01', period_end: '2027-12-31', milestones: '[]', kpis: '[]',
        safety_plan: JSON.stringify({ ko: '안전' }), insurance_required: false, insurance: null, rules: '[]', version: 1, demo: false, created_by: null,
      }).execute();
    } finally {
      await db.destroy();
    }
    const rows = 300_000;
    const start = Date.parse('2026-06-01T00:00:00+09:00');
    const lines = ['ts,deviceId,sessionId,lon,lat,speed'];
    for (let i = 0; i < rows; i += 1) lines.push(`${new Date(start + i * 1000).toISOString()},${i % 50},${Math.floor(i / 100)},129.0${i % 10},35.1,${i % 40}`);
    const file = join(filesDir, 'events.csv');
    await writeFile(file, `${lines.join('\n')}\n`);
    const stored = async () => Number((await cluster.query<{ n: string }>('select count(*) as n from demonstration_event where project_id = $1', [project]))[0]!.n);

    const child = spawn(process.execPath, ['bin/zonelink.js', 'import', file, '--project', project], { env: { ...process.env, NODE_ENV: 'test', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let terminated = 0;
    child.stdout.on('data', () => undefined);
    child.stderr.on('data', (c) => {
      stderr += String(c);
      if (terminated === 0 && /storing [#.]+ \d+\//.test(stderr)) {
        terminated = -1;
        void cluster.terminateBackends().then((n) => { terminated = n; });
      }
    });
    const exit = await Promise.race([
      new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code))),
      sleep(60_000).then(() => { child.kill('SIGKILL'); return 'hung' as const; }),
    ]);
    assert.notEqual(exit, 'hung', `the import hung after its backend was terminated:\n${stderr.slice(-1500)}`);
    assert.ok(terminated !== 0, `the import finished before its backend could be terminated:\n${stderr.slice(-500)}`);
    assert.equal(exit, 1, `exit ${exit}, terminated ${terminated}, stored ${await stored()}: ${stderr.slice(-300)}`);
    assert.match(stderr, /the database is unavailable \((connection lost|connection terminated unexpectedly|the database server is shutting down \(admin shutdown\) \(57P01\))\); the command did not finish/);
    assert.equal(await stored(), 0, 'an import cut by the database stores nothing');

    const rerun = await runZonelink(['import', file, '--project', project], env);
    assert.equal(rerun.code, 0, rerun.stderr.slice(-1500));
    assert.equal(await stored(), rows);
  });
});
