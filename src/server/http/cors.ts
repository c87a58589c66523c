// Cross-origin reads of open data: a public GET/HEAD under /api answers any origin with `Access-Control-Allow-Origin: *`,
// never with credentials; its preflight allows GET and HEAD only. Everything else (signed-in routes, writes, the web UI)
// gets no CORS headers, so a foreign origin can neither send cookies nor write.
import cors from '@fastify/cors';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import FindMyWay from 'find-my-way';

const READS = new Set(['GET', 'HEAD']);
const READ_ONLY = { origin: '*', methods: ['GET', 'HEAD'], credentials: false, maxAge: 600 } as const;
const NONE = { origin: false } as const;

export async function registerCors(app: FastifyInstance): Promise<void> {
  // The public reads, matched by path for preflights (a preflight's own route is the OPTIONS catch-all).
  const publicReads = FindMyWay({ ignoreTrailingSlash: true });
  app.addHook('onRoute', (route) => {
    if (route.config?.action === 'public' && route.url.startsWith('/api/') && [route.method].flat().includes('GET')) {
      publicReads.on('GET', route.url, () => undefined);
    }
  });

  const isPublicRead = (request: FastifyRequest): boolean => {
    if (request.method === 'OPTIONS') {
      const wanted = String(request.headers['access-control-request-method'] ?? '').toUpperCase();
      return READS.has(wanted) && publicReads.find('GET', request.url.split('?')[0]!) !== null;
    }
    return READS.has(request.method) && request.routeOptions.config.action === 'public';
  };

  await app.register(cors, {
    hideOptionsRoute: true,
    delegator: (request: FastifyRequest, callback: (error: Error | null, options: object) => void) =>
      callback(null, isPublicRead(request) ? READ_ONLY : NONE),
  });
}
