// Sign-in limits live in the database (issue 11, findings 6 and 7): only failures count, per address and per
// (address, e-mail), in a sliding window every node shares.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/db/seed/demo.ts';
import { buildApp } from '../../src/server/app.ts';
import { LoginLimiter } from '../../src/server/session/login-limiter.ts';
import { problemOf, startTestApp, type TestApp } from '../support/app.ts';
import { engines } from '../support/db.ts';

for (const engine of engines()) {
  describe(`sign-in limits (${engine})`, () => {
    let t: TestApp;
    /** A second node: another app on the same database. */
    let b: FastifyInstance;
    before(async () => {
      t = await startTestApp(engine, { LOGIN_MAX_ATTEMPTS: '10', LOGIN_WINDOW_SECONDS: '300' });
      b = await buildApp({ config: t.config, db: t.db });
      await b.ready();
    });
    after(async () => {
      await b.close();
      await t.close();
    });

    const signIn = (node: FastifyInstance, ip: string, email: string, password: string) =>
      node.inject({ method: 'POST', url: '/api/session', remoteAddress: ip, payload: { email, password } });

    test('sixty successful sign-ins from one address (users behind one NAT) are never limited', async () => {
      // Finding 6: the address limit is 5 × 10 = 50; successful sign-ins used to count towards it.
      for (let i = 0; i < 60; i += 1) {
        const user = DEMO_USERS[i % DEMO_USERS.length]!;
        const res = await signIn(i % 2 === 0 ? t.app : b, '203.0.113.50', user.email, DEMO_PASSWORD);
        assert.equal(res.statusCode, 200, `sign-in ${i + 1}: ${res.body}`);
      }
      assert.equal(Number((await t.db.selectFrom('sign_in_attempt').select((eb) => eb.fn.countAll().as('n')).where('ip', '=', '203.0.113.50').executeTakeFirstOrThrow()).n), 0);
    });

    test('ten failures spread over two nodes trip the limit for that address and e-mail on both', async () => {
      const ip = '203.0.113.10';
      for (let i = 0; i < 10; i += 1) {
        assert.equal((await signIn(i % 2 === 0 ? t.app : b, ip, 'expert@demo.zonelink.kr', `wrong-${i}`)).statusCode, 401);
      }
      for (const node of [t.app, b]) {
        const limited = await signIn(node, ip, 'expert@demo.zonelink.kr', DEMO_PASSWORD);
        assert.equal(limited.statusCode, 429);
        assert.equal(problemOf(limited).code, 'rate-limited');
        assert.ok(Number(limited.headers['retry-after']) > 0 && Number(limited.headers['retry-after']) <= 300);
      }
      // Another e-mail from that address, and the same e-mail from another address, are not limited.
      assert.equal((await signIn(b, ip, 'motie@demo.zonelink.kr', DEMO_PASSWORD)).statusCode, 200);
      assert.equal((await signIn(t.app, '203.0.113.11', 'expert@demo.zonelink.kr', DEMO_PASSWORD)).statusCode, 200);
    });

    test('fifty failures from one address over many e-mails trip the address limit', async () => {
      const ip = '203.0.113.20';
      for (let i = 0; i < 50; i += 1) {
        assert.equal((await signIn(i % 2 === 0 ? t.app : b, ip, `nobody-${i}@example.org`, 'wrong')).statusCode, 401);
      }
      assert.equal((await signIn(b, ip, 'busan@demo.zonelink.kr', DEMO_PASSWORD)).statusCode, 429);
    });

    test('parallel guesses cannot pass the limit together', async () => {
      const ip = '203.0.113.30';
      const answers = await Promise.all(Array.from({ length: 24 }, (_, i) => signIn(i % 2 === 0 ? t.app : b, ip, 'ulsan@demo.zonelink.kr', `guess-${i}`)));
      const codes = answers.map((r) => r.statusCode);
      assert.ok(codes.every((c) => c === 401 || c === 429), codes.join(','));
      assert.ok(codes.filter((c) => c === 401).length <= 10, `${codes.filter((c) => c === 401).length} guesses checked`);
    });

    test('the window slides and expired attempts are swept', async () => {
      const limiter = new LoginLimiter(t.db, { maxAttempts: 2, windowMs: 1_000 });
      const ip = '203.0.113.40';
      assert.equal((await limiter.attempt(ip, 'a@example.org')).wait, 0);
      assert.equal((await limiter.attempt(ip, 'A@example.org ')).wait, 0);
      assert.ok((await limiter.attempt(ip, 'a@example.org')).wait >= 1);
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      assert.equal((await limiter.attempt(ip, 'a@example.org')).wait, 0);
      await sql`update sign_in_attempt set at = at - interval '1 hour' where ip = ${ip}`.execute(t.db);
      assert.ok(await limiter.sweep() >= 3);
      const left = await t.db.selectFrom('sign_in_attempt').select('id').where('ip', '=', ip).execute();
      assert.deepEqual(left, []);
    });
  });
}
