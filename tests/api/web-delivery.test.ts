// The built UI as a browser receives it: brotli or gzip as negotiated (the bytes decode to the built file),
// `Vary: Accept-Encoding`, hashed assets cached for a year as immutable, the page itself revalidated by ETag.
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startTestApp, type TestApp } from '../support/app.ts';
import { snapshotWebDir } from '../support/web-dir.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';

describe('delivery of the built UI', () => {
  let t: TestApp;
  let webDir: string;
  let assets: string[];
  before(async () => {
    webDir = await snapshotWebDir();
    t = await startTestApp('pglite', { ZONELINK_WEB_DIR: webDir });
    const index = readFileSync(join(webDir, 'index.html'), 'utf8');
    assets = [...index.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  });
  after(async () => {
    await t.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  test('the entry script and stylesheet come in the negotiated encoding, decoding to the built bytes', async () => {
    assert.ok(assets.some((a) => a.endsWith('.js')) && assets.some((a) => a.endsWith('.css')), `assets of index.html: ${assets.join(', ')}`);
    for (const asset of assets) {
      const built = readFileSync(join(webDir, asset));
      // The build compresses files of 1 KiB and more (vite.config.ts, threshold); a smaller chunk is sent as it is.
      const small = built.length < 1024;
      const cases = small ? [
        { accept: 'gzip, deflate, br, zstd', encoding: undefined, decode: (b: Buffer) => b },
        { accept: 'identity', encoding: undefined, decode: (b: Buffer) => b },
      ] : [
        { accept: 'gzip, deflate, br, zstd', encoding: 'br', decode: brotliDecompressSync },
        { accept: 'gzip', encoding: 'gzip', decode: gunzipSync },
        { accept: 'identity', encoding: undefined, decode: (b: Buffer) => b },
      ];
      for (const { accept, encoding, decode } of cases) {
        const res = await t.app.inject({ url: `/${asset}`, headers: { 'accept-encoding': accept } });
        assert.equal(res.statusCode, 200, `${asset} (${accept})`);
        assert.equal(res.headers['content-encoding'], encoding, `${asset} (${accept})`);
        assert.match(String(res.headers.vary), /accept-encoding/i, `${asset} (${accept}) varies by encoding`);
        assert.equal(res.headers['cache-control'], IMMUTABLE, `${asset} (${accept})`);
        assert.match(String(res.headers['content-type']), asset.endsWith('.js') ? /javascript/ : /text\/css/);
        // (A chunk of about 1 KiB, such as the entry, shrinks by less than half.)
        if (encoding) assert.ok(res.rawPayload.length < built.length * (built.length < 4096 ? 0.75 : 0.5), `${asset} sent compressed: ${res.rawPayload.length} of ${built.length} bytes`);
        assert.ok(decode(res.rawPayload).equals(built), `${asset} (${accept}) decodes to the built file`);
      }
    }
  });

  test('the page of every client route is index.html, revalidated with its ETag', async () => {
    const built = readFileSync(join(webDir, 'index.html'));
    for (const url of ['/', '/regions/21', '/zones']) {
      const res = await t.app.inject({ url, headers: { 'accept-encoding': 'br, gzip' } });
      assert.equal(res.statusCode, 200, url);
      assert.match(String(res.headers['content-type']), /text\/html/);
      assert.equal(res.headers['cache-control'], 'no-cache', url);
      const etag = res.headers.etag;
      assert.ok(typeof etag === 'string' && etag.length > 2, `${url} has an ETag`);
      const decode = res.headers['content-encoding'] === 'br' ? brotliDecompressSync : res.headers['content-encoding'] === 'gzip' ? gunzipSync : (b: Buffer) => b;
      assert.ok(decode(res.rawPayload).equals(built), `${url} is the built index.html`);
      const again = await t.app.inject({ url, headers: { 'if-none-match': etag, 'accept-encoding': 'br, gzip' } });
      assert.equal(again.statusCode, 304, `${url} revalidates`);
    }
  });

  test('a stale asset name is a 404, not the page', async () => {
    const res = await t.app.inject({ url: '/assets/index-stale123.js', headers: { 'accept-encoding': 'br' } });
    assert.equal(res.statusCode, 404);
  });
});
