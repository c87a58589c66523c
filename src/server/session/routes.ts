// Sign in (POST), who am I (GET), sign out (DELETE) — browser sessions in an HttpOnly cookie.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { authorize } from '../auth/authorize.ts';
import { SESSION_COOKIE, SIGNED_IN_COOKIE } from '../auth/resolve-actor.ts';
import { verifyPassword } from '../auth/secrets.ts';
import { callerOf } from '../write/caller.ts';
import { AppError } from '../errors.ts';
import { Line, ProblemSchema } from '../../contract/common.ts';
import { loadMe } from '../me/me-schema.ts';
import { SessionSchema } from '../../contract/me.ts';
import { endSession } from './use-cases/end-session.ts';
import { startSession } from './use-cases/start-session.ts';

/** Compared against when the e-mail is unknown, so both paths take the time of one argon2 check. */
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$DCnpJn/DtbSOr+ymPiZzxw$1iC/VssDXS+IjtSJEmhtMRkD3pMlvldNudj1DgluvoQ';

export async function sessionRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config, loginLimiter } = app.services;

  app.post('/api/session', {
    config: { action: 'public' },
    schema: {
      tags: ['session'],
      summary: 'Sign in with e-mail and password',
      body: Type.Object({ email: Line(254), password: Type.String({ minLength: 1, maxLength: 1024 }) }, { additionalProperties: false }),
      response: { 200: SessionSchema, 400: ProblemSchema, 401: ProblemSchema, 429: ProblemSchema },
    },
  }, async (request, reply) => {
    const email = request.body.email.trim().toLowerCase();
    const attempt = await loginLimiter.attempt(request.ip, email);
    if (attempt.wait > 0) throw new AppError('rate-limited', { params: { seconds: attempt.wait }, headers: { 'retry-after': String(attempt.wait) } });
    const user = await db.selectFrom('app_user').select(['id', 'password_hash', 'organisation_id']).where('email', '=', email).where('disabled_at', 'is', null).executeTakeFirst();
    const ok = await verifyPassword(user?.password_hash ?? DUMMY_HASH, request.body.password);
    if (!user || !ok) throw new AppError('invalid-credentials');
    await attempt.succeeded();
    const { secret, csrfToken, expiresAt } = await startSession(db, request, user, config.sessionTtlHours);
    reply.setCookie(SESSION_COOKIE, secret, { httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, path: '/', expires: expiresAt });
    reply.setCookie(SIGNED_IN_COOKIE, '1', { httpOnly: false, sameSite: 'lax', secure: config.cookieSecure, path: '/', expires: expiresAt });
    return { user: await loadMe(db, user.id), csrfToken };
  });

  app.get('/api/session', {
    config: { action: 'session:read' },
    schema: { tags: ['session'], summary: 'The signed-in user and the CSRF token for writes', response: { 200: SessionSchema, 401: ProblemSchema } },
  }, async (request) => {
    const actor = authorize(request);
    return { user: await loadMe(db, actor.userId), csrfToken: request.csrfToken ?? '' };
  });

  app.delete('/api/session', {
    config: { action: 'me:edit' },
    schema: { tags: ['session'], summary: 'Sign out', response: { 204: Type.Null(), 401: ProblemSchema, 403: ProblemSchema } },
  }, async (request, reply) => {
    if (request.sessionIdHash) await endSession(db, callerOf(request), request.sessionIdHash);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    reply.clearCookie(SIGNED_IN_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });
}
