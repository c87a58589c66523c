// The audit log, for the ministry: newest first, in pages keyed by sequence number.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { authorize } from '../auth/authorize.ts';
import { inPageOrder, nextSchema, pageOf, pageQuery, readPage, type ListSpec } from '../http/pages.ts';
import { Nullable, ProblemSchema } from '../../contract/common.ts';

const AUDIT_LIST: ListSpec<'newest'> = {
  list: 'audit', defaultSort: 'newest', defaultLimit: 50, maxLimit: 500,
  orders: { newest: { direction: 'desc', columns: [{ sql: 'audit_log.seq', type: 'int' }] } },
};

const EntrySchema = Type.Object({
  seq: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  requestId: Nullable(Type.String()),
  actorUserId: Nullable(Type.String()),
  actorOrganisationId: Nullable(Type.String()),
  action: Type.String(),
  objectType: Type.String(),
  objectId: Type.String(),
  before: Type.Unknown(),
  after: Type.Unknown(),
  hash: Type.String(),
});

export async function auditRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.services;
  app.get('/api/audit', {
    config: { action: 'audit:read' },
    schema: {
      tags: ['audit'],
      summary: 'Audit log entries, newest first',
      querystring: Type.Object({
        objectType: Type.Optional(Type.String({ maxLength: 50, pattern: '^[a-z_]+$' })),
        objectId: Type.Optional(Type.String({ maxLength: 100 })),
        ...pageQuery(AUDIT_LIST),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(EntrySchema), next: nextSchema }), 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema },
    },
  }, async (request) => {
    authorize(request);
    const { limit, cursor, objectType, objectId } = request.query;
    const page = readPage(AUDIT_LIST, { limit, cursor }, { objectType, objectId }, await app.services.listKey());
    let query = db.selectFrom('audit_log').selectAll();
    if (objectType !== undefined) query = query.where('object_type', '=', objectType);
    if (objectId !== undefined) query = query.where('object_id', '=', objectId);
    const { rows, next } = pageOf(page, await inPageOrder(query, page).execute());
    return {
      next,
      items: rows.map((r) => ({
        seq: r.seq, at: r.at.toISOString(), requestId: r.request_id, actorUserId: r.actor_user_id, actorOrganisationId: r.actor_organisation_id,
        action: r.action, objectType: r.object_type, objectId: r.object_id, before: r.before, after: r.after, hash: r.hash,
      })),
    };
  });
}
