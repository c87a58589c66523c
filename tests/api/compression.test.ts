import assert from 'node:assert/strict';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../support/app.ts';
import { engines } from '../support/db.ts';

for (const engine of engines()) {
  describe(`compression of API responses (${engine})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine);
    });
    after(async () => t.close());

    for (const url of ['/api/zones', '/api/regions', '/api/exemptions', '/api/reform-board', '/api/search?q=%EB%93%9C%EB%A1%A0']) {
      test(`${url}: brotli and gzip decode to the same JSON as the identity response`, async () => {
        const plain = await t.app.inject({ url, headers: { 'accept-encoding': 'identity' } });
        assert.equal(plain.statusCode, 200);
        assert.equal(plain.headers['content-encoding'], undefined);
        const expected = plain.json();
        for (const [encoding, decode] of [['br', brotliDecompressSync], ['gzip', gunzipSync]] as const) {
          const res = await t.app.inject({ url, headers: { 'accept-encoding': encoding } });
          assert.equal(res.statusCode, 200);
          if (plain.rawPayload.length < 1024) {
            assert.equal(res.headers['content-encoding'], undefined, 'small responses are sent as they are');
            continue;
          }
          assert.equal(res.headers['content-encoding'], encoding);
          assert.match(String(res.headers.vary), /accept-encoding/i);
          assert.ok(res.rawPayload.length < plain.rawPayload.length, `${encoding} is smaller`);
          assert.deepEqual(JSON.parse(decode(res.rawPayload).toString('utf8')), expected);
        }
      });
    }

    test('a client preferring gzip gets gzip; one accepting neither gets identity', async () => {
      const gz = await t.app.inject({ url: '/api/zones', headers: { 'accept-encoding': 'gzip;q=1, br;q=0.5' } });
      assert.equal(gz.headers['content-encoding'], 'gzip');
      const none = await t.app.inject({ url: '/api/zones', headers: { 'accept-encoding': 'deflate' } });
      assert.equal(none.headers['content-encoding'], undefined);
      assert.equal(none.json().items.length, 42);
    });

    test('small responses and problem+json below the threshold stay uncompressed', async () => {
      const res = await t.app.inject({ url: '/api/zones/not-a-uuid', headers: { 'accept-encoding': 'br' } });
      assert.equal(res.statusCode, 400);
      assert.equal(res.headers['content-encoding'], undefined);
    });
  });
}
