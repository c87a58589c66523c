// Idempotency keys of creation requests (docs/decisions/0048-idempotency-keys.md). A client that must not create
// twice sends `Idempotency-Key`; the key is claimed per signed-in user inside the write's own transaction
// (src/server/write/run-write.ts), so ten parallel requests with one key create one object and one audit entry:
// the first inserts the key with its effect, the others wait on the key's row and then find it. The same key with
// the same request answers what the first one answered; with another request it is a 422
// `idempotency-key-reused`, and nothing is written. Keys are kept 24 hours.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { Type } from 'typebox';
import type { Database } from '../../db/database.ts';
import { AppError } from '../errors.ts';
import { callerOf, type Caller } from './caller.ts';

export const IDEMPOTENCY_KEY_TTL_HOURS = 24;

/** The request header of creation routes (documented in the OpenAPI description). */
export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({
    minLength: 1, maxLength: 200, pattern: '^[!-~]+$',
    description: `Sent again with the same request within ${IDEMPOTENCY_KEY_TTL_HOURS} hours, answers what the first request answered and creates nothing; with a different request, 422 idempotency-key-reused`,
  })),
});

/** A key claimed for one request: set `replay` (by runWrite) when the key was used before with this request. */
export interface IdempotencyClaim {
  readonly key: string;
  readonly fingerprint: string;
  replay?: { result: unknown; status: number | null; response: unknown };
}

/** The same JSON whatever order its object members came in. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, canonical(v)]));
  return value;
}

/** What makes two requests the same request: method, route, path parameters and body. */
export function fingerprintOf(request: Pick<FastifyRequest, 'method' | 'params' | 'body'> & { routeOptions: { url?: string | undefined } }): string {
  return createHash('sha256').update(JSON.stringify(canonical([request.method, request.routeOptions.url ?? '', request.params ?? null, request.body ?? null]))).digest('hex');
}

/**
 * Inside the write's transaction: claims `claim.key` for the user, or — when the key is held by an earlier request
 * (waiting for its transaction to end) — checks it was the same request and sets `claim.replay`. True when claimed.
 */
export async function claimKey(trx: Database, userId: string, claim: IdempotencyClaim): Promise<boolean> {
  const expiresAt = sql<Date>`now() + make_interval(hours => ${IDEMPOTENCY_KEY_TTL_HOURS})`;
  const claimed = await trx.insertInto('idempotency_key')
    .values({ user_id: userId, key: claim.key, fingerprint: claim.fingerprint, expires_at: expiresAt })
    .onConflict((oc) => oc.columns(['user_id', 'key'])
      .doUpdateSet({ fingerprint: claim.fingerprint, result: null, status: null, response: null, created_at: sql`now()`, expires_at: expiresAt })
      .where('idempotency_key.expires_at', '<=', sql<Date>`now()`))
    .returning('key').executeTakeFirst();
  if (claimed) return true;
  const held = await trx.selectFrom('idempotency_key').select(['fingerprint', 'result', 'status', 'response'])
    .where('user_id', '=', userId).where('key', '=', claim.key).executeTakeFirstOrThrow();
  if (held.fingerprint !== claim.fingerprint) throw new AppError('idempotency-key-reused');
  claim.replay = { result: held.result, status: held.status, response: held.response };
  return false;
}

/** Inside the write's transaction, after the use case: its result, for a repeat that comes before the answer is stored. */
export async function keepResult(trx: Database, userId: string, claim: IdempotencyClaim, result: unknown): Promise<void> {
  await trx.updateTable('idempotency_key').set({ result: JSON.stringify(result ?? null) }).where('user_id', '=', userId).where('key', '=', claim.key).execute();
}

/**
 * A creation answered once per key: `write` runs the use case with a caller holding the request's key (when sent),
 * `render` turns its result into the answer, which is stored; a repeat with the key gets the stored answer (or, when
 * it came before the first answer was stored, the same result rendered again) with `Idempotent-Replayed: true`.
 */
export async function answerOnce<R, B>(db: Database, request: FastifyRequest, reply: FastifyReply, spec: {
  status: number;
  write: (caller: Caller) => Promise<R>;
  render: (result: R) => Promise<B>;
  /** The Location header of the created object. */
  location?: (result: R) => string;
}): Promise<B> {
  const { status, write, render } = spec;
  const key = request.headers['idempotency-key'];
  const base = callerOf(request);
  const created = (result: R): void => { if (spec.location) reply.header('location', spec.location(result)); };
  if (typeof key !== 'string' || !base.actor) {
    const result = await write(base);
    created(result);
    const body = await render(result);
    reply.code(status);
    return body;
  }
  const claim: IdempotencyClaim = { key, fingerprint: fingerprintOf(request) };
  const userId = base.actor.userId;
  const result = await write({ ...base, idempotency: claim });
  created(result);
  if (claim.replay) {
    reply.header('idempotent-replayed', 'true');
    if (claim.replay.status !== null) {
      reply.code(claim.replay.status);
      return claim.replay.response as B;
    }
    reply.code(status);
    return render(result);
  }
  const body = await render(result);
  await db.updateTable('idempotency_key').set({ status, response: JSON.stringify(body) })
    .where('user_id', '=', userId).where('key', '=', key).where('status', 'is', null).execute();
  reply.code(status);
  return body;
}

/** Deletes the keys older than their 24 hours (the hourly sweep); returns how many went. */
export async function sweepIdempotencyKeys(db: Database): Promise<number> {
  const result = await db.deleteFrom('idempotency_key').where('expires_at', '<=', sql<Date>`now()`).executeTakeFirst();
  return Number(result.numDeletedRows);
}
