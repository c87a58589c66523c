// Zone plans (issue 3): drafting by one or several governments, invitations, sections, versions and diffs,
// joint sign-off on a content hash, public notice and hearing record, submission, review with pausable
// clocks, committee decision and designation. Every rule comes from src/domain (zones, calendar); every write is a
// named use case (./use-cases) run through the one write path (src/server/write/run-write.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { I18nText } from '../../domain/i18n-text.ts';
import { PLAN_STATES } from '../../domain/zones/plan-machine.ts';
import { actorOf, authorize } from '../auth/authorize.ts';
import { notFound } from '../errors.ts';
import { inPageOrder, nextSchema, pageOf, pageQuery, readPage, type ListSpec } from '../http/pages.ts';
import { ProblemSchema } from '../../contract/common.ts';
import { pagePlans, PLAN_LIST } from './page-plans.ts';
import { callerOf } from '../write/caller.ts';
import { answerOnce, IdempotencyHeaders } from '../write/idempotency.ts';
import { diffJson } from './diff.ts';
import { coverageFor } from '../exemptions/needs.ts';
import { CoverageSchema } from '../../contract/needs.ts';
import { calendarOf } from '../calendar/provider.ts';
import { todayInSeoul } from './evaluate.ts';
import {
  CommonInput, ConsultationInput, CreateInput, DecisionInput, DiffView, InviteInput, ModelSchema, PlanParams, PlanSummary, PlanView,
  RedeliberationInput, ReferInput, ReturnInput, SectionInput, SectionParams, SignOffInput, SupplementAnswerInput, SupplementRequestInput, VersionParams, VersionSummary,
} from '../../contract/plans.ts';
import { loadPlan, loadSteps, planEtag, planTarget } from './store.ts';
import { planView } from './view.ts';
import { acceptPlan } from './use-cases/accept-plan.ts';
import { answerSupplement } from './use-cases/answer-supplement.ts';
import { createPlan } from './use-cases/create-plan.ts';
import { decidePlan } from './use-cases/decide-plan.ts';
import { editPlanCommon } from './use-cases/edit-plan-common.ts';
import { editPlanSection } from './use-cases/edit-plan-section.ts';
import { invitePartner } from './use-cases/invite-partner.ts';
import { recordConsultation } from './use-cases/record-consultation.ts';
import { referPlan } from './use-cases/refer-plan.ts';
import { removeParticipant } from './use-cases/remove-participant.ts';
import { requestRedeliberation } from './use-cases/request-redeliberation.ts';
import { requestSignOff } from './use-cases/request-sign-off.ts';
import { requestSupplement } from './use-cases/request-supplement.ts';
import { returnPlan } from './use-cases/return-plan.ts';
import { revisePlan } from './use-cases/revise-plan.ts';
import { signOffPlan } from './use-cases/sign-off-plan.ts';
import { submitPlan } from './use-cases/submit-plan.ts';
import { withdrawPlan } from './use-cases/withdraw-plan.ts';
import { withdrawSignOff } from './use-cases/withdraw-sign-off.ts';

// The plan view is large and nullable-heavy: fast-json-stringify spends ~25 ms per answer resolving its anyOf
// branches. Plan routes serialise with JSON.stringify; the response schemas stay for the OpenAPI document.
const serializerCompiler = () => (data: unknown): string => JSON.stringify(data);

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 412: ProblemSchema };
/** A plan's versions, oldest first (the plan is among the cursor's filters). */
const PLAN_VERSION_LIST: ListSpec<'version'> = {
  list: 'plan-versions', defaultSort: 'version', defaultLimit: 100, maxLimit: 500,
  orders: { version: { direction: 'asc', columns: [{ sql: 'zone_plan_version.version', type: 'int' }] } },
};

export async function planRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.services;

  async function respond(request: FastifyRequest, reply: FastifyReply, id: string) {
    const plan = await loadPlan(db, id);
    if (!plan) throw notFound('plan');
    reply.header('etag', planEtag(plan));
    reply.header('cache-control', 'private, no-cache');
    return planView(plan, request.actor, request.locale, todayInSeoul(), await loadSteps(db, id), app.services.config, calendarOf(db));
  }

  const ref = (request: FastifyRequest<{ Params: { id: string } }>) => ({ planId: request.params.id, ifMatch: request.headers['if-match'] });

  const planParams = { params: PlanParams };

  // ---------------------------------------------------------------------------------------------- reading

  app.get('/api/plans', {
    config: { action: 'plan:list' }, serializerCompiler,
    schema: {
      tags: ['plans'], summary: 'Zone plans the caller may see (its own and its partners’; all for the ministry), filtered by state and model, in pages: newest first (sort=created), last changed first (updated) or by lead region in KOSTAT code order, oldest first within a region (region)',
      querystring: Type.Object({ state: Type.Optional(Type.Enum([...PLAN_STATES])), model: Type.Optional(ModelSchema), ...pageQuery(PLAN_LIST) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(PlanSummary), next: nextSchema }), 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema },
    },
  }, async (request) => {
    const { state, model, limit, cursor, sort } = request.query;
    const page = readPage(PLAN_LIST, { limit, cursor, sort }, { state, model }, await app.services.listKey());
    return pagePlans(db, actorOf(request), { state, model }, page);
  });

  app.get('/api/plans/:id', {
    config: { action: 'plan:read', objectScoped: true }, serializerCompiler,
    schema: { tags: ['plans'], summary: 'A zone plan: content, participants and sign-offs, readiness (guards), clocks, steps and possible actions', ...planParams, response: { 200: PlanView, ...errors } },
  }, async (request, reply) => {
    const plan = await loadPlan(db, request.params.id);
    if (!plan) throw notFound('plan');
    authorize(request, planTarget(plan));
    return respond(request, reply, plan.id);
  });

  app.get('/api/plans/:id/versions', {
    config: { action: 'plan:read', objectScoped: true }, serializerCompiler,
    schema: {
      tags: ['plans'], summary: 'The saved versions of the plan content, with their SHA-256 hash; oldest first, in pages', ...planParams,
      querystring: Type.Object(pageQuery(PLAN_VERSION_LIST), { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(VersionSummary), next: nextSchema }), ...errors },
    },
  }, async (request) => {
    const plan = await loadPlan(db, request.params.id);
    if (!plan) throw notFound('plan');
    authorize(request, planTarget(plan));
    const page = readPage(PLAN_VERSION_LIST, { limit: request.query.limit, cursor: request.query.cursor }, { plan: plan.id }, await app.services.listKey());
    const query = db.selectFrom('zone_plan_version').leftJoin('app_user', 'app_user.id', 'zone_plan_version.created_by')
      .select(['version', 'content_hash', 'change', 'zone_plan_version.created_at', 'created_region', 'app_user.display_name'])
      .where('plan_id', '=', plan.id);
    const { rows, next } = pageOf(page, await inPageOrder(query, page).execute());
    return {
      items: rows.map((r) => ({
        version: r.version, contentHash: r.content_hash, change: r.change, createdAt: r.created_at.toISOString(), createdRegion: r.created_region, createdBy: r.display_name,
      })),
      next,
    };
  });

  async function loadVersion(planId: string, version: number) {
    const row = await db.selectFrom('zone_plan_version').selectAll().where('plan_id', '=', planId).where('version', '=', version).executeTakeFirst();
    if (!row) throw notFound('plan-version');
    return row;
  }

  app.get('/api/plans/:id/versions/:version', {
    config: { action: 'plan:read', objectScoped: true }, serializerCompiler,
    schema: {
      tags: ['plans'], summary: 'One version of the plan content', params: VersionParams,
      response: { 200: Type.Object({ version: Type.Integer(), contentHash: Type.String(), change: Type.String(), createdAt: Type.String(), createdRegion: Type.Union([Type.String(), Type.Null()]), content: Type.Unknown() }), ...errors },
    },
  }, async (request) => {
    const plan = await loadPlan(db, request.params.id);
    if (!plan) throw notFound('plan');
    authorize(request, planTarget(plan));
    const row = await loadVersion(plan.id, request.params.version);
    return { version: row.version, contentHash: row.content_hash, change: row.change, createdAt: row.created_at.toISOString(), createdRegion: row.created_region, content: row.content };
  });

  app.get('/api/plans/:id/diff', {
    config: { action: 'plan:read', objectScoped: true }, serializerCompiler,
    schema: {
      tags: ['plans'], summary: 'What changed between two versions: JSON paths with before and after',
      ...planParams,
      querystring: Type.Object({ from: Type.Integer({ minimum: 1, maximum: 1_000_000 }), to: Type.Integer({ minimum: 1, maximum: 1_000_000 }) }, { additionalProperties: false }),
      response: { 200: DiffView, ...errors },
    },
  }, async (request) => {
    const plan = await loadPlan(db, request.params.id);
    if (!plan) throw notFound('plan');
    authorize(request, planTarget(plan));
    const [from, to] = [await loadVersion(plan.id, request.query.from), await loadVersion(plan.id, request.query.to)];
    return { from: from.version, to: to.version, fromHash: from.content_hash, toHash: to.content_hash, changes: diffJson(from.content, to.content) };
  });

  app.get('/api/plans/:id/coverage', {
    config: { action: 'plan:read', objectScoped: true },
    schema: {
      tags: ['plans'],
      summary: "Coverage of the plan's regulatory needs per stage: met by exemptions of the plan's zone once designated; its special cases that ask for each need; precedents from other zones for each unmet need",
      ...planParams, response: { 200: CoverageSchema, ...errors },
    },
  }, async (request) => {
    const plan = await loadPlan(db, request.params.id);
    if (!plan) throw notFound('plan');
    authorize(request, planTarget(plan));
    const requests = plan.content.exemptions.map((e) => ({ id: e.id, regulation: e.regulationId ?? null, stages: e.stages }));
    return coverageFor(db, plan.zoneId, plan.content.needs ?? [], requests);
  });

  // ---------------------------------------------------------------------------------------------- drafting

  app.post('/api/plans', {
    config: { action: 'plan:create', objectScoped: true }, serializerCompiler,
    schema: { tags: ['plans'], summary: 'Start a plan led by the caller’s government (RFZ Act Art. 72(1)); Idempotency-Key makes a resent request create nothing more', headers: IdempotencyHeaders, body: CreateInput, response: { 201: PlanView, ...errors, 422: ProblemSchema } },
  }, async (request, reply) => {
    const { model, leadRegion, title } = request.body;
    return answerOnce(db, request, reply, {
      status: 201, location: (id: string) => `/api/plans/${id}`,
      write: (caller) => createPlan(db, caller, { model, leadRegion, title: title as I18nText }),
      render: (id) => respond(request, reply, id),
    });
  });

  app.put('/api/plans/:id', {
    config: { action: 'plan:lead', objectScoped: true }, serializerCompiler,
    schema: {
      tags: ['plans'], summary: 'The lead government edits the common part (model, title, industries, stages, exemptions, period, KPIs, narrative); If-Match required; withdraws every sign-off if the content changes',
      ...planParams, body: CommonInput, response: { 200: PlanView, ...errors },
    },
  }, async (request, reply) => {
    await editPlanCommon(db, callerOf(request), ref(request), request.body);
    return respond(request, reply, request.params.id);
  });

  app.put('/api/plans/:id/sections/:region', {
    config: { action: 'plan:edit-section', objectScoped: true }, serializerCompiler,
    schema: {
      tags: ['plans'], summary: 'A participating government edits its own section (sites, companies, projects, budget); If-Match required',
      params: SectionParams, body: SectionInput, response: { 200: PlanView, ...errors },
    },
  }, async (request, reply) => {
    await editPlanSection(db, callerOf(request), { ...ref(request), region: request.params.region }, request.body);
    return respond(request, reply, request.params.id);
  });

  app.post('/api/plans/:id/partners', {
    config: { action: 'plan:lead', objectScoped: true }, serializerCompiler,
    schema: {
      tags: ['plans'], summary: 'The lead invites a partner government (joint plan, Decree Art. 40(2)); it sees the plan, owns a section and must sign off',
      ...planParams, body: InviteInput, response: { 200: PlanView, ...errors },
    },
  }, async (request, reply) => {
    await invitePartner(db, callerOf(request), ref(request), request.body.regionCode);
    return respond(request, reply, request.params.id);
  });

  app.delete('/api/plans/:id/partners/:region', {
    config: { action: 'plan:remove-participant', objectScoped: true }, serializerCompiler,
    schema: { tags: ['plans'], summary: 'A partner leaves the plan, or the lead drops it (before submission); withdraws every sign-off', params: SectionParams, response: { 200: PlanView, ...errors } },
  }, async (request, reply) => {
    await removeParticipant(db, callerOf(request), { ...ref(request), region: request.params.region });
    return respond(request, reply, request.params.id);
  });

  app.put('/api/plans/:id/consultation', {
    config: { action: 'plan:lead', objectScoped: true }, serializerCompiler,
    schema: {
      tags: ['plans'], summary: 'Record the public notice, inspection, hearing and the opinions with responses (RFZ Act Art. 74(2); Decree Art. 43); If-Match required',
      ...planParams, body: ConsultationInput, response: { 200: PlanView, ...errors },
    },
  }, async (request, reply) => {
    await recordConsultation(db, callerOf(request), ref(request), request.body);
    return respond(request, reply, request.params.id);
  });

  // ---------------------------------------------------------------------------------------------- sign-off and submission

  app.post('/api/plans/:id/request-signoff', {
    config: { action: 'plan:lead', objectScoped: true }, serializerCompiler,
    schema: { tags: ['plans'], summary: 'The lead asks every participant to sign off the current version (guard: required-items-present)', ...planParams, response: { 200: PlanView, ...errors } },
  }, async (request, reply) => {
    await requestSignOff(db, callerOf(request), ref(request));
    return respond(request, reply, request.params.id);
  });

  app.post('/api/plans/:id/signoff', {
    config: { action: 'plan:sign-off', objectScoped: true }, serializerCompiler,
    schema: {
      tags: ['plans'], summary: 'The caller’s government signs off the exact version it saw, named by its content hash (Decree Art. 40(2))',
      ...planParams, body: SignOffInput, response: { 200: PlanView, ...errors },
    },
  }, async (request, reply) => {
    await signOffPlan(db, callerOf(request), ref(request), request.body.contentHash);
    return respond(request, reply, request.params.id);
  });

  app.delete('/api/plans/:id/signoff', {
    config: { action: 'plan:sign-off', objectScoped: true }, serializerCompiler,
    schema: { tags: ['plans'], summary: 'The caller’s government withdraws its sign-off (before submission)', ...planParams, response: { 200: PlanView, ...errors } },
  }, async (request, reply) => {
    await withdrawSignOff(db, callerOf(request), ref(request));
    return respond(request, reply, request.params.id);
  });

  app.post('/api/plans/:id/submit', {
    config: { action: 'plan:lead', objectScoped: true }, serializerCompiler,
    schema: {
      tags: ['plans'], summary: 'Submit the application to MSS (guards: sign-offs on the current hash, eligibility, connected-zone rule, public consultation, items; contiguity is a warning, or an error with REQUIRE_CONTIGUITY=true)',
      ...planParams, response: { 200: PlanView, ...errors },
    },
  }, async (request, reply) => {
    await submitPlan(db, callerOf(request), ref(request), app.services.config);
    return respond(request, reply, request.params.id);
  });

  app.post('/api/plans/:id/withdraw', {
    config: { action: 'plan:lead', objectScoped: true }, serializerCompiler,
    schema: { tags: ['plans'], summary: 'The lead withdraws the plan or application (RFZ Act Art. 72(1))', ...planParams, response: { 200: PlanView, ...errors } },
  }, async (request, reply) => {
    await withdrawPlan(db, callerOf(request), ref(request));
    return respond(request, reply, request.params.id);
  });

  // ---------------------------------------------------------------------------------------------- review (MSS)

  app.post('/api/plans/:id/accept', {
    config: { action: 'plan:review', objectScoped: true }, serializerCompiler,
    schema: { tags: ['plans'], summary: 'MSS accepts the application for review; the ministries’ 30-day reply clock starts (RFZ Act Art. 75(1)–(2))', ...planParams, response: { 200: PlanView, ...errors } },
  }, async (request, reply) => {
    await acceptPlan(db, callerOf(request), ref(request));
    return respond(request, reply, request.params.id);
  });

  app.post('/api/plans/:id/supplement-requests', {
    config: { action: 'plan:review', objectScoped: true }, serializerCompiler,
    schema: { tags: ['plans'], summary: 'MSS requests a supplement; every running clock pauses (RFZ Act Art. 72(4), 75(2) proviso)', ...planParams, body: SupplementRequestInput, response: { 200: PlanView, ...errors } },
  }, async (request, reply) => {
    await requestSupplement(db, callerOf(request), ref(request), request.body);
    return respond(request, reply, request.params.id);
  });

  app.post('/api/plans/:id/supplement-answer', {
    config: { action: 'plan:lead', objectScoped: true }, serializerCompiler,
    schema: { tags: ['plans'], summary: 'The lead answers the supplement request; the clocks resume', ...planParams, body: SupplementAnswerInput, response: { 200: PlanView, ...errors } },
  }, async (request, reply) => {
    await answerSupplement(db, callerOf(request), ref(request), request.body);
    return respond(request, reply, request.params.id);
  });

  app.post('/api/plans/:id/return', {
    config: { action: 'plan:review', objectScoped: true }, serializerCompiler,
    schema: {
      tags: ['plans'],
      summary: 'MSS returns an incomplete application, naming the missing items; from a supplement request only after its answer deadline passed unanswered (RFZ Act Art. 72(4), 75(5))',
      ...planParams, body: ReturnInput, response: { 200: PlanView, ...errors },
    },
  }, async (request, reply) => {
    await returnPlan(db, callerOf(request), ref(request), request.body);
    return respond(request, reply, request.params.id);
  });

  app.post('/api/plans/:id/refer', {
    config: { action: 'plan:review', objectScoped: true }, serializerCompiler,
    schema: {
      tags: ['plans'], summary: 'MSS refers the plan to the committee once the ministries replied or their 30 days ran out (RFZ Act Art. 75(2)–(3))',
      ...planParams, body: ReferInput, response: { 200: PlanView, ...errors },
    },
  }, async (request, reply) => {
    await referPlan(db, callerOf(request), ref(request), request.body);
    return respond(request, reply, request.params.id);
  });

  app.post('/api/plans/:id/decision', {
    config: { action: 'plan:decide', objectScoped: true }, serializerCompiler,
    schema: {
      tags: ['plans'],
      summary: 'Record the committee decision (designate, designate with conditions, reject, send back) with minutes; 7-day meeting notice and quorum are guards (Decree Art. 47(6)–(7), 49(6)); designation creates the zone',
      ...planParams, body: DecisionInput, response: { 200: PlanView, ...errors },
    },
  }, async (request, reply) => {
    await decidePlan(db, callerOf(request), ref(request), request.body);
    return respond(request, reply, request.params.id);
  });

  app.post('/api/plans/:id/redeliberation', {
    config: { action: 'plan:lead', objectScoped: true }, serializerCompiler,
    schema: {
      tags: ['plans'],
      summary: 'The lead asks the committee to deliberate a rejection again: within 60 days of the decision, once (ZoneLink policy after Decree Art. 57-3)',
      ...planParams, body: RedeliberationInput, response: { 200: PlanView, ...errors },
    },
  }, async (request, reply) => {
    await requestRedeliberation(db, callerOf(request), ref(request), request.body);
    return respond(request, reply, request.params.id);
  });

  app.post('/api/plans/:id/revise', {
    config: { action: 'plan:lead', objectScoped: true }, serializerCompiler,
    schema: { tags: ['plans'], summary: 'After a return or a send-back, the lead reopens the plan for drafting (RFZ Act Art. 74(1), 75(5))', ...planParams, response: { 200: PlanView, ...errors } },
  }, async (request, reply) => {
    await revisePlan(db, callerOf(request), ref(request));
    return respond(request, reply, request.params.id);
  });
}

