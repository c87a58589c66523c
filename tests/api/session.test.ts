import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { asSession, problemOf, startTestApp, type TestApp } from '../support/app.ts';
import { engines, snapshot } from '../support/db.ts';

for (const engine of engines()) {
  describe(`session (${engine})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine, { LOGIN_MAX_ATTEMPTS: '3' });
    });
    after(async () => t.close());

    test('signs in with a secure, HttpOnly, SameSite cookie and returns the user and a CSRF token', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/session', payload: { email: 'Busan@demo.zonelink.kr', password: 'zonelink-demo' } });
      assert.equal(res.statusCode, 200);
      const cookie = res.cookies.find((c) => c.name === 'zl_session');
      assert.ok(cookie);
      assert.equal(cookie.httpOnly, true);
      assert.equal(cookie.sameSite, 'Lax');
      const body = res.json();
      assert.equal(body.user.email, 'busan@demo.zonelink.kr');
      assert.equal(body.user.organisation.regionCode, '21');
      assert.ok(body.csrfToken.length > 20);
      const session = await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: `zl_session=${cookie.value}` } });
      assert.equal(session.statusCode, 200);
      assert.equal(session.json().csrfToken, body.csrfToken);
    });

    test('a readable signed-in cookie (no secret) lives as long as the session, and goes when it ends or is refused', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/session', payload: { email: 'ulsan@demo.zonelink.kr', password: 'zonelink-demo' } });
      const session = res.cookies.find((c) => c.name === 'zl_session');
      const hint = res.cookies.find((c) => c.name === 'zl_signed_in');
      assert.ok(session && hint);
      assert.equal(hint.value, '1');
      assert.equal(hint.httpOnly, undefined);
      assert.equal(hint.sameSite, 'Lax');
      assert.equal(String(hint.expires), String(session.expires));
      const body = res.json() as { csrfToken: string };
      const cookie = `zl_session=${session.value}; zl_signed_in=1`;
      const out = await t.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie, 'x-csrf-token': body.csrfToken } });
      assert.equal(out.statusCode, 204);
      assert.equal(out.cookies.find((c) => c.name === 'zl_signed_in')?.value, '');
      // The session is gone on the server: the next check is refused and tells the page to stop asking.
      const check = await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
      assert.equal(check.statusCode, 401);
      assert.equal(check.cookies.find((c) => c.name === 'zl_signed_in')?.value, '');
      const anonymous = await t.app.inject({ method: 'GET', url: '/api/session' });
      assert.equal(anonymous.statusCode, 401);
      assert.equal(anonymous.cookies.length, 0, 'nothing to clear for a caller without cookies');
    });

    test('stores passwords as argon2id and sessions only as hashes', async () => {
      const user = await t.db.selectFrom('app_user').select('password_hash').where('email', '=', 'ulsan@demo.zonelink.kr').executeTakeFirstOrThrow();
      assert.match(user.password_hash, /^\$argon2id\$/);
      const s = await t.login('ulsan@demo.zonelink.kr');
      const raw = s.cookie.split('=')[1]!;
      const rows = await t.db.selectFrom('session').select('id_hash').execute();
      assert.ok(rows.length > 0);
      assert.ok(rows.every((r) => r.id_hash !== raw && /^[0-9a-f]{64}$/.test(r.id_hash)));
    });

    test('a wrong password is 401 in the caller’s language and writes nothing but the failed attempt', async () => {
      // The failure is counted for the sign-in limiter (tests/api/sign-in-limits.test.ts); nothing else changes.
      // (snapshot leaves sign-in attempts out: they are counted here.)
      const withoutAttempts = async () => {
        const { n } = await t.db.selectFrom('sign_in_attempt').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        return { rest: await snapshot(t.db), attempts: Number(n) };
      };
      const before = await withoutAttempts();
      const res = await t.app.inject({ method: 'POST', url: '/api/session', headers: { 'accept-language': 'ja' }, payload: { email: 'company@demo.zonelink.kr', password: 'nope' } });
      assert.equal(res.statusCode, 401);
      const problem = problemOf(res);
      assert.equal(problem.code, 'invalid-credentials');
      assert.equal(problem.detail, 'メールアドレスまたはパスワードが正しくありません。');
      const afterwards = await withoutAttempts();
      assert.deepEqual(afterwards.rest, before.rest);
      assert.equal(afterwards.attempts, before.attempts + 1);
    });

    test('rate-limits repeated attempts for one address and e-mail', async () => {
      const attempt = () => t.app.inject({ method: 'POST', url: '/api/session', remoteAddress: '10.9.9.9', payload: { email: 'expert@demo.zonelink.kr', password: 'wrong' } });
      for (let i = 0; i < 3; i += 1) assert.equal((await attempt()).statusCode, 401);
      const limited = await attempt();
      assert.equal(limited.statusCode, 429);
      assert.equal(problemOf(limited).code, 'rate-limited');
      assert.ok(Number(limited.headers['retry-after']) > 0);
      // Even the right password is refused while limited.
      const right = await t.app.inject({ method: 'POST', url: '/api/session', remoteAddress: '10.9.9.9', payload: { email: 'expert@demo.zonelink.kr', password: 'zonelink-demo' } });
      assert.equal(right.statusCode, 429);
    });

    test('X-Forwarded-For does not dodge the limit unless a trusted proxy is configured', async () => {
      const attempt = (forwarded: string) => t.app.inject({
        method: 'POST', url: '/api/session', remoteAddress: '10.8.8.8', headers: { 'x-forwarded-for': forwarded },
        payload: { email: 'motie@demo.zonelink.kr', password: 'wrong' },
      });
      for (let i = 0; i < 3; i += 1) assert.equal((await attempt(`198.51.100.${i}`)).statusCode, 401);
      assert.equal((await attempt('198.51.100.99')).statusCode, 429);
    });

    test('a cookie-authenticated write without the CSRF header is refused', async () => {
      const s = await t.login('company@demo.zonelink.kr');
      const res = await t.app.inject({ method: 'PATCH', url: '/api/me', headers: { cookie: s.cookie }, payload: { displayName: 'X' } });
      assert.equal(res.statusCode, 403);
      assert.equal(problemOf(res).code, 'csrf');
      const wrong = await t.app.inject({ method: 'PATCH', url: '/api/me', headers: { cookie: s.cookie, 'x-csrf-token': 'forged' }, payload: { displayName: 'X' } });
      assert.equal(problemOf(wrong).code, 'csrf');
      const ok = await t.app.inject({ method: 'PATCH', url: '/api/me', headers: asSession(s), payload: { displayName: 'Choi', locale: 'fr' } });
      assert.equal(ok.statusCode, 200);
      assert.equal(ok.json().locale, 'fr');
    });

    test('signing out ends the session', async () => {
      const s = await t.login('motie@demo.zonelink.kr');
      const out = await t.app.inject({ method: 'DELETE', url: '/api/session', headers: asSession(s) });
      assert.equal(out.statusCode, 204);
      const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: s.cookie } });
      assert.equal(me.statusCode, 401);
      assert.equal(problemOf(me).code, 'unauthenticated');
    });
  });
}
