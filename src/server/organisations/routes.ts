// Organisations by name: who can hold an exemption (a company) or appears as a holder. Names, kinds and the ministry
// code of a responsible ministry are public (the holders of exemptions and the ministries of regulations are
// published); no user or contact data is given out. An MSS administrator sets the ministry code of a responsible
// ministry — the code its regulations carry (`regulation.ministry`), which decides whose evidence packs it reads.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { callerOf } from '../write/caller.ts';
import { setMinistryCode } from './use-cases/set-ministry-code.ts';
import { inPageOrder, nextSchema, pageOf, pageQuery, readPage, type ListSpec } from '../http/pages.ts';
import { I18nTextSchema, Line, Nullable, ProblemSchema, Uuid } from '../../contract/common.ts';

const KINDS = ['ministry', 'local_government', 'company', 'expert', 'responsible_ministry'] as const;
const Organisation = Type.Object({ id: Type.String(), kind: Type.String(), name: I18nTextSchema(300), ministryCode: Nullable(Type.String()), demo: Type.Boolean() });
/** Real organisations before the demo ones, then in the order they were made. */
const ORGANISATION_LIST: ListSpec<'created'> = {
  list: 'organisations', defaultSort: 'created', defaultLimit: 100, maxLimit: 500,
  orders: { created: { direction: 'asc', columns: [{ sql: 'organisation.demo::int', type: 'int' }, { sql: 'organisation.created_at', type: 'timestamptz' }, { sql: 'organisation.id', type: 'uuid' }] } },
};
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };

export async function organisationRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.services;
  app.get('/api/organisations', {
    config: { action: 'public', readCache: { topics: ['organisations', 'regulations'] } },
    schema: {
      tags: ['organisations'],
      summary: 'Organisations with their kind, name and, for a responsible ministry, the ministry code its regulations carry',
      querystring: Type.Object({ kind: Type.Optional(Type.Enum([...KINDS])), ...pageQuery(ORGANISATION_LIST) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Organisation), next: nextSchema }), 400: ProblemSchema },
    },
  }, async (request) => {
    const { kind, limit, cursor } = request.query;
    const page = readPage(ORGANISATION_LIST, { limit, cursor }, { kind }, await app.services.listKey());
    let query = db.selectFrom('organisation').select(['id', 'kind', 'name', 'ministry_code', 'demo']);
    if (kind !== undefined) query = query.where('kind', '=', kind);
    const { rows, next } = pageOf(page, await inPageOrder(query, page).execute());
    return { items: rows.map((r) => ({ id: r.id, kind: r.kind, name: r.name, ministryCode: r.ministry_code, demo: r.demo })), next };
  });

  app.put('/api/organisations/:id/ministry-code', {
    config: { action: 'organisation:manage' },
    schema: {
      tags: ['organisations'],
      summary: 'Set (or clear, with null) the ministry code of a responsible ministry: one the regulation catalogue names, held by no other organisation; decides which evidence packs it reads; audited; MSS administrators only',
      params: Type.Object({ id: Uuid }),
      body: Type.Object({ ministryCode: Nullable(Line(40)) }, { additionalProperties: false }),
      response: { 200: Organisation, ...errors },
    },
  }, async (request) => setMinistryCode(db, callerOf(request), request.params.id, request.body.ministryCode));
}
