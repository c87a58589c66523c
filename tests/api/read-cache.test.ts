// The cache of public reads: served from memory while nothing changed, never stale after a write committed —
// through the same node or another one on the same database. Both engines.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { demoId } from '../../src/db/seed/demo.ts';
import { seedDemoExemptions, seedReferenceRegulations } from '../../src/db/seed/regulations.ts';
import { buildApp } from '../../src/server/app.ts';
import { asSession, startTestApp, type Session, type TestApp } from '../support/app.ts';
import { engines } from '../support/db.ts';
import { newExemption } from '../support/exemptions.ts';

const TRAILER = demoId('exemption:ulsan-hydrogen-trailer');

for (const engine of engines()) {
  describe(`read cache (${engine})`, () => {
    let t: TestApp;
    let nodeB: FastifyInstance;
    let ministry: Session;
    before(async () => {
      t = await startTestApp(engine);
      await seedReferenceRegulations(t.db);
      await seedDemoExemptions(t.db);
      nodeB = await buildApp({ config: t.config, db: t.db });
      await nodeB.ready();
      ministry = await t.login('ministry@demo.zonelink.kr');
    });
    after(async () => {
      await nodeB.close();
      await t.close();
    });

    /** Changes a title behind the application's back, with triggers off: the cache cannot know. */
    async function changeTitleSilently(title: string): Promise<void> {
      await t.db.transaction().execute(async (trx) => {
        await sql`set local session_replication_role = replica`.execute(trx);
        await sql`update exemption set title = jsonb_set(title, '{ko}', to_jsonb(${title}::text)) where id = ${TRAILER}`.execute(trx);
      });
    }

    test('anonymous reads come from the cache until a write changes their topic; signed-in reads never do', async () => {
      const url = `/api/exemptions/${TRAILER}`;
      const first = (await nodeB.inject(url)).json();
      await changeTitleSilently('조용히 바뀐 제목');
      assert.equal((await nodeB.inject(url)).json().title.ko, first.title.ko, 'served from the cache');
      assert.equal((await nodeB.inject({ url, headers: { cookie: ministry.cookie } })).json().title.ko, '조용히 바뀐 제목', 'signed-in: from the database');
      const created = await t.app.inject({ method: 'POST', url: '/api/exemptions', headers: asSession(ministry), payload: newExemption('캐시 무효화 예외') });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal((await nodeB.inject(url)).json().title.ko, '조용히 바뀐 제목', 'the write through node A dropped node B\'s entry');
    });

    test('a write through node A is visible through node B at once, with a new ETag (stale-cache test)', async () => {
      for (let round = 0; round < 5; round += 1) {
        const warm = await nodeB.inject({ url: '/api/exemptions', headers: { 'accept-encoding': 'br' } });
        const etag = String(warm.headers.etag);
        assert.equal((await nodeB.inject({ url: '/api/exemptions', headers: { 'if-none-match': etag } })).statusCode, 304);
        const title = `노드 간 예외 ${round}`;
        // Reads through node B keep arriving while the write runs; the first one after it committed must show it.
        const reads = Array.from({ length: 8 }, () => nodeB.inject('/api/exemptions'));
        const created = await t.app.inject({ method: 'POST', url: '/api/exemptions', headers: asSession(ministry), payload: newExemption(title) });
        assert.equal(created.statusCode, 201, created.body);
        const [afterWrite, revalidated] = await Promise.all([
          nodeB.inject('/api/exemptions'),
          nodeB.inject({ url: '/api/exemptions', headers: { 'if-none-match': etag } }),
        ]);
        assert.ok(afterWrite.body.includes(title), `round ${round}: node B shows the write`);
        assert.equal(revalidated.statusCode, 200);
        assert.notEqual(revalidated.headers.etag, etag);
        assert.equal(revalidated.headers.etag, (await t.app.inject('/api/exemptions')).headers.etag, 'both nodes agree on the ETag');
        for (const res of await Promise.all(reads)) assert.equal(res.statusCode, 200);
      }
    });

    test('entries are per language and encoding-negotiated from one stored response', async () => {
      const ko = await nodeB.inject({ url: '/api/reform-board', headers: { 'accept-language': 'ko' } });
      const fr = await nodeB.inject({ url: '/api/reform-board', headers: { 'accept-language': 'fr', 'accept-encoding': 'gzip' } });
      const frAgain = await nodeB.inject({ url: '/api/reform-board', headers: { 'accept-language': 'fr', 'accept-encoding': 'identity' } });
      assert.equal(ko.statusCode, 200);
      assert.equal(fr.headers.etag, frAgain.headers.etag);
      assert.deepEqual(frAgain.json(), ko.json());
      assert.match(String(fr.headers.vary), /Accept-Encoding/i);
    });

    test('bad input is checked before the cache: a cached route still answers 400', async () => {
      await nodeB.inject('/api/zones?round=1');
      const res = await nodeB.inject('/api/zones?round=0');
      assert.equal(res.statusCode, 400);
    });
  });
}
