import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { problemOf, startTestApp, type TestApp } from '../support/app.ts';

describe('system routes', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp('pglite');
  });
  after(async () => t.close());

  test('health and readiness', async () => {
    assert.deepEqual((await t.app.inject('/healthz')).json(), { status: 'ok' });
    assert.deepEqual((await t.app.inject('/readyz')).json(), { status: 'ready' });
  });

  test('OpenAPI 3.1 documents every /api route with its schemas', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    assert.equal(doc.openapi, '3.1.0');
    const documented = new Set(Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`)));
    for (const route of t.app.routeTable.filter((r) => r.action !== undefined)) {
      assert.ok(documented.has(`${route.method} ${route.url}`), `${route.method} ${route.url} is not documented`);
    }
    assert.ok(doc.paths['/api/regions/{code}/profile'].put.requestBody);
    assert.equal((await t.app.inject('/api/docs/')).statusCode, 200);
  });

  test('every response carries a request id; a given one is echoed', async () => {
    const res = await t.app.inject({ url: '/api/regions/98', headers: { 'x-request-id': 'trace-123' } });
    assert.equal(res.headers['x-request-id'], 'trace-123');
    assert.equal(problemOf(res).requestId, 'trace-123');
  });

  test('unknown API paths are problem+json 404s; other paths fall back to the UI', async () => {
    assert.equal(problemOf(await t.app.inject('/api/nothing-here')).code, 'not-found');
    assert.equal((await t.app.inject('/assets/index-stale123.js')).statusCode, 404);
    const page = await t.app.inject('/regions/21');
    assert.equal(page.statusCode, 200);
    assert.match(String(page.headers['content-type']), /text\/html/);
  });

  test('about tells whether this installation holds demo data, and its demo logins', async () => {
    const about = (await t.app.inject('/api/about')).json();
    assert.equal(about.demo, true);
    assert.equal(about.demoLogins[0].email, 'ministry@demo.zonelink.kr');
    assert.equal(about.demoPassword, 'zonelink-demo');
  });

  test('map data is served with validators', async () => {
    const first = await t.app.inject('/geo/provinces.topo.json');
    assert.equal(first.statusCode, 200);
    assert.equal(Object.keys(first.json().objects)[0], 'skorea_provinces_2018_geo');
    const again = await t.app.inject({ url: '/geo/provinces.topo.json', headers: { 'if-none-match': String(first.headers.etag) } });
    assert.equal(again.statusCode, 304);
  });
});
