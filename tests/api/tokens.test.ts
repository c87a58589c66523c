import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { asSession, problemOf, startTestApp, type TestApp } from '../support/app.ts';
import { engines } from '../support/db.ts';

for (const engine of engines()) {
  describe(`API tokens (${engine})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine);
    });
    after(async () => t.close());

    async function createToken(scopes: string[]) {
      const s = await t.login('busan@demo.zonelink.kr');
      const res = await t.app.inject({ method: 'POST', url: '/api/me/tokens', headers: asSession(s), payload: { name: 'sync job', scopes } });
      assert.equal(res.statusCode, 201);
      return { session: s, ...(res.json() as { token: string; item: { id: string } }) };
    }

    test('a token is shown once, stored hashed, and authenticates without CSRF', async () => {
      const { token, item } = await createToken(['read', 'write']);
      assert.match(token, /^zl_/);
      const row = await t.db.selectFrom('api_token').select('token_hash').where('id', '=', item.id).executeTakeFirstOrThrow();
      assert.notEqual(row.token_hash, token);
      const me = await t.app.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}` } });
      assert.equal(me.statusCode, 200);
      assert.equal(me.json().email, 'busan@demo.zonelink.kr');
      const write = await t.app.inject({ method: 'PATCH', url: '/api/me', headers: { authorization: `Bearer ${token}` }, payload: { locale: 'en' } });
      assert.equal(write.statusCode, 200);
    });

    test('a read-only token cannot write', async () => {
      const { token } = await createToken(['read']);
      const res = await t.app.inject({ method: 'PATCH', url: '/api/me', headers: { authorization: `Bearer ${token}` }, payload: { locale: 'en' } });
      assert.equal(res.statusCode, 403);
      assert.equal(problemOf(res).code, 'token-scope');
    });

    test('a revoked token stops working; others’ tokens cannot be revoked', async () => {
      const { token, item, session } = await createToken(['read']);
      const ulsan = await t.login('ulsan@demo.zonelink.kr');
      const foreign = await t.app.inject({ method: 'DELETE', url: `/api/me/tokens/${item.id}`, headers: asSession(ulsan) });
      assert.equal(foreign.statusCode, 404);
      const revoke = await t.app.inject({ method: 'DELETE', url: `/api/me/tokens/${item.id}`, headers: asSession(session) });
      assert.equal(revoke.statusCode, 204);
      const after = await t.app.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}` } });
      assert.equal(after.statusCode, 401);
      const listed = (await t.app.inject({ url: '/api/me/tokens', headers: { cookie: session.cookie } })).json().items;
      assert.ok(listed.find((x: { id: string; revokedAt: string | null }) => x.id === item.id)?.revokedAt);
    });

    test('a request authenticated by an API token, of any scope, cannot create tokens (issue 11, finding 8)', async () => {
      for (const scopes of [['read', 'write'], ['write'], ['read']]) {
        const { token } = await createToken(scopes);
        const before = await t.db.selectFrom('api_token').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
        for (const locale of ['ko', 'en', 'ja', 'zh', 'fr']) {
          const res = await t.app.inject({
            method: 'POST', url: '/api/me/tokens', headers: { authorization: `Bearer ${token}`, 'accept-language': locale },
            payload: { name: 'renewed by a leaked token', scopes: ['read', 'write'] },
          });
          assert.equal(res.statusCode, 403, `${scopes.join('+')} ${locale}`);
          const problem = problemOf(res);
          assert.equal(problem.code, 'session-required');
          assert.ok(problem.detail.length > 0);
        }
        const after = await t.db.selectFrom('api_token').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
        assert.equal(Number(after.n), Number(before.n), 'no token was written');
      }
    });

    test('an unknown bearer token is 401', async () => {
      const res = await t.app.inject({ url: '/api/me', headers: { authorization: 'Bearer zl_nope' } });
      assert.equal(res.statusCode, 401);
    });
  });
}
