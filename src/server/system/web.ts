// Serves the built browser UI (dist/web) with a single-page fallback, and the map data.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import { notFound } from '../errors.ts';

const GEO_FILES = {
  'provinces.topo.json': 'skorea-provinces-2018-topo-simple.json',
  'municipalities.topo.json': 'skorea-municipalities-2018-topo-simple.json',
} as const;

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>ZoneLink</title>
<p>The browser UI is not built yet. Run <code>npm run build:web</code> (npm ci does it) and reload.</p></html>`;

export async function registerWeb(app: FastifyInstance, config: Config): Promise<void> {
  const geoDir = new URL('../../../data/geo/', import.meta.url);
  for (const [name, file] of Object.entries(GEO_FILES)) {
    const body = readFileSync(new URL(file, geoDir));
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    app.get(`/geo/${name}`, { schema: { hide: true } }, async (request, reply) => {
      reply.header('etag', etag).header('cache-control', 'public, max-age=86400');
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      return reply.type('application/json').send(body);
    });
  }

  const indexPath = join(config.webDir, 'index.html');
  const built = existsSync(indexPath);
  if (built) {
    // Vite writes brotli and gzip copies beside each compressible file at build (vite.config.ts); the variant is
    // chosen from Accept-Encoding, with `Vary: Accept-Encoding` on every answer. Hashed names under /assets/ never
    // change content: cached for a year, immutable. Anything else (index.html) is revalidated with its ETag.
    await app.register(fastifyStatic, {
      root: config.webDir,
      wildcard: false,
      index: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, path) => {
        reply.header('cache-control', isHashedAsset(config.webDir, path) ? IMMUTABLE : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    // API, map data and built assets never fall back to the page: a stale asset name must be a 404.
    if (/^\/(api|geo|assets)\//.test(path) || /\.[a-z0-9]+$/i.test(path) || request.method !== 'GET') throw notFound('route');
    if (!built) return reply.type('text/html').send(NOT_BUILT);
    // The page of every client-side route: the same index.html, negotiated and revalidated like the file itself.
    return reply.sendFile('index.html');
  });
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Files Vite named after their content hash: everything it emits under assets/. */
function isHashedAsset(root: string, path: string): boolean {
  return relative(root, path).split(sep)[0] === 'assets';
}
