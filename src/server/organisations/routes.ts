// Organisations by name: who can hold an exemption (a company) or appears as a holder. Names and kinds are
// public (the holders of exemptions are published); no user or contact data is given out.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { I18nTextSchema, ProblemSchema } from '../http/schemas.ts';

const KINDS = ['ministry', 'local_government', 'company', 'expert', 'responsible_ministry'] as const;

export async function organisationRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.services;
  app.get('/api/organisations', {
    config: { action: 'public' },
    schema: {
      tags: ['organisations'],
      summary: 'Organisations with their kind and name (e.g. the companies that can hold an exemption)',
      querystring: Type.Object({ kind: Type.Optional(Type.Enum([...KINDS])) }, { additionalProperties: false }),
      response: {
        200: Type.Object({ items: Type.Array(Type.Object({ id: Type.String(), kind: Type.String(), name: I18nTextSchema(300), demo: Type.Boolean() })) }),
        400: ProblemSchema,
      },
    },
  }, async (request) => {
    let query = db.selectFrom('organisation').select(['id', 'kind', 'name', 'demo']).orderBy('demo').orderBy('created_at').orderBy('id');
    if (request.query.kind !== undefined) query = query.where('kind', '=', request.query.kind);
    return { items: await query.execute() };
  });
}
