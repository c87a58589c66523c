// Finds who is calling: an API token (Authorization: Bearer zl_…) or a session cookie.
import type { FastifyRequest } from 'fastify';
import type { Database } from '../../db/database.ts';
import type { Actor, TokenScope } from '../../domain/auth/types.ts';
import { API_TOKEN_PREFIX, sha256 } from './secrets.ts';

export const SESSION_COOKIE = 'zl_session';
/**
 * Set beside the session cookie, readable by the page and holding no secret: the browser asks `GET /api/session`
 * only when it is there, so a signed-out visitor's page neither waits for nor logs a refused session check.
 */
export const SIGNED_IN_COOKIE = 'zl_signed_in';
const TOKEN_TOUCH_MS = 60_000;

interface Resolved {
  actor: Actor | null;
  sessionIdHash: string | null;
  csrfToken: string | null;
  /** A credential was sent but is not valid. */
  invalid: boolean;
}

const userColumns = [
  'app_user.id as user_id',
  'app_user.organisation_id',
  'app_user.role',
  'organisation.kind',
  'organisation.region_code',
] as const;

export async function resolveActor(db: Database, request: FastifyRequest): Promise<Resolved> {
  const none: Resolved = { actor: null, sessionIdHash: null, csrfToken: null, invalid: false };
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const token = match?.[1];
    if (!token || !token.startsWith(API_TOKEN_PREFIX)) return { ...none, invalid: true };
    const row = await db
      .selectFrom('api_token')
      .innerJoin('app_user', 'app_user.id', 'api_token.user_id')
      .innerJoin('organisation', 'organisation.id', 'app_user.organisation_id')
      .select([...userColumns, 'api_token.id as token_id', 'api_token.scopes', 'api_token.last_used_at'])
      .where('api_token.token_hash', '=', sha256(token))
      .where('api_token.revoked_at', 'is', null)
      .where('app_user.disabled_at', 'is', null)
      .executeTakeFirst();
    if (!row) return { ...none, invalid: true };
    const now = Date.now();
    if (!row.last_used_at || now - row.last_used_at.getTime() > TOKEN_TOUCH_MS) {
      await db.updateTable('api_token').set({ last_used_at: new Date(now) }).where('id', '=', row.token_id).execute();
    }
    return {
      ...none,
      actor: toActor(row, row.scopes as TokenScope[]),
    };
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return none;
  const idHash = sha256(cookie);
  const row = await db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .innerJoin('organisation', 'organisation.id', 'app_user.organisation_id')
    .select([...userColumns, 'session.csrf_token'])
    .where('session.id_hash', '=', idHash)
    .where('session.expires_at', '>', new Date())
    .where('app_user.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return { ...none, invalid: true };
  return { actor: toActor(row, null), sessionIdHash: idHash, csrfToken: row.csrf_token, invalid: false };
}

function toActor(
  row: { user_id: string; organisation_id: string; role: Actor['role']; kind: Actor['orgKind']; region_code: string | null },
  tokenScopes: readonly TokenScope[] | null,
): Actor {
  return {
    userId: row.user_id,
    organisationId: row.organisation_id,
    orgKind: row.kind,
    regionCode: row.region_code,
    role: row.role,
    tokenScopes,
  };
}
