// The regulation catalogue (규제): laws, decrees and notices with article, ministry, text and amendments.
// Public reads; the ministry adds provisions one by one or imports a JSON or CSV list (all or nothing), and records
// later amendments of a provision.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { tryCivilDate } from '../../domain/calendar/civil-date.ts';
import { normaliseText, type I18nText } from '../../domain/i18n-text.ts';
import { stemLanguageOf } from '../../domain/search/stem.ts';
import { queryTokens } from '../../domain/search/tokenize.ts';
import { actorOf } from '../auth/authorize.ts';
import { appendAudit } from '../audit/append.ts';
import { AppError, notFound } from '../errors.ts';
import { inPageOrder, nextSchema, pageOf, pageQuery, readPage, type ListSpec } from '../http/pages.ts';
import { Line, ProblemSchema, Uuid } from '../../contract/common.ts';
import { AmendmentSchema, INSTRUMENTS, RegulationInputSchema, RegulationSchema, MinistryCode } from '../../contract/regulations.ts';
import { dateProblems, importRoute } from './import.ts';
import { findSameProvision, insertRegulation, normaliseRegulation, toRegulation, type RegulationInput } from './store.ts';

/** Real provisions before the demo ones, by ministry, then in the order they were added. */
const REGULATION_LIST: ListSpec<'ministry'> = {
  list: 'regulations', defaultSort: 'ministry', defaultLimit: 100, maxLimit: 500,
  orders: {
    ministry: {
      direction: 'asc',
      columns: [{ sql: 'regulation.demo::int', type: 'int' }, { sql: 'regulation.ministry', type: 'text' }, { sql: 'regulation.created_at', type: 'timestamptz' }, { sql: 'regulation.id', type: 'uuid' }],
    },
  },
};
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema };

export async function regulationRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.services;

  app.get('/api/regulations', {
    config: { action: 'public', readCache: { topics: ['regulations'] } },
    schema: {
      tags: ['regulations'],
      summary: 'The regulation catalogue; `q` matches every language (two-character tokens for Korean, Japanese and Chinese)',
      querystring: Type.Object({
        q: Type.Optional(Line(200)),
        ministry: Type.Optional(MinistryCode),
        instrument: Type.Optional(Type.Enum([...INSTRUMENTS])),
        demo: Type.Optional(Type.Boolean()),
        ...pageQuery(REGULATION_LIST),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(RegulationSchema), next: nextSchema }), 400: ProblemSchema },
    },
  }, async (request) => {
    const { q, ministry, instrument, demo, limit, cursor } = request.query;
    const page = readPage(REGULATION_LIST, { limit, cursor }, { q, ministry, instrument, demo }, await app.services.listKey());
    let query = db.selectFrom('regulation').select(['id', 'instrument', 'law', 'article', 'paragraph', 'ministry', 'ministry_name', 'title', 'body', 'effective_from', 'amendments', 'demo', 'source', 'updated_at']);
    if (q !== undefined) {
      const tokens = queryTokens(q, stemLanguageOf(request.locale));
      if (tokens.length === 0) throw new AppError('validation', { fields: [{ path: '/querystring/q', keyword: 'invalid' }] });
      query = query.where((eb) => eb('search_tokens', '@>', eb.val(tokens)));
    }
    if (ministry !== undefined) query = query.where('ministry', '=', ministry);
    if (instrument !== undefined) query = query.where('instrument', '=', instrument);
    if (demo !== undefined) query = query.where('demo', '=', demo);
    const { rows, next } = pageOf(page, await inPageOrder(query, page).execute());
    return { items: rows.map(toRegulation), next };
  });

  app.get('/api/regulations/:id', {
    config: { action: 'public', readCache: { topics: ['regulations'] } },
    schema: { tags: ['regulations'], summary: 'One regulation', params: Type.Object({ id: Uuid }), response: { 200: RegulationSchema, 400: ProblemSchema, 404: ProblemSchema } },
  }, async (request) => {
    const row = await db.selectFrom('regulation').selectAll().where('id', '=', request.params.id).executeTakeFirst();
    if (!row) throw notFound('regulation');
    return toRegulation(row);
  });

  app.post('/api/regulations', {
    config: { action: 'regulation:create' },
    schema: { tags: ['regulations'], summary: 'Add a provision to the catalogue (ministry; audited)', body: RegulationInputSchema, response: { 201: RegulationSchema, ...errors } },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const input = normaliseRegulation(request.body as RegulationInput);
    const problems = dateProblems(input, '/body');
    if (problems.length > 0) throw new AppError('validation', { fields: problems });
    const id = await db.transaction().execute(async (trx) => {
      const same = await findSameProvision(trx, input);
      if (same) throw new AppError('conflict', { params: { reason: `${input.law.ko} ${input.article}${input.paragraph ? `(${input.paragraph})` : ''}: already in the catalogue (${same})` } });
      const newId = await insertRegulation(trx, input, { demo: false, source: 'platform' });
      await appendAudit(trx, {
        requestId: request.id, actorUserId: actor.userId, actorOrganisationId: actor.organisationId,
        action: 'regulation:create', objectType: 'regulation', objectId: newId, before: null, after: input,
      });
      return newId;
    });
    const row = await db.selectFrom('regulation').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return reply.code(201).send(toRegulation(row));
  });

  await base.register(importRoute);
  app.post('/api/regulations/:id/amendments', {
    config: { action: 'regulation:create' },
    schema: {
      tags: ['regulations'],
      summary: 'Record an amendment of a provision (date, amending act, note); not before it took effect, not twice (ministry; audited)',
      params: Type.Object({ id: Uuid }),
      body: AmendmentSchema,
      response: { 201: RegulationSchema, ...errors },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const { date, act, note } = request.body;
    const amendment = { date, act: act.trim(), note: note ? normaliseText(note as I18nText) : null };
    if (!tryCivilDate(date)) throw new AppError('validation', { fields: [{ path: '/body/date', keyword: 'format', params: { format: 'date' } }] });
    await db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('regulation').select(['id', 'effective_from', 'amendments']).where('id', '=', request.params.id).forUpdate().executeTakeFirst();
      if (!row) throw notFound('regulation');
      if (date < row.effective_from) {
        throw new AppError('validation', { fields: [{ path: '/body/date', keyword: 'minimum', params: { limit: row.effective_from } }] });
      }
      if (row.amendments.some((a) => a.date === amendment.date && a.act === amendment.act)) {
        throw new AppError('conflict', { params: { reason: `${amendment.act} (${amendment.date}): already recorded` } });
      }
      const amendments = [...row.amendments, amendment].sort((a, b) => a.date.localeCompare(b.date));
      await trx.updateTable('regulation').set({ amendments: JSON.stringify(amendments), updated_at: new Date() }).where('id', '=', row.id).execute();
      await appendAudit(trx, {
        requestId: request.id, actorUserId: actor.userId, actorOrganisationId: actor.organisationId,
        action: 'regulation:amend', objectType: 'regulation', objectId: row.id, before: { amendments: row.amendments }, after: { amendments },
      });
    });
    const saved = await db.selectFrom('regulation').selectAll().where('id', '=', request.params.id).executeTakeFirstOrThrow();
    return reply.code(201).send(toRegulation(saved));
  });
}
