// Validators and cache headers: strong ETags on every public GET, 304 while unchanged, a new ETag right after a
// write, public or private Cache-Control by who reads. Both engines.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedDemoExemptions, seedReferenceRegulations } from '../../src/db/seed/regulations.ts';
import { asSession, startTestApp, type Session, type TestApp } from '../support/app.ts';
import { engines } from '../support/db.ts';
import { newExemption } from '../support/exemptions.ts';

const PUBLIC_GETS = ['/api/zones', '/api/regions', '/api/regions/26', '/api/exemptions', '/api/reform-board', '/api/regulations', '/api/search?q=%EB%93%9C%EB%A1%A0', '/api/holidays?year=2026', '/api/organisations', '/api/about'];

for (const engine of engines()) {
  describe(`validators and cache headers (${engine})`, () => {
    let t: TestApp;
    let ministry: Session;
    before(async () => {
      t = await startTestApp(engine);
      await seedReferenceRegulations(t.db);
      await seedDemoExemptions(t.db);
      ministry = await t.login('ministry@demo.zonelink.kr');
    });
    after(async () => t.close());

    test('every public GET sends a strong ETag and public Cache-Control, and answers a matching If-None-Match with an empty 304', async () => {
      for (const url of PUBLIC_GETS) {
        const first = await t.app.inject({ url });
        assert.equal(first.statusCode, 200, url);
        const etag = String(first.headers.etag);
        assert.match(etag, /^"[^"]+"$/, `${url}: strong ETag`);
        assert.match(String(first.headers['cache-control']), /^public/, url);
        const again = await t.app.inject({ url, headers: { 'if-none-match': `"other", ${etag}` } });
        assert.equal(again.statusCode, 304, url);
        assert.equal(again.body, '');
        assert.equal(again.headers.etag, etag);
        const weak = await t.app.inject({ url, headers: { 'if-none-match': `W/${etag}` } });
        assert.equal(weak.statusCode, 304, `${url}: weak comparison`);
        const stale = await t.app.inject({ url, headers: { 'if-none-match': '"stale"' } });
        assert.equal(stale.statusCode, 200, url);
        assert.deepEqual(stale.json(), first.json());
      }
    });

    test('right after a write the ETag changes and the old one gets 200 with the new data', async () => {
      const before = await t.app.inject({ url: '/api/exemptions' });
      const board = await t.app.inject({ url: '/api/reform-board' });
      assert.equal((await t.app.inject({ url: '/api/exemptions', headers: { 'if-none-match': String(before.headers.etag) } })).statusCode, 304);
      const created = await t.app.inject({ method: 'POST', url: '/api/exemptions', headers: asSession(ministry), payload: newExemption('ETag 검증 예외') });
      assert.equal(created.statusCode, 201, created.body);
      const after = await t.app.inject({ url: '/api/exemptions', headers: { 'if-none-match': String(before.headers.etag) } });
      assert.equal(after.statusCode, 200);
      assert.notEqual(after.headers.etag, before.headers.etag);
      assert.ok(JSON.stringify(after.json()).includes('ETag 검증 예외'));
      const boardAfter = await t.app.inject({ url: '/api/reform-board', headers: { 'if-none-match': String(board.headers.etag) } });
      assert.equal(boardAfter.statusCode, 200);
    });

    test('signed-in reads are private; personal data is never public', async () => {
      for (const url of ['/api/zones', '/api/me', '/api/plans']) {
        const res = await t.app.inject({ url, headers: { cookie: ministry.cookie } });
        assert.equal(res.statusCode, 200, url);
        assert.match(String(res.headers['cache-control']), /^private/, url);
      }
    });

    test('errors carry no validator', async () => {
      const res = await t.app.inject({ url: '/api/zones/00000000-0000-4000-8000-000000000000' });
      assert.equal(res.statusCode, 404);
      assert.equal(res.headers.etag, undefined);
    });
  });
}
