// Read replicas (issue 12): with DATABASE_READ_URL, anonymous public reads are answered from a real streaming replica
// (a throwaway primary and a `pg_basebackup -R` copy of it, on free ports); signed-in reads stay on the primary; while
// the replica's replay is paused (it lags) a write is seen at once — read from the primary — and once the replica is
// stopped every read is still answered, by the primary, without an error.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { openDatabase, replicaOf, type Database } from '../../src/db/database.ts';
import type { ReplicaRoutingPool } from '../../src/db/read-replica.ts';
import { prepareDatabase } from '../../src/db/setup.ts';
import { DEMO_PASSWORD } from '../../src/db/seed/demo.ts';
import { buildApp } from '../../src/server/app.ts';
import { testConfig } from '../support/app.ts';
import { clusterUnavailableReason, createCluster, type Cluster } from '../support/pg-cluster.ts';

const skipReason = clusterUnavailableReason();
if (skipReason && process.env.CI) throw new Error(`fault tests need PostgreSQL server binaries in CI: ${skipReason}`);

describe('read replica: public reads from a caught-up replica, the primary when it lags or is down', { skip: skipReason ?? false }, () => {
  let primary: Cluster;
  let replica: Cluster;
  let db: Database;
  let routing: ReplicaRoutingPool;
  let app: FastifyInstance;
  let zoneId: string;
  let cookie: string;

  /** Waits until the replica has replayed everything the primary has written so far. */
  async function caughtUp(): Promise<void> {
    const [{ lsn }] = await primary.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn') as [{ lsn: string }];
    for (let i = 0; i < 200; i += 1) {
      const [row] = await replica.query<{ done: boolean }>('select pg_last_wal_replay_lsn() >= $1::pg_lsn as done', [lsn]);
      if (row?.done) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the replica did not catch up');
  }

  const zoneName = async (headers: Record<string, string> = {}) => {
    const res = await app.inject({ method: 'GET', url: `/api/zones/${zoneId}`, headers: { 'accept-language': 'ko', ...headers } });
    assert.equal(res.statusCode, 200, res.body);
    return (res.json() as { name: { ko: string } }).name.ko;
  };

  const rename = (name: string) => sql`update zone set name = jsonb_set(name, '{ko}', to_jsonb(${name}::text)) where id = ${zoneId}`.execute(db);

  before(async () => {
    primary = await createCluster({ replication: true });
    await primary.start();
    replica = await createCluster({ replicaOf: primary });
    await replica.start();
    db = await openDatabase({ url: primary.url, readUrl: replica.url, connectTimeoutMs: 2000 });
    routing = replicaOf(db)!;
    await prepareDatabase(db, { demo: true });
    zoneId = (await db.selectFrom('zone').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
    app = await buildApp({ config: testConfig({ DATABASE_URL: primary.url, DATABASE_READ_URL: replica.url, READ_CACHE_MB: '0' }), db });
    await app.ready();
    const login = await app.inject({ method: 'POST', url: '/api/session', payload: { email: 'ministry@demo.zonelink.kr', password: DEMO_PASSWORD } });
    assert.equal(login.statusCode, 200, login.body);
    cookie = `zl_session=${login.cookies.find((c) => c.name === 'zl_session')!.value}`;
    await caughtUp();
  });
  after(async () => {
    await app?.close();
    await db?.destroy();
    await replica?.remove();
    await primary?.remove();
  });

  test('anonymous public reads are served by the caught-up replica; a signed-in reader’s by the primary', async () => {
    await rename('복제 읽기 구역');
    await caughtUp();
    const before = routing.replicaConnections;
    assert.equal(await zoneName(), '복제 읽기 구역');
    assert.ok(routing.replicaConnections > before, 'the replica answered the anonymous read');
    const [{ n }] = await replica.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where backend_type = 'client backend' and datname = 'postgres'`) as [{ n: number }];
    assert.ok(n >= 2, 'the server holds connections to the replica');
    const signedIn = routing.replicaConnections;
    assert.equal(await zoneName({ cookie }), '복제 읽기 구역');
    assert.equal(routing.replicaConnections, signedIn, 'a signed-in read stays on the primary');
  });

  test('while the replica lags, a write committed before the read is shown (read from the primary); caught up, the replica answers again', async () => {
    await replica.query('select pg_wal_replay_pause()');
    await rename('복제 지연 중 변경');
    const lagging = routing.replicaConnections;
    assert.equal(await zoneName(), '복제 지연 중 변경');
    assert.equal(routing.replicaConnections, lagging, 'a lagging replica is not asked');
    await replica.query('select pg_wal_replay_resume()');
    await caughtUp();
    assert.equal(await zoneName(), '복제 지연 중 변경');
    assert.ok(routing.replicaConnections > lagging, 'the caught-up replica answers again');
  });

  test('with the replica down, every read is answered by the primary without an error', async () => {
    await replica.stop({ mode: 'immediate' });
    await rename('복제 중단 중 변경');
    for (let i = 0; i < 5; i += 1) assert.equal(await zoneName(), '복제 중단 중 변경');
    const res = await app.inject({ method: 'GET', url: '/api/regions', headers: { 'accept-language': 'ko' } });
    assert.equal(res.statusCode, 200, res.body);
  });
});
