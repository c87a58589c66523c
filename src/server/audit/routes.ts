// The audit log, for the ministry: newest first, paged by sequence number.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { authorize } from '../auth/authorize.ts';
import { Nullable, ProblemSchema } from '../../contract/common.ts';

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
        limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
        before: Type.Optional(Type.Integer({ minimum: 1 })),
        objectType: Type.Optional(Type.String({ maxLength: 50, pattern: '^[a-z_]+$' })),
        objectId: Type.Optional(Type.String({ maxLength: 100 })),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(EntrySchema) }), 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema },
    },
  }, async (request) => {
    authorize(request);
    const { limit, before, objectType, objectId } = request.query;
    let query = db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(limit);
    if (before !== undefined) query = query.where('seq', '<', before);
    if (objectType !== undefined) query = query.where('object_type', '=', objectType);
    if (objectId !== undefined) query = query.where('object_id', '=', objectId);
    const rows = await query.execute();
    return {
      items: rows.map((r) => ({
        seq: r.seq, at: r.at.toISOString(), requestId: r.request_id, actorUserId: r.actor_user_id, actorOrganisationId: r.actor_organisation_id,
        action: r.action, objectType: r.object_type, objectId: r.object_id, before: r.before, after: r.after, hash: r.hash,
      })),
    };
  });
}
