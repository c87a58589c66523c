// Organisations by name: who can hold an exemption (a company) or appears as a holder. Names, kinds and the ministry
// code of a responsible ministry are public (the holders of exemptions and the ministries of regulations are
// published); no user or contact data is given out. An MSS administrator sets the ministry code of a responsible
// ministry — the code its regulations carry (`regulation.ministry`), which decides whose evidence packs it reads.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import { Type } from 'typebox';
import type { I18nText } from '../../domain/i18n-text.ts';
import { appendAudit } from '../audit/append.ts';
import { actorOf } from '../auth/authorize.ts';
import { AppError, notFound } from '../errors.ts';
import { I18nTextSchema, Line, Nullable, ProblemSchema, Uuid } from '../http/schemas.ts';

const KINDS = ['ministry', 'local_government', 'company', 'expert', 'responsible_ministry'] as const;
const Organisation = Type.Object({ id: Type.String(), kind: Type.String(), name: I18nTextSchema(300), ministryCode: Nullable(Type.String()), demo: Type.Boolean() });
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const FIELD = '/body/ministryCode';

export async function organisationRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.services;
  app.get('/api/organisations', {
    config: { action: 'public', readCache: { topics: ['organisations', 'regulations'] } },
    schema: {
      tags: ['organisations'],
      summary: 'Organisations with their kind, name and, for a responsible ministry, the ministry code its regulations carry',
      querystring: Type.Object({ kind: Type.Optional(Type.Enum([...KINDS])) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Organisation) }), 400: ProblemSchema },
    },
  }, async (request) => {
    let query = db.selectFrom('organisation').select(['id', 'kind', 'name', 'ministry_code as ministryCode', 'demo']).orderBy('demo').orderBy('created_at').orderBy('id');
    if (request.query.kind !== undefined) query = query.where('kind', '=', request.query.kind);
    return { items: await query.execute() };
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
  }, async (request) => {
    const actor = actorOf(request);
    const code = request.body.ministryCode === null ? null : request.body.ministryCode.trim();
    const invalid = (keyword: 'required' | 'ministryUnknown' | 'notResponsibleMinistry' | 'ministryTaken', params?: Record<string, string>) =>
      new AppError('validation', { fields: [{ path: FIELD, keyword, ...(params ? { params } : {}) }] });
    if (code === '') throw invalid('required');
    return db.transaction().execute(async (trx) => {
      // Two administrators giving the same code to two organisations at once: the second waits and sees the first.
      await sql`lock table organisation in share row exclusive mode`.execute(trx);
      const org = await trx.selectFrom('organisation').select(['id', 'kind', 'name', 'ministry_code', 'demo']).where('id', '=', request.params.id).executeTakeFirst();
      if (!org) throw notFound('organisation');
      if (code !== null) {
        if (org.kind !== 'responsible_ministry') throw invalid('notResponsibleMinistry');
        const known = (await trx.selectFrom('regulation').select('ministry').distinct().orderBy('ministry').execute()).map((r) => r.ministry);
        if (!known.includes(code)) throw invalid('ministryUnknown', { value: code, allowed: known.join(', ') || '—' });
        const holder = await trx.selectFrom('organisation').select(['id', 'name']).where('ministry_code', '=', code).where('id', '<>', org.id).executeTakeFirst();
        if (holder) {
          const name = holder.name as I18nText;
          throw invalid('ministryTaken', { value: code, organisation: name[request.locale] ?? name.ko });
        }
      }
      if (org.ministry_code !== code) {
        await trx.updateTable('organisation').set({ ministry_code: code }).where('id', '=', org.id).execute();
        await appendAudit(trx, {
          requestId: request.id, actorUserId: actor.userId, actorOrganisationId: actor.organisationId,
          action: 'organisation:set-ministry-code', objectType: 'organisation', objectId: org.id,
          before: { ministryCode: org.ministry_code }, after: { ministryCode: code },
        });
      }
      return { id: org.id, kind: org.kind, name: org.name, ministryCode: code, demo: org.demo };
    });
  });
}
