// Open-data basics (issue 12): public GETs answer cross-origin reads without credentials (no preflight allows a write),
// and /api is limited per client (API token, else address) with RateLimit-* headers and a localised 429. Both engines.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { asSession, problemOf, startTestApp, type TestApp } from '../support/app.ts';
import { engines } from '../support/db.ts';

const LIMIT = 4;
const ORIGIN = 'https://data.example.org';

for (const engine of engines()) {
  describe(`open data: CORS and rate limit (${engine})`, () => {
    let t: TestApp;
    let token: string;
    let limitedToken: string;
    before(async () => {
      t = await startTestApp(engine, { RATE_LIMIT_PER_MINUTE: String(LIMIT) });
      // Signing in and making the token spend the budget of 127.0.0.1; every test below uses addresses of its own.
      const s = await t.login('busan@demo.zonelink.kr');
      const newToken = async (name: string): Promise<string> => {
        const res = await t.app.inject({ method: 'POST', url: '/api/me/tokens', headers: asSession(s), payload: { name, scopes: ['read'] } });
        assert.equal(res.statusCode, 201, res.body);
        return (res.json() as { token: string }).token;
      };
      token = await newToken('open data');
      limitedToken = await newToken('open data, rate-limit test');
    });
    after(async () => t.close());

    const preflight = (url: string, method: string, remoteAddress: string) =>
      t.app.inject({ method: 'OPTIONS', url, remoteAddress, headers: { origin: ORIGIN, 'access-control-request-method': method, 'access-control-request-headers': 'content-type' } });

    test('a preflight for a public GET is allowed for GET and HEAD from any origin, without credentials', async () => {
      for (const url of ['/api/zones', '/api/regions/26', '/api/search?q=x']) {
        const res = await preflight(url, 'GET', '198.51.100.1');
        assert.equal(res.statusCode, 204, url);
        assert.equal(res.headers['access-control-allow-origin'], '*', url);
        assert.equal(res.headers['access-control-allow-methods'], 'GET, HEAD', url);
        assert.equal(res.headers['access-control-allow-credentials'], undefined, url);
      }
    });

    test('a preflight for a write, or for a signed-in read, allows nothing', async () => {
      for (const [url, method] of [['/api/zones', 'POST'], ['/api/zones/x/changes', 'POST'], ['/api/me', 'PATCH'], ['/api/me/tokens/x', 'DELETE'], ['/api/zones', 'PUT'], ['/api/plans', 'GET'], ['/api/me', 'GET']] as const) {
        const res = await preflight(url, method, '198.51.100.2');
        assert.notEqual(res.statusCode, 204, `${method} ${url}`);
        for (const name of Object.keys(res.headers)) assert.doesNotMatch(name, /^access-control-allow-/, `${method} ${url}: ${name}`);
      }
    });

    test('a public GET carries Access-Control-Allow-Origin *, signed in or not, and never Allow-Credentials', async () => {
      const anonymous = await t.app.inject({ url: '/api/zones', remoteAddress: '198.51.100.3', headers: { origin: ORIGIN } });
      assert.equal(anonymous.statusCode, 200);
      assert.equal(anonymous.headers['access-control-allow-origin'], '*');
      assert.equal(anonymous.headers['access-control-allow-credentials'], undefined);
      const signedIn = await t.app.inject({ url: '/api/zones', remoteAddress: '198.51.100.3', headers: { origin: ORIGIN, authorization: `Bearer ${token}` } });
      assert.equal(signedIn.statusCode, 200);
      assert.equal(signedIn.headers['access-control-allow-credentials'], undefined);
      const privateRead = await t.app.inject({ url: '/api/me', remoteAddress: '198.51.100.3', headers: { origin: ORIGIN, authorization: `Bearer ${token}` } });
      assert.equal(privateRead.statusCode, 200);
      assert.equal(privateRead.headers['access-control-allow-origin'], undefined);
      assert.equal(privateRead.headers['access-control-allow-credentials'], undefined);
    });

    test(`the ${LIMIT + 1}th request of a client in a minute is a localised 429 with Retry-After; other clients are unaffected`, async () => {
      const address = '203.0.113.7';
      for (let i = 1; i <= LIMIT; i += 1) {
        const res = await t.app.inject({ url: '/api/regions', remoteAddress: address });
        assert.equal(res.statusCode, 200, `request ${i}`);
        assert.equal(res.headers['ratelimit-limit'], String(LIMIT));
        assert.equal(res.headers['ratelimit-remaining'], String(LIMIT - i));
        assert.ok(Number(res.headers['ratelimit-reset']) > 0);
      }
      const over = await t.app.inject({ url: '/api/regions', remoteAddress: address, headers: { 'accept-language': 'ko', origin: ORIGIN } });
      assert.equal(over.statusCode, 429);
      const problem = problemOf(over);
      assert.equal(problem.code, 'rate-limited');
      const seconds = Number(over.headers['retry-after']);
      assert.ok(seconds >= 1 && seconds <= 60, `Retry-After ${String(over.headers['retry-after'])}`);
      assert.equal(problem.detail, `${seconds}초 후에 다시 시도해 주세요.`);
      assert.equal(over.headers['ratelimit-limit'], String(LIMIT));
      assert.equal(over.headers['ratelimit-remaining'], '0');
      assert.ok(Number(over.headers['ratelimit-reset']) >= 1);
      assert.equal(over.headers['access-control-allow-origin'], '*', 'a foreign page can read why it was refused');
      // Health and the web UI are not limited.
      assert.equal((await t.app.inject({ url: '/healthz', remoteAddress: address })).statusCode, 200);
      assert.notEqual((await t.app.inject({ url: '/', remoteAddress: address })).statusCode, 429);
      // Another address, and a token sent from the limited address, each have a budget of their own.
      assert.equal((await t.app.inject({ url: '/api/regions', remoteAddress: '203.0.113.8' })).statusCode, 200);
      for (let i = 1; i <= LIMIT; i += 1) {
        const res = await t.app.inject({ url: '/api/me', remoteAddress: address, headers: { authorization: `Bearer ${limitedToken}` } });
        assert.equal(res.statusCode, 200, `token request ${i}`);
      }
      const tokenOver = await t.app.inject({ url: '/api/me', remoteAddress: '203.0.113.9', headers: { authorization: `Bearer ${limitedToken}`, 'accept-language': 'en' } });
      assert.equal(tokenOver.statusCode, 429, 'the token is the client, whatever its address');
      assert.equal(problemOf(tokenOver).code, 'rate-limited');
      assert.match(problemOf(tokenOver).detail, /try again in \d+ seconds/);
    });
  });
}
