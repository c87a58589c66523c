// The cache of public reads (docs/decisions/0040-public-reads.md): an anonymous GET of a route that declares the
// topics it shows is answered from memory when the same URL, language and day were answered at the current
// versions of those topics — the serialised bytes, compressed once per encoding. Versions come from the database
// per request (batched), so no node serves a response older than a write committed before the request arrived.
import { Negotiator } from '@fastify/accept-negotiator';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { addVary, etagOf, isPublicRead, PUBLIC_CACHE_CONTROL, PUBLIC_VARY } from '../http/validators.ts';
import { encodeResponse, ResponseCache, type CachedResponse } from './entries.ts';
import type { TopicVersionReader, TopicVersions } from './topic-versions.ts';
import { readingFromReplica, type ReplicaRoutingPool } from '../../db/read-replica.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Where this request's response is stored when it was not in the cache. */
    readCacheKey: string | null;
    /** Whether its queries go to the read replica (caught up with the primary as of the request's arrival). */
    readFromReplica: boolean;
  }
}

const encodings = new Negotiator({ supportedValues: ['br', 'gzip', 'identity'] });

/** The day in Korea (the Act's time zone): validity and deadlines shown by public reads change with it. */
const koreanDay = (): string => new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);

function answer(request: FastifyRequest, reply: FastifyReply, entry: CachedResponse): Buffer {
  reply.header('etag', entry.etag).header('cache-control', entry.cacheControl).header('content-type', entry.contentType);
  addVary(reply, ['Accept-Encoding', ...PUBLIC_VARY]);
  const encoding = encodings.negotiate(String(request.headers['accept-encoding'] ?? 'identity')) ?? 'identity';
  const encoded = encoding === 'br' ? entry.br : encoding === 'gzip' ? entry.gzip : null;
  if (encoded === null) return entry.identity;
  reply.header('content-encoding', encoding);
  return encoded;
}

export interface ReadCacheOptions {
  versions: TopicVersionReader;
  /** 0 turns the cache off. */
  maxBytes: number;
  /** The read replica anonymous public reads may go to, or null. */
  replica: ReplicaRoutingPool | null;
}

export function registerReadCache(app: FastifyInstance, { versions, maxBytes, replica }: ReadCacheOptions): ResponseCache {
  const cache = new ResponseCache(maxBytes);
  let seen: TopicVersions = new Map();
  app.decorateRequest('readCacheKey', null);
  app.decorateRequest('readFromReplica', false);

  app.addHook('preHandler', async (request, reply) => {
    const topics = request.routeOptions.config.readCache?.topics;
    if (topics === undefined || (maxBytes === 0 && replica === null) || (request.method !== 'GET' && request.method !== 'HEAD') || !isPublicRead(request)) return;
    const { versions: current, walLsn } = await versions.current();
    if (replica !== null && walLsn !== null) request.readFromReplica = await replica.caughtUpTo(walLsn);
    if (maxBytes === 0) return;
    const changed = new Set([...current].filter(([topic, version]) => seen.get(topic) !== version).map(([topic]) => topic));
    if (changed.size > 0) {
      seen = current;
      cache.dropTopics(changed);
    }
    const key = [request.routeOptions.url, request.url, request.locale, koreanDay(), ...topics.map((t) => `${t}=${current.get(t) ?? '0'}`)].join('\n');
    const entry = cache.get(key);
    if (entry === undefined) {
      request.readCacheKey = key;
      return;
    }
    return reply.send(answer(request, reply, entry));
  });
  // The handler (and all it starts) runs inside this hook's callback: its queries take the replica's connections.
  app.addHook('preHandler', (request, _reply, done) => {
    if (request.readFromReplica) readingFromReplica(done);
    else done();
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const key = request.readCacheKey;
    const topics = request.routeOptions.config.readCache?.topics;
    if (key === null || topics === undefined || reply.statusCode !== 200 || (typeof payload !== 'string' && !Buffer.isBuffer(payload))) return payload;
    const body = Buffer.from(payload);
    const entry = encodeResponse(body, {
      etag: String(reply.getHeader('etag') ?? etagOf(body)),
      contentType: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8'),
      cacheControl: String(reply.getHeader('cache-control') ?? PUBLIC_CACHE_CONTROL),
      topics,
    });
    cache.set(key, entry);
    return answer(request, reply, entry);
  });
  return cache;
}
