// Exemptions (규제특례): which regulations are suspended, where, for whom, on which conditions and until
// when; one extension; the law-amendment request that keeps a demonstration valid; the reform board. Each write is a
// named use case (./use-cases) run through the one write path (src/server/write/run-write.ts).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { civilDate, diffDays } from '../../domain/calendar/civil-date.ts';
import { EXEMPTION_STATES } from '../../domain/exemptions/lifecycle.ts';
import { EXEMPTION_KINDS } from '../../domain/exemptions/validity.ts';
import type { I18nText } from '../../domain/i18n-text.ts';
import { STAGES } from '../../domain/supply-chain/stages.ts';
import { callerOf } from '../write/caller.ts';
import { answerOnce, IdempotencyHeaders } from '../write/idempotency.ts';
import { extendExemption } from './use-cases/extend-exemption.ts';
import { recordExemption } from './use-cases/record-exemption.ts';
import { recordLawAmended } from './use-cases/record-law-amended.ts';
import { requestLawAmendment } from './use-cases/request-law-amendment.ts';
import { notFound } from '../errors.ts';
import { EvidenceRefSchema } from '../../contract/exemption-lifecycle.ts';
import { inPageOrder, nextSchema, pageOf, pageQuery, readPage, type ListSpec } from '../http/pages.ts';
import { I18nTextSchema, ProblemSchema, Text, Uuid } from '../../contract/common.ts';
import { DateOnly } from '../../contract/common.ts';
import type { Conditions } from '../../contract/exemption-conditions.ts';
import { bundleOf } from '../../domain/supply-chain/coverage.ts';
import { loadExemptions, todayInSeoul } from './view.ts';
import { BundleSchema, ExemptionInput, ExemptionSchema, ReformBoardSchema } from '../../contract/exemptions.ts';

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema };


/** Exemptions newest grant first. */
const EXEMPTION_LIST: ListSpec<'granted'> = {
  list: 'exemptions', defaultSort: 'granted', defaultLimit: 50, maxLimit: 200,
  orders: { granted: { direction: 'desc', columns: [{ sql: 'granted_on', type: 'date' }, { sql: 'id', type: 'uuid' }] } },
};

export async function exemptionRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.services;

  app.get('/api/exemptions', {
    config: { action: 'public', readCache: { topics: ['exemptions', 'regulations', 'zones', 'organisations'] } },
    schema: {
      tags: ['exemptions'],
      summary: 'Exemptions in every zone (filters: kind, zone, state, supply-chain stage, year granted, holder)',
      querystring: Type.Object({
        kind: Type.Optional(Type.Enum([...EXEMPTION_KINDS])),
        zone: Type.Optional(Uuid),
        state: Type.Optional(Type.Enum([...EXEMPTION_STATES])),
        stage: Type.Optional(Type.Enum([...STAGES])),
        year: Type.Optional(Type.Integer({ minimum: 2019, maximum: 2100 })),
        holder: Type.Optional(Uuid),
        ...pageQuery(EXEMPTION_LIST),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(ExemptionSchema), next: nextSchema }), 400: ProblemSchema },
    },
  }, async (request) => {
    const { kind, zone, state, stage, year, holder, limit, cursor } = request.query;
    const page = readPage(EXEMPTION_LIST, { limit, cursor }, { kind, zone, state, stage, year, holder }, await app.services.listKey());
    let query = db.selectFrom('exemption').select('id');
    if (kind !== undefined) query = query.where('kind', '=', kind);
    if (zone !== undefined) query = query.where('zone_id', '=', zone);
    if (state !== undefined) query = query.where('state', '=', state);
    if (stage !== undefined) query = query.where((eb) => eb('stages', '@>', eb.val([stage])));
    if (holder !== undefined) query = query.where((eb) => eb('holders', '@>', eb.val([holder])));
    if (year !== undefined) query = query.where('granted_on', '>=', `${year}-01-01`).where('granted_on', '<=', `${year}-12-31`);
    const { rows, next } = pageOf(page, await inPageOrder(query, page).execute());
    return { items: await loadExemptions(db, rows.map((r) => r.id)), next };
  });

  app.get('/api/exemptions/:id', {
    config: { action: 'public', readCache: { topics: ['exemptions', 'regulations', 'zones', 'organisations'] } },
    schema: { tags: ['exemptions'], summary: 'One exemption with its computed validity and deadlines', params: Type.Object({ id: Uuid }), response: { 200: ExemptionSchema, 400: ProblemSchema, 404: ProblemSchema } },
  }, async (request) => {
    const [item] = await loadExemptions(db, [request.params.id]);
    if (!item) throw notFound('exemption');
    return item;
  });

  app.post('/api/exemptions', {
    config: { action: 'exemption:create' },
    schema: {
      tags: ['exemptions'],
      summary: 'Record a granted exemption with conditions and term (MSS; checked against Act Art. 85–90 and Decree Art. 60; audited); Idempotency-Key makes a resent request record nothing more',
      headers: IdempotencyHeaders,
      body: ExemptionInput,
      response: { 201: ExemptionSchema, ...errors, 422: ProblemSchema },
    },
  }, async (request, reply) => answerOnce(db, request, reply, {
    status: 201,
    write: (caller) => recordExemption(db, caller, { ...request.body, title: request.body.title as I18nText, conditions: request.body.conditions as Conditions }),
    render: async (id) => (await loadExemptions(db, [id]))[0]!,
  }));

  app.post('/api/exemptions/:id/extend', {
    config: { action: 'exemption:extend' },
    schema: {
      tags: ['exemptions'],
      summary: 'Extend once, applied for by 2 months before expiry, within the maximum and the zone period (Act Art. 86(10), 90(11); MSS; audited)',
      params: Type.Object({ id: Uuid }),
      body: Type.Object({
        requestedOn: DateOnly,
        newUntil: DateOnly,
        ground: Type.Enum(['law_not_amended', 'demonstration_delayed']),
      }, { additionalProperties: false }),
      response: { 200: ExemptionSchema, ...errors },
    },
  }, async (request) => {
    await extendExemption(db, callerOf(request), request.params.id, request.body);
    const [item] = await loadExemptions(db, [request.params.id]);
    return item!;
  });

  app.post('/api/exemptions/:id/amendment-request', {
    config: { action: 'exemption:request-amendment', objectScoped: true },
    schema: {
      tags: ['exemptions'],
      summary: 'Request a law amendment by 2 months before expiry: the exemption is deemed valid while it runs (Act Art. 87(9)–(10); holder or MSS; audited)',
      params: Type.Object({ id: Uuid }),
      body: Type.Object({
        requestedOn: DateOnly,
        results: I18nTextSchema(4000),
        evidence: Type.Array(Type.String({ format: 'uri', maxLength: 2000, pattern: '^https?://' }), { maxItems: 50 }),
        evidenceRefs: Type.Optional(Type.Array(EvidenceRefSchema, { maxItems: 50, description: 'demonstration rows of this exemption\'s projects: results, reports, incidents' })),
      }, { additionalProperties: false }),
      response: { 200: ExemptionSchema, ...errors },
    },
  }, async (request) => {
    await requestLawAmendment(db, callerOf(request), request.params.id, { ...request.body, results: request.body.results as I18nText });
    const [item] = await loadExemptions(db, [request.params.id]);
    return item!;
  });

  app.post('/api/exemptions/:id/law-amended', {
    config: { action: 'exemption:record-amendment' },
    schema: {
      tags: ['exemptions'],
      summary: 'Record that the law was amended: the exemption has reached its end of road (Act Art. 87(4), 87(6); Decree Art. 59(9); responsible ministry or MSS; audited)',
      params: Type.Object({ id: Uuid }),
      body: Type.Object({ amendedOn: DateOnly, act: Text(200, 1) }, { additionalProperties: false }),
      response: { 200: ExemptionSchema, ...errors },
    },
  }, async (request) => {
    await recordLawAmended(db, callerOf(request), request.params.id, request.body);
    const [item] = await loadExemptions(db, [request.params.id]);
    return item!;
  });

  app.get('/api/bundles/:zoneId', {
    config: { action: 'public', readCache: { topics: ['exemptions', 'zones'] } },
    schema: {
      tags: ['exemptions'],
      summary: "A zone's exemptions along the supply-chain stages, the uncovered stages, and precedents from other zones for each gap",
      params: Type.Object({ zoneId: Uuid }),
      response: {
        200: BundleSchema,
        400: ProblemSchema, 404: ProblemSchema,
      },
    },
  }, async (request) => {
    const zone = await db.selectFrom('zone').select(['id', 'name']).where('id', '=', request.params.zoneId).executeTakeFirst();
    if (!zone) throw notFound('zone');
    const rows = await db.selectFrom('exemption').innerJoin('zone', 'zone.id', 'exemption.zone_id')
      .select(['exemption.id as id', 'exemption.title as title', 'exemption.kind as kind', 'exemption.state as state', 'exemption.stages as stages', 'zone.id as zoneId', 'zone.name as zoneName'])
      .orderBy('exemption.granted_on', 'desc').orderBy('exemption.id').execute();
    const bundle = bundleOf(zone.id, rows.map((r) => ({ id: r.id, title: r.title, kind: r.kind, state: r.state, stages: r.stages, zone: { id: r.zoneId, name: r.zoneName } })));
    return { zone: { id: zone.id, name: zone.name }, ...bundle };
  });

  app.get('/api/reform-board', {
    config: { action: 'public', readCache: { topics: ['exemptions', 'regulations', 'zones', 'organisations'] } },
    schema: {
      tags: ['exemptions'],
      summary: 'Every exemption and where it stands on the road to law amendment: its path (each step with days from grant) and days from grant to amendment',
      response: {
        200: ReformBoardSchema,
      },
    },
  }, async () => {
    const ids = (await db.selectFrom('exemption').select('id').orderBy('granted_on').orderBy('id').execute()).map((r) => r.id);
    const items = await loadExemptions(db, ids);
    const asOf = todayInSeoul();
    const byState: Record<string, number> = {};
    for (const e of items) byState[e.state] = (byState[e.state] ?? 0) + 1;
    const days = items.flatMap((e) => (e.daysToAmendment === null ? [] : [e.daysToAmendment])).sort((a, b) => a - b);
    const median = days.length === 0 ? null : days.length % 2 === 1 ? days[(days.length - 1) / 2]! : (days[days.length / 2 - 1]! + days[days.length / 2]!) / 2;
    return {
      asOf,
      summary: { total: items.length, byState, lawAmended: days.length, medianDaysToAmendment: median },
      items: items.map((e) => ({
        id: e.id, title: e.title, kind: e.kind, zone: e.zone, state: e.state, grantedOn: e.grantedOn, validUntil: e.validity.until, validThrough: e.validity.validThrough,
        amendmentRequestedOn: e.amendmentRequestedOn, lawAmendedOn: e.lawAmendedOn, daysToAmendment: e.daysToAmendment,
        daysSinceGrant: diffDays(asOf, civilDate(e.grantedOn)), demo: e.demo,
        amendmentStatus: e.lifecycle.amendment?.status ?? null, escalated: e.lifecycle.amendment?.escalatedOn != null, path: e.lifecycle.path,
      })),
    };
  });

}
