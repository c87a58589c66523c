// A per-client limit on /api: the client is its API token when a Bearer token is sent (kept as a hash), else its
// address. Counted in this node's memory (@fastify/rate-limit's local store); draft IETF `RateLimit-*` headers,
// over the limit a localised 429 `rate-limited` with `Retry-After`.
import { createHash } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

const BEARER = /^Bearer\s+(\S+)$/i;

function clientOf(request: FastifyRequest): string {
  const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
  return token === undefined ? `address:${request.ip}` : `token:${createHash('sha256').update(token).digest('base64url')}`;
}

/** Adds the limit as an onRequest hook at this point (before callers are looked up); `perMinute` 0 adds nothing. */
export async function registerRateLimit(app: FastifyInstance, perMinute: number): Promise<void> {
  if (perMinute === 0) return;
  // Registered not global (which would hook each route after the app's own hooks); the header labels are only
  // chosen at registration, so every option is given here and the hook takes them as they are.
  await app.register(rateLimit, {
    global: false,
    max: perMinute,
    timeWindow: 60_000,
    enableDraftSpec: true,
    keyGenerator: clientOf,
    // Health, readiness, docs pages outside /api and the web UI are never limited.
    allowList: (request) => !request.url.startsWith('/api/'),
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new AppError('rate-limited', { params: { seconds }, headers: { 'retry-after': String(seconds) } });
    },
  });
  app.addHook('onRequest', app.rateLimit());
}
