// The consortium planner: which eligible regions, together, cover a converged project's needs.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { authorize } from '../auth/authorize.ts';
import { callerOf } from '../write/caller.ts';
import { Line, ProblemSchema } from '../../contract/common.ts';
import { buildPlanningRequest, PlanningQuerySchema, runPlanner } from './planning-input.ts';
import { PlannerWorker } from './planner-worker.ts';
import { inPageOrder, nextSchema, pageOf, pageQuery, readPage, type ListSpec } from '../http/pages.ts';
import { savePlanningRequest } from './use-cases/save-planning-request.ts';

const AnswerSchema = Type.Object({
  regions: Type.Array(Type.String()),
  objective: Type.Number(),
  count: Type.Integer(),
  cost: Type.Number(),
  coverage: Type.Array(Type.Unknown()),
  /** The links that join the chosen regions, with their kind: land border, bridge or tunnel ('fixed'), ferry. */
  joins: Type.Optional(Type.Array(Type.Object({ a: Type.String(), b: Type.String(), kind: Type.Enum(['border', 'fixed', 'ferry']), note: Type.Optional(Type.String()) }))),
});
const ResultSchema = Type.Object({
  status: Type.Enum(['optimal', 'feasible', 'infeasible', 'unknown']),
  best: Type.Optional(AnswerSchema),
  alternatives: Type.Array(AnswerSchema),
  bound: Type.Union([Type.Number(), Type.Null()]),
  gap: Type.Union([Type.Number(), Type.Null()]),
  nodes: Type.Integer(),
  elapsedMs: Type.Number(),
  explanation: Type.Unknown(),
});
/** Saved requests, newest first (the organisation's own, so its id is one of the cursor's filters). */
const PLANNING_REQUEST_LIST: ListSpec<'created'> = {
  list: 'planning-requests', defaultSort: 'created', defaultLimit: 50, maxLimit: 200,
  orders: { created: { direction: 'desc', columns: [{ sql: 'planning_request.created_at', type: 'timestamptz' }, { sql: 'planning_request.id', type: 'uuid' }] } },
};
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 422: ProblemSchema };

export async function plannerRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config } = app.services;
  const worker = new PlannerWorker();
  const solve = worker.solve.bind(worker);
  app.addHook('onClose', () => worker.stop());

  app.post('/api/planner/solve', {
    config: { action: 'planner:run' },
    schema: {
      tags: ['planner'],
      summary: 'Find the optimal consortium of regions for a converged demonstration, with alternatives and an explanation',
      description: 'Exact branch-and-bound with a proof of optimality; when the time limit is hit the best answer found is returned with its gap (status "feasible"). Needs no set of regions can meet → 422 naming each need.',
      body: PlanningQuerySchema,
      response: { 200: ResultSchema, ...errors },
    },
  }, async (request) => {
    authorize(request);
    const planning = await buildPlanningRequest(db, request.body, config.plannerTimeLimitMs, config.allowFerryLinks);
    const result = await runPlanner(planning, solve, request.locale);
    return { ...result, bound: Number.isFinite(result.bound) ? result.bound : null };
  });

  app.post('/api/planner/requests', {
    config: { action: 'planning-request:create' },
    schema: {
      tags: ['planner'],
      summary: 'Save a planning request and its answer for the organisation (the start of a connected-zone plan)',
      body: Type.Object({ title: Line(200), query: PlanningQuerySchema }, { additionalProperties: false }),
      response: { 201: Type.Object({ id: Type.String(), title: Type.String(), regions: Type.Array(Type.String()) }), ...errors },
    },
  }, async (request, reply) => {
    const planning = await buildPlanningRequest(db, request.body.query, config.plannerTimeLimitMs, config.allowFerryLinks);
    const result = await runPlanner(planning, solve, request.locale);
    const regions = result.best?.regions ?? [];
    const id = await savePlanningRequest(db, callerOf(request), { title: request.body.title, query: request.body.query, answer: { status: result.status, regions, objective: result.best?.objective ?? null } });
    return reply.code(201).send({ id, title: request.body.title.trim(), regions });
  });

  app.get('/api/planner/requests', {
    config: { action: 'planning-request:read', objectScoped: true },
    schema: {
      tags: ['planner'],
      summary: "My organisation's saved planning requests, newest first, in pages",
      querystring: Type.Object(pageQuery(PLANNING_REQUEST_LIST), { additionalProperties: false }),
      response: {
        200: Type.Object({ items: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), query: Type.Unknown(), result: Type.Unknown(), createdAt: Type.String() })), next: nextSchema }),
        ...errors,
      },
    },
  }, async (request) => {
    const actor = authorize(request, { kind: 'organisation', organisationId: request.actor?.organisationId ?? '' });
    const page = readPage(PLANNING_REQUEST_LIST, { limit: request.query.limit, cursor: request.query.cursor }, { organisation: actor.organisationId }, await app.services.listKey());
    const query = db.selectFrom('planning_request').selectAll().where('organisation_id', '=', actor.organisationId);
    const { rows, next } = pageOf(page, await inPageOrder(query, page).execute());
    return { items: rows.map((r) => ({ id: r.id, title: r.title, query: r.request, result: r.result, createdAt: r.created_at.toISOString() })), next };
  });
}
