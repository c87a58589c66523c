// Exemptions (규제특례): which regulations are suspended, where, for whom, on which conditions and until
// when; one extension; the law-amendment request that keeps a demonstration valid; the reform board.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { civilDate, diffDays } from '../../domain/calendar/civil-date.ts';
import { EXEMPTION_MACHINE, EXEMPTION_STATES, amendmentRequestFacts, extensionFacts, type ExemptionState } from '../../domain/exemptions/lifecycle.ts';
import { EXEMPTION_KINDS, checkAmendmentRequest, checkExtension, checkGrantTerm, type ExemptionKind } from '../../domain/exemptions/validity.ts';
import { normaliseText, type I18nText } from '../../domain/i18n-text.ts';
import { STAGES } from '../../domain/supply-chain/stages.ts';
import { attempt, type Violation } from '../../domain/zones/transition-table.ts';
import { actorOf, authorize } from '../auth/authorize.ts';
import { appendAudit } from '../audit/append.ts';
import { AppError, notFound } from '../errors.ts';
import { conflict, date, refuse } from './refuse.ts';
import { EvidenceRefSchema, LifecycleSchema } from './lifecycle-schemas.ts';
import { checkEvidence } from './evidence.ts';
import { amendmentRowForUpdate } from './lifecycle-store.ts';
import { I18nTextSchema, Nullable, ProblemSchema, Text, Uuid } from '../http/schemas.ts';
import { DateOnly } from '../regulations/schemas.ts';
import { ConditionsSchema, insuranceViolations, type Conditions } from './conditions.ts';
import { bundleOf } from '../../domain/supply-chain/coverage.ts';
import { insertExemption } from './store.ts';
import { loadExemptions, todayInSeoul, zoneTerm, type ExemptionRecord } from './view.ts';
import { calendarOf } from '../calendar/provider.ts';

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema };
const Ref = Type.Object({ id: Type.String(), name: I18nTextSchema(300), periodStart: Nullable(Type.String()), periodEnd: Nullable(Type.String()) });
export const ExemptionSchema = Type.Object({
  id: Type.String(),
  kind: Type.Enum([...EXEMPTION_KINDS]),
  title: I18nTextSchema(300),
  zone: Ref,
  holders: Type.Array(Type.String()),
  conditions: ConditionsSchema,
  stages: Type.Array(Type.String()),
  grantedOn: Type.String(),
  state: Type.String(),
  regulations: Type.Array(Type.Object({ id: Type.String(), title: I18nTextSchema(300), law: I18nTextSchema(300), article: Type.String(), paragraph: Nullable(Type.String()), ministry: Type.String() })),
  validity: Type.Object({
    from: Nullable(Type.String()), until: Nullable(Type.String()), status: Type.String(), validThrough: Nullable(Type.String()), openEnded: Type.Boolean(),
    maxExtensions: Type.Integer(), extensionsUsed: Type.Integer(),
    extensionApplyBy: Nullable(Type.Object({ nominal: Type.String(), lastBusinessDay: Type.String() })),
    extensionLatestUntil: Nullable(Type.String({ description: 'latest lawful last day after the one extension: within the Act\'s total from the first term\'s start and the zone\'s period (ADR 0013)' })),
    amendmentRequestBy: Nullable(Type.Object({ nominal: Type.String(), lastBusinessDay: Type.String() })),
    resultsReportDue: Nullable(Type.String()), rule: Type.String(),
  }),
  amendmentRequestedOn: Nullable(Type.String()),
  lawAmendedOn: Nullable(Type.String()),
  daysToAmendment: Nullable(Type.Integer()),
  demo: Type.Boolean(),
  lifecycle: LifecycleSchema,
});

const CreateBody = Type.Object({
  kind: Type.Enum([...EXEMPTION_KINDS]),
  title: I18nTextSchema(300),
  zoneId: Uuid,
  holders: Type.Array(Uuid, { maxItems: 50, uniqueItems: true }),
  regulationIds: Type.Array(Uuid, { minItems: 1, maxItems: 50, uniqueItems: true }),
  conditions: ConditionsSchema,
  stages: Type.Array(Type.Enum([...STAGES]), { maxItems: STAGES.length, uniqueItems: true }),
  grantedOn: DateOnly,
  validFrom: Nullable(DateOnly),
  validUntil: Nullable(DateOnly),
  insuranceProofSubmitted: Type.Boolean(),
}, { additionalProperties: false });

function normaliseConditions(c: Conditions): Conditions {
  const opt = (t: I18nText | null) => (t ? normaliseText(t) : null);
  return {
    text: normaliseText(c.text), scope: opt(c.scope), area: opt(c.area), time: opt(c.time),
    quantities: c.quantities.map((q) => ({ item: normaliseText(q.item), max: q.max, unit: q.unit.trim() })),
    safetyMeasures: c.safetyMeasures.map((s) => normaliseText(s)), insurance: c.insurance,
  };
}

export async function exemptionRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.services;

  async function loadRecord(id: string) {
    const row = await db.selectFrom('exemption').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('exemption');
    const zone = await db.selectFrom('zone').select(['period_start', 'period_end']).where('id', '=', row.zone_id).executeTakeFirstOrThrow();
    return { row: row as unknown as ExemptionRecord & { search_tokens: string[] }, zone: zoneTerm(zone) };
  }

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
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(ExemptionSchema) }), 400: ProblemSchema },
    },
  }, async (request) => {
    const { kind, zone, state, stage, year, holder } = request.query;
    let query = db.selectFrom('exemption').select('id').orderBy('granted_on', 'desc').orderBy('id');
    if (kind !== undefined) query = query.where('kind', '=', kind);
    if (zone !== undefined) query = query.where('zone_id', '=', zone);
    if (state !== undefined) query = query.where('state', '=', state);
    if (stage !== undefined) query = query.where((eb) => eb('stages', '@>', eb.val([stage])));
    if (holder !== undefined) query = query.where((eb) => eb('holders', '@>', eb.val([holder])));
    if (year !== undefined) query = query.where('granted_on', '>=', `${year}-01-01`).where('granted_on', '<=', `${year}-12-31`);
    const ids = (await query.execute()).map((r) => r.id);
    return { items: await loadExemptions(db, ids) };
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
      summary: 'Record a granted exemption with conditions and term (MSS; checked against Act Art. 85–90 and Decree Art. 60; audited)',
      body: CreateBody,
      response: { 201: ExemptionSchema, ...errors },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const body = request.body;
    const kind = body.kind as ExemptionKind;
    const grantedOn = date(body.grantedOn, '/body/grantedOn');
    const conditions = normaliseConditions(body.conditions as Conditions);
    const id = await db.transaction().execute(async (trx) => {
      const zoneRow = await trx.selectFrom('zone').select(['id', 'period_start', 'period_end', 'state']).where('id', '=', body.zoneId).executeTakeFirst();
      if (!zoneRow) throw new AppError('validation', { fields: [{ path: '/body/zoneId', keyword: 'unknown', params: { value: body.zoneId } }] });
      const known = new Set((await trx.selectFrom('regulation').select('id').where('id', 'in', body.regulationIds).execute()).map((r) => r.id));
      const unknownRegs = body.regulationIds.map((r, i) => ({ r, i })).filter(({ r }) => !known.has(r));
      if (unknownRegs.length > 0) throw new AppError('validation', { fields: unknownRegs.map(({ r, i }) => ({ path: `/body/regulationIds/${i}`, keyword: 'unknown' as const, params: { value: r } })) });
      if (body.holders.length > 0) {
        const orgs = new Set((await trx.selectFrom('organisation').select('id').where('id', 'in', body.holders).execute()).map((o) => o.id));
        const unknownOrgs = body.holders.map((h, i) => ({ h, i })).filter(({ h }) => !orgs.has(h));
        if (unknownOrgs.length > 0) throw new AppError('validation', { fields: unknownOrgs.map(({ h, i }) => ({ path: `/body/holders/${i}`, keyword: 'unknown' as const, params: { value: h } })) });
      }
      const zone = zoneTerm(zoneRow);
      const violations: Violation[] = [...insuranceViolations(kind, conditions)];
      let validFrom: string | null = null;
      let validUntil: string | null = null;
      if (kind === 'rapid_confirmation') {
        // An answer, not a grant with a term (Art. 85).
        if (body.validFrom !== null || body.validUntil !== null) violations.push({ code: 'no-validity-period', rule: 'RFZ Act Art. 85', params: { kind } });
      } else if (kind === 'menu_special_case' && body.validFrom === null && body.validUntil === null) {
        // Menu-type special cases run for the zone's period (Art. 80(1)).
      } else if (body.validFrom === null || body.validUntil === null) {
        violations.push({ code: 'no-validity-period', rule: 'RFZ Act Art. 86(10), 90(11)', params: { kind } });
      } else {
        const term = { from: date(body.validFrom, '/body/validFrom'), until: date(body.validUntil, '/body/validUntil') };
        const check = checkGrantTerm({ kind, grantedOn, term, zone, calendar: calendarOf(db) });
        if (!check.ok) violations.push(...check.violations);
        if (term.from < grantedOn) violations.push({ code: 'before-grant', rule: 'RFZ Act Art. 86(10)', params: { grantedOn, from: term.from } });
        validFrom = term.from;
        validUntil = term.until;
      }
      if (violations.length > 0) refuse(violations, { 'before-grant': 'validFrom' });
      const needsInsuranceProof = kind === 'demonstration_exemption' || kind === 'temporary_permit';
      const state: ExemptionState = needsInsuranceProof && !body.insuranceProofSubmitted ? 'granted' : 'active';
      const newId = await insertExemption(trx, {
        kind, title: normaliseText(body.title), zoneId: body.zoneId, holders: body.holders, regulationIds: body.regulationIds, conditions,
        stages: body.stages, grantedOn, validFrom, validUntil, state, demo: false,
      });
      await appendAudit(trx, {
        requestId: request.id, actorUserId: actor.userId, actorOrganisationId: actor.organisationId,
        action: 'exemption:create', objectType: 'exemption', objectId: newId, before: null, after: { ...body, state },
      });
      return newId;
    });
    const [item] = await loadExemptions(db, [id]);
    return reply.code(201).send(item!);
  });

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
    const actor = actorOf(request);
    const requestedOn = date(request.body.requestedOn, '/body/requestedOn');
    const newUntil = date(request.body.newUntil, '/body/newUntil');
    await db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('exemption').selectAll().where('id', '=', request.params.id).forUpdate().executeTakeFirst();
      if (!row) throw notFound('exemption');
      const zoneRow = await trx.selectFrom('zone').select(['period_start', 'period_end']).where('id', '=', row.zone_id).executeTakeFirstOrThrow();
      if (requestedOn > todayInSeoul()) throw new AppError('validation', { fields: [{ path: '/body/requestedOn', keyword: 'maximum', params: { limit: todayInSeoul() } }] });
      if (row.valid_from === null || row.valid_until === null) refuse([{ code: 'no-extension', rule: 'RFZ Act Art. 80(1), 85', params: { kind: row.kind } }]);
      const check = checkExtension({
        kind: row.kind, grantedOn: civilDate(row.granted_on), term: { from: civilDate(row.valid_from), until: civilDate(row.valid_until) },
        extensionsSoFar: row.extensions, requestedOn, newUntil, ground: request.body.ground, zone: zoneTerm(zoneRow), calendar: calendarOf(db),
      });
      if (!check.ok) refuse(check.violations, { 'end-before-start': 'newUntil', 'exceeds-maximum': 'newUntil', 'beyond-zone-period': 'newUntil' });
      const moved = attempt(EXEMPTION_MACHINE, row.state as ExemptionState, 'extend', { role: 'ministry' }, extensionFacts([]));
      if (!moved.ok) throw conflict(moved.code, 'extend', row.state, 'RFZ Act Art. 86(10)');
      await trx.updateTable('exemption').set({ valid_until: newUntil, extensions: row.extensions + 1, extension_ground: request.body.ground, state: moved.to, updated_at: new Date() })
        .where('id', '=', row.id).execute();
      await appendAudit(trx, {
        requestId: request.id, actorUserId: actor.userId, actorOrganisationId: actor.organisationId,
        action: 'exemption:extend', objectType: 'exemption', objectId: row.id,
        before: { validUntil: row.valid_until, extensions: row.extensions, state: row.state },
        after: { validUntil: newUntil, extensions: row.extensions + 1, state: moved.to, ground: request.body.ground, requestedOn },
      });
    });
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
    const { row, zone } = await loadRecord(request.params.id);
    const actor = authorize(request, { kind: 'exemption', holders: row.holders });
    const requestedOn = date(request.body.requestedOn, '/body/requestedOn');
    if (requestedOn > todayInSeoul()) throw new AppError('validation', { fields: [{ path: '/body/requestedOn', keyword: 'maximum', params: { limit: todayInSeoul() } }] });
    void zone;
    await db.transaction().execute(async (trx) => {
      const current = await trx.selectFrom('exemption').select(['state', 'valid_from', 'valid_until', 'kind']).where('id', '=', row.id).forUpdate().executeTakeFirstOrThrow();
      if (current.valid_from === null || current.valid_until === null) refuse([{ code: 'not-applicable', rule: 'RFZ Act Art. 87(9)', params: { kind: current.kind } }]);
      const check = checkAmendmentRequest({
        kind: current.kind, term: { from: civilDate(current.valid_from), until: civilDate(current.valid_until) }, requestedOn,
        resultsAttached: request.body.results.ko.trim() !== '', calendar: calendarOf(db),
      });
      if (!check.ok) refuse(check.violations);
      // MSS records a request the operator filed through the local head; the machine's actor is the operator (Art. 87(9)).
      const moved = attempt(EXEMPTION_MACHINE, current.state as ExemptionState, 'request_amendment', { role: 'company' }, amendmentRequestFacts([]));
      if (!moved.ok) throw conflict(moved.code, 'request_amendment', current.state, 'RFZ Act Art. 87(9)');
      const evidenceRefs = request.body.evidenceRefs ?? [];
      await checkEvidence(trx, row.id, evidenceRefs);
      const amendment = { requestedOn, results: normaliseText(request.body.results), evidence: request.body.evidence, evidenceRefs, by: actor.organisationId };
      await amendmentRowForUpdate(trx, row.id, requestedOn);
      await trx.updateTable('law_amendment').set({ requested_on: requestedOn, evidence: JSON.stringify(evidenceRefs) }).where('exemption_id', '=', row.id).execute();
      await trx.updateTable('exemption').set({ state: moved.to, amendment_requested_on: requestedOn, amendment: JSON.stringify(amendment), updated_at: new Date() }).where('id', '=', row.id).execute();
      await appendAudit(trx, {
        requestId: request.id, actorUserId: actor.userId, actorOrganisationId: actor.organisationId,
        action: 'exemption:request-amendment', objectType: 'exemption', objectId: row.id,
        before: { state: current.state }, after: { state: moved.to, ...amendment },
      });
    });
    const [item] = await loadExemptions(db, [row.id]);
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
    const actor = actorOf(request);
    const amendedOn = date(request.body.amendedOn, '/body/amendedOn');
    if (amendedOn > todayInSeoul()) throw new AppError('validation', { fields: [{ path: '/body/amendedOn', keyword: 'maximum', params: { limit: todayInSeoul() } }] });
    await db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('exemption').select(['id', 'state', 'granted_on']).where('id', '=', request.params.id).forUpdate().executeTakeFirst();
      if (!row) throw notFound('exemption');
      if (amendedOn < row.granted_on) {
        refuse([{ code: 'end-before-start', rule: 'RFZ Act Art. 87(4)', params: { grantedOn: row.granted_on, amendedOn } }], { 'end-before-start': 'amendedOn' });
      }
      const moved = attempt(EXEMPTION_MACHINE, row.state as ExemptionState, 'record_law_amended', { role: 'responsible_ministry' }, {});
      if (!moved.ok) throw conflict(moved.code, 'record_law_amended', row.state, 'RFZ Act Art. 87(4), 87(6)');
      const act = request.body.act.trim();
      await trx.updateTable('exemption').set({ state: moved.to, law_amended_on: amendedOn, updated_at: new Date() }).where('id', '=', row.id).execute();
      // The amendment track ends on the effective date (Decree Art. 59(9)).
      await trx.updateTable('law_amendment').set({ effective_on: amendedOn, updated_at: new Date() }).where('exemption_id', '=', row.id).execute();
      // The suspended provisions record the amendment that ended the exemption.
      const regs = await trx.selectFrom('exemption_regulation').innerJoin('regulation', 'regulation.id', 'exemption_regulation.regulation_id')
        .select(['regulation.id as id', 'regulation.amendments as amendments']).where('exemption_id', '=', row.id).execute();
      for (const r of regs) {
        const amendments = [...r.amendments, { date: amendedOn, act, note: null }];
        await trx.updateTable('regulation').set({ amendments: JSON.stringify(amendments), updated_at: new Date() }).where('id', '=', r.id).execute();
      }
      await appendAudit(trx, {
        requestId: request.id, actorUserId: actor.userId, actorOrganisationId: actor.organisationId,
        action: 'exemption:record-amendment', objectType: 'exemption', objectId: row.id,
        before: { state: row.state }, after: { state: moved.to, lawAmendedOn: amendedOn, act, regulations: regs.map((r) => r.id) },
      });
    });
    const [item] = await loadExemptions(db, [request.params.id]);
    return item!;
  });

  const BundleExemptionSchema = Type.Object({ id: Type.String(), title: I18nTextSchema(300), kind: Type.String(), state: Type.String(), stages: Type.Array(Type.String()), zone: Type.Object({ id: Type.String(), name: I18nTextSchema(300) }) });
  app.get('/api/bundles/:zoneId', {
    config: { action: 'public', readCache: { topics: ['exemptions', 'zones'] } },
    schema: {
      tags: ['exemptions'],
      summary: "A zone's exemptions along the supply-chain stages, the uncovered stages, and precedents from other zones for each gap",
      params: Type.Object({ zoneId: Uuid }),
      response: {
        200: Type.Object({
          zone: Type.Object({ id: Type.String(), name: I18nTextSchema(300) }),
          covered: Type.Integer(), total: Type.Integer(),
          stages: Type.Array(Type.Object({
            stage: Type.String(), name: I18nTextSchema(200), covered: Type.Boolean(),
            exemptions: Type.Array(BundleExemptionSchema), precedents: Type.Array(BundleExemptionSchema),
          })),
        }),
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
        200: Type.Object({
          asOf: Type.String(),
          summary: Type.Object({ total: Type.Integer(), byState: Type.Record(Type.String(), Type.Integer()), lawAmended: Type.Integer(), medianDaysToAmendment: Nullable(Type.Number()) }),
          items: Type.Array(Type.Object({
            id: Type.String(), title: I18nTextSchema(300), kind: Type.String(), zone: Ref, state: Type.String(), grantedOn: Type.String(),
            validUntil: Nullable(Type.String()), validThrough: Nullable(Type.String()), amendmentRequestedOn: Nullable(Type.String()), lawAmendedOn: Nullable(Type.String()),
            daysToAmendment: Nullable(Type.Integer()), daysSinceGrant: Type.Integer(), demo: Type.Boolean(),
            amendmentStatus: Nullable(Type.String()), escalated: Type.Boolean(),
            path: Type.Array(Type.Object({ step: Type.String(), on: Type.String(), daysFromGrant: Type.Integer() }), { description: 'grant → request → review → plan → legislative stages → escalation → effective, with days from grant' }),
          })),
        }),
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
