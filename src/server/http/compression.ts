// Compression of API responses (brotli or gzip, as the client's Accept-Encoding negotiates) above a small size.
// Only /api routes: static assets are the web delivery's concern. Responses served from the public read cache
// arrive already compressed (Content-Encoding set), which @fastify/compress leaves alone.
import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/** Below this many bytes a response is sent as it is: compressing it saves less than it costs. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;
export const API_ENCODINGS = ['br', 'gzip'] as const;

export async function registerCompression(app: FastifyInstance): Promise<void> {
  // Runs before the plugin's own onRoute hook, so every /api route gets compression and nothing else does.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && route.compress === undefined) {
      route.compress = { threshold: COMPRESSION_THRESHOLD_BYTES, encodings: [...API_ENCODINGS] };
    }
  });
  await app.register(compress, { global: false, threshold: COMPRESSION_THRESHOLD_BYTES, encodings: [...API_ENCODINGS] });
}
