// Validators and cache headers of API reads: every successful GET carries a strong ETag (the route's own, e.g. a
// version the writes check with If-Match, or else a digest of the bytes), If-None-Match is answered with 304, and
// Cache-Control says who may keep the response: public data for anyone (revalidated on every use, cheap with the
// ETag), anything read with credentials only the reader's own browser.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const PUBLIC_CACHE_CONTROL = 'public, no-cache';
export const PRIVATE_CACHE_CONTROL = 'private, no-cache';
/** What a public response depends on besides its URL (the encoding is added by compression). */
export const PUBLIC_VARY = ['Accept-Language', 'Cookie', 'Authorization'];

/** A strong validator of exactly these bytes. */
export function etagOf(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): W/"x" matches "x". */
export function ifNoneMatchHits(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const opaque = etag.replace(/^W\//, '');
  return [header].flat().join(',').split(',').some((tag) => {
    const candidate = tag.trim();
    return candidate === '*' || candidate.replace(/^W\//, '') === opaque;
  });
}

/** A public route read by an anonymous client: the same answer for everyone. */
export function isPublicRead(request: FastifyRequest): boolean {
  return request.routeOptions.config.action === 'public' && request.actor === null;
}

export function addVary(reply: FastifyReply, names: readonly string[]): void {
  const present = String(reply.getHeader('vary') ?? '').split(',').map((v) => v.trim()).filter(Boolean);
  const lower = new Set(present.map((v) => v.toLowerCase()));
  reply.header('vary', [...present, ...names.filter((n) => !lower.has(n.toLowerCase()))].join(', '));
}

export function registerValidators(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || reply.statusCode !== 200 || !request.url.startsWith('/api/')) return payload;
    const publicRead = isPublicRead(request);
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', publicRead ? PUBLIC_CACHE_CONTROL : PRIVATE_CACHE_CONTROL);
    if (publicRead) addVary(reply, PUBLIC_VARY);
    let etag = reply.getHeader('etag');
    if (etag === undefined) {
      if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
      etag = etagOf(payload);
      reply.header('etag', etag);
    }
    if (!ifNoneMatchHits(request.headers['if-none-match'], String(etag))) return payload;
    reply.code(304).removeHeader('content-type').removeHeader('content-length').removeHeader('content-encoding');
    return '';
  });
}
