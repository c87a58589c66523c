// The signed-in user's own profile and API tokens; each write is a use case (./use-cases) run through the one write path.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { TOKEN_SCOPES } from '../../domain/auth/types.ts';
import { authorize } from '../auth/authorize.ts';
import { callerOf } from '../write/caller.ts';
import { Line, LocaleSchema, Nullable, ProblemSchema, Uuid } from '../../contract/common.ts';
import { loadMe } from './me-schema.ts';
import { MeSchema } from '../../contract/me.ts';
import { createApiToken } from './use-cases/create-api-token.ts';
import { editProfile } from './use-cases/edit-profile.ts';
import { revokeApiToken } from './use-cases/revoke-api-token.ts';

const TokenSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  scopes: Type.Array(Type.Enum([...TOKEN_SCOPES])),
  createdAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Nullable(Type.String({ format: 'date-time' })),
  revokedAt: Nullable(Type.String({ format: 'date-time' })),
});

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };

function tokenView(row: { id: string; name: string; scopes: string[]; created_at: Date; last_used_at: Date | null; revoked_at: Date | null }) {
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes as (typeof TOKEN_SCOPES)[number][],
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}

export async function meRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.services;

  app.get('/api/me', {
    config: { action: 'me:read' },
    schema: { tags: ['me'], summary: 'The signed-in user', response: { 200: MeSchema, ...errors } },
  }, async (request) => loadMe(db, authorize(request).userId));

  app.patch('/api/me', {
    config: { action: 'me:edit' },
    schema: {
      tags: ['me'],
      summary: 'Change display name or preferred language',
      body: Type.Object({ displayName: Type.Optional(Line(100)), locale: Type.Optional(LocaleSchema) }, { additionalProperties: false, minProperties: 1 }),
      response: { 200: MeSchema, ...errors },
    },
  }, async (request) => {
    const caller = callerOf(request);
    await editProfile(db, caller, request.body);
    return loadMe(db, caller.actor!.userId);
  });

  app.get('/api/me/tokens', {
    config: { action: 'api-token:read' },
    schema: { tags: ['me'], summary: 'My API tokens', response: { 200: Type.Object({ items: Type.Array(TokenSchema) }), ...errors } },
  }, async (request) => {
    const actor = authorize(request);
    const rows = await db.selectFrom('api_token').select(['id', 'name', 'scopes', 'created_at', 'last_used_at', 'revoked_at'])
      .where('user_id', '=', actor.userId).orderBy('created_at', 'desc').execute();
    return { items: rows.map(tokenView) };
  });

  app.post('/api/me/tokens', {
    config: { action: 'api-token:create' },
    schema: {
      tags: ['me'],
      summary: 'Create an API token (the secret is shown once); only from a signed-in browser session, never with an API token',
      body: Type.Object({
        name: Line(100),
        scopes: Type.Array(Type.Enum([...TOKEN_SCOPES]), { minItems: 1, maxItems: 2, uniqueItems: true }),
      }, { additionalProperties: false }),
      response: { 201: Type.Object({ token: Type.String(), item: TokenSchema }), ...errors },
    },
  }, async (request, reply) => {
    const { token, row } = await createApiToken(db, callerOf(request), request.body);
    return reply.code(201).send({ token, item: tokenView(row) });
  });

  app.delete('/api/me/tokens/:id', {
    config: { action: 'api-token:revoke', objectScoped: true },
    schema: { tags: ['me'], summary: 'Revoke one of my API tokens', params: Type.Object({ id: Uuid }), response: { 204: Type.Null(), ...errors } },
  }, async (request, reply) => {
    await revokeApiToken(db, callerOf(request), request.params.id);
    return reply.code(204).send(null);
  });
}
