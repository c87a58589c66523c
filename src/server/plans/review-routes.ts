// Review of a submitted zone plan (issue 3 item 5): experts (standing declaration of ties, assignment refused on a
// conflict of interest, per-plan declaration, scores against Decree Art. 45) and the responsible ministries MSS
// consults, each with its own 30-day reply clock and written opinion (RFZ Act Art. 75(2)).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Database } from '../../db/database.ts';
import { decide } from '../../domain/auth/policy.ts';
import type { Actor } from '../../domain/auth/types.ts';
import type { ClockState } from '../../domain/calendar/clock.ts';
import { CRITERIA_RULE, MAX_SCORE, REVIEW_CRITERIA, summariseScores, type ExpertTie, type ReviewCriterion } from '../../domain/zones/expert-review.ts';
import { authorize } from '../auth/authorize.ts';
import { notFound } from '../errors.ts';
import { inPageOrder, nextSchema, pageOf, pageQuery, readPage, type ListSpec } from '../http/pages.ts';
import { ProblemSchema } from '../../contract/common.ts';
import { callerOf } from '../write/caller.ts';
import { participantsOf } from './content.ts';
import { calendarOf } from '../calendar/provider.ts';
import { todayInSeoul } from './evaluate.ts';
import {
  AssignInput, ConsultInput, DeclarationInput, ExpertView, ExpertWorkspace, OpinionInput, ReviewView, ScoresInput, TiesInput,
} from '../../contract/plan-review.ts';
import { IN_REVIEW, tiesOf } from './review-rules.ts';
import { PlanParams } from '../../contract/plans.ts';
import { loadPlan, planTarget, type PlanRecord } from './store.ts';
import { consultationsOf } from './review-store.ts';
import { clockView } from './view.ts';
import { assignExpert } from './use-cases/assign-expert.ts';
import { consultMinistry } from './use-cases/consult-ministry.ts';
import { declareExpertConflict } from './use-cases/declare-expert-conflict.ts';
import { declareExpertTies } from './use-cases/declare-expert-ties.ts';
import { giveMinistryOpinion } from './use-cases/give-ministry-opinion.ts';
import { scorePlan } from './use-cases/score-plan.ts';

const serializerCompiler = () => (data: unknown): string => JSON.stringify(data);
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 412: ProblemSchema };

/** Experts by name (the id breaks ties between namesakes). */
const EXPERT_LIST: ListSpec<'name'> = {
  list: 'experts', defaultSort: 'name', defaultLimit: 100, maxLimit: 500,
  orders: { name: { direction: 'asc', columns: [{ sql: 'app_user.display_name', type: 'text' }, { sql: 'app_user.id', type: 'uuid' }] } },
};
const CRITERIA = REVIEW_CRITERIA.map((key) => ({ key, rule: CRITERIA_RULE, max: MAX_SCORE }));

/** The review record as the actor may see it: MSS everything; an expert its own sheet; a ministry its own opinion. */
async function reviewView(db: Database, plan: PlanRecord, actor: Actor) {
  const today = todayInSeoul();
  const ministry = actor.orgKind === 'ministry';
  const experts = await db.selectFrom('plan_expert').innerJoin('app_user', 'app_user.id', 'plan_expert.expert_user_id')
    .select(['expert_user_id', 'app_user.display_name', 'assigned_on', 'declaration', 'declared_at', 'declaration_note', 'scores', 'comment', 'scored_at'])
    .where('plan_id', '=', plan.id).orderBy('assigned_on').orderBy('app_user.display_name').execute();
  const visibleExperts = experts.filter((e) => ministry || e.expert_user_id === actor.userId);
  const sheets = experts.filter((e) => e.scores !== null && e.declaration === 'no_conflict').map((e) => e.scores as Record<ReviewCriterion, number>);
  const summary = summariseScores(ministry ? sheets : []);
  const consultations = (await consultationsOf(db, plan.id)).filter((c) => ministry || c.organisation_id === actor.organisationId);
  const ministries = ministry
    ? await db.selectFrom('organisation').select(['id', 'name']).where('kind', '=', 'responsible_ministry').orderBy('id').execute()
    : [];
  const mine = experts.find((e) => e.expert_user_id === actor.userId);
  const myConsultation = consultations.find((c) => c.organisation_id === actor.organisationId);
  const target = planTarget(plan);
  return {
    planId: plan.id, state: plan.state, criteria: CRITERIA,
    experts: visibleExperts.map((e) => {
      const scores = e.scores as Record<ReviewCriterion, number> | null;
      return {
        userId: e.expert_user_id, name: e.display_name, assignedOn: e.assigned_on, declaration: e.declaration, declaredAt: e.declared_at?.toISOString() ?? null,
        declarationNote: e.declaration_note, scores, total: scores ? REVIEW_CRITERIA.reduce((sum, c) => sum + scores[c], 0) : null,
        comment: e.comment, scoredAt: e.scored_at?.toISOString() ?? null,
      };
    }),
    summary: { sheets: summary.totals.length, maxTotal: summary.maxTotal, averageTotal: summary.averageTotal, averages: summary.averages },
    consultations: consultations.map((c) => ({
      organisationId: c.organisation_id, organisation: c.name, requestedOn: c.requested_on,
      clock: clockView('ministry-reply', { state: c.clock as ClockState, stoppedOn: c.replied_on }, today, calendarOf(db)),
      repliedOn: c.replied_on, position: c.position, opinion: c.opinion, conditions: c.conditions,
    })),
    ministries: ministries.map((m) => ({ organisationId: m.id, name: m.name })),
    can: {
      assign: decide(actor, 'plan:review', target).allowed && IN_REVIEW.includes(plan.state),
      consult: decide(actor, 'plan:review', target).allowed && plan.state === 'under_review',
      declare: mine !== undefined && IN_REVIEW.includes(plan.state) && decide(actor, 'plan:expert', target).allowed,
      score: mine?.declaration === 'no_conflict' && plan.state === 'under_review' && decide(actor, 'plan:expert', target).allowed,
      opine: myConsultation !== undefined && myConsultation.replied_on === null && IN_REVIEW.includes(plan.state) && decide(actor, 'plan:opinion', target).allowed,
    },
  };
}

async function workspace(db: Database, actor: Actor) {
  const rows = await db.selectFrom('plan_expert').select(['plan_id', 'assigned_on', 'declaration', 'scores', 'scored_at'])
    .where('expert_user_id', '=', actor.userId).orderBy('assigned_on', 'desc').orderBy('plan_id').execute();
  const assignments = [];
  for (const r of rows) {
    const plan = await loadPlan(db, r.plan_id);
    if (!plan) continue;
    assignments.push({
      planId: plan.id, title: plan.content.title, state: plan.state, model: plan.content.model, leadRegion: plan.leadRegion, participants: participantsOf(plan.content),
      demo: plan.demo, assignedOn: r.assigned_on, declaration: r.declaration, scores: r.scores, scoredAt: r.scored_at?.toISOString() ?? null,
    });
  }
  return { ties: await tiesOf(db, actor.userId), criteria: CRITERIA, assignments };
}

export async function planReviewRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.services;
  const planParams = { params: PlanParams };

  const ref = (request: FastifyRequest<{ Params: { id: string } }>) => ({ planId: request.params.id, ifMatch: undefined });
  /** The review record after a write, as the writer may see it. */
  async function reviewed(request: FastifyRequest<{ Params: { id: string } }>) {
    return reviewView(db, (await loadPlan(db, request.params.id))!, request.actor!);
  }

  // ---------------------------------------------------------------------------------------------- experts

  app.get('/api/experts', {
    config: { action: 'expert:list' }, serializerCompiler,
    schema: {
      tags: ['review'], summary: 'Experts MSS may assign, with the ties each declared; by name, in pages',
      querystring: Type.Object(pageQuery(EXPERT_LIST), { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(ExpertView), next: nextSchema }), 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema },
    },
  }, async (request) => {
    authorize(request);
    const page = readPage(EXPERT_LIST, { limit: request.query.limit, cursor: request.query.cursor }, {}, await app.services.listKey());
    const query = db.selectFrom('app_user').innerJoin('organisation', 'organisation.id', 'app_user.organisation_id')
      .leftJoin('expert_declaration', 'expert_declaration.user_id', 'app_user.id')
      .select(['app_user.id', 'app_user.display_name', 'organisation.name', 'expert_declaration.ties'])
      .where('organisation.kind', '=', 'expert').where('app_user.disabled_at', 'is', null);
    const { rows, next } = pageOf(page, await inPageOrder(query, page).execute());
    return { items: rows.map((r) => ({ userId: r.id, name: r.display_name, organisation: r.name, ties: (r.ties as ExpertTie[] | null) ?? [] })), next };
  });

  app.get('/api/experts/me', {
    config: { action: 'expert:self' }, serializerCompiler,
    schema: { tags: ['review'], summary: 'The expert’s workspace: its declared ties and the plans assigned to it', response: { 200: ExpertWorkspace, 401: ProblemSchema, 403: ProblemSchema } },
  }, async (request) => workspace(db, authorize(request)));

  app.put('/api/experts/me/ties', {
    config: { action: 'expert:declare-ties', objectScoped: true }, serializerCompiler,
    schema: {
      tags: ['review'], summary: 'The expert declares its ties to governments and companies (employment, advice, shares, family); MSS cannot assign it to plans they touch (Decree Art. 50)',
      body: TiesInput, response: { 200: ExpertWorkspace, 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema },
    },
  }, async (request) => {
    await declareExpertTies(db, callerOf(request), request.body);
    return workspace(db, request.actor!);
  });

  app.get('/api/plans/:id/review', {
    config: { action: 'plan:review-read', objectScoped: true }, serializerCompiler,
    schema: {
      tags: ['review'], summary: 'The review record: experts, declarations, scores with totals and per-criterion averages (Decree Art. 45), ministries’ opinions with each reply clock',
      ...planParams, response: { 200: ReviewView, ...errors },
    },
  }, async (request) => {
    const plan = await loadPlan(db, request.params.id);
    if (!plan) throw notFound('plan');
    return reviewView(db, plan, authorize(request, planTarget(plan)));
  });

  app.post('/api/plans/:id/experts', {
    config: { action: 'plan:review', objectScoped: true }, serializerCompiler,
    schema: {
      tags: ['review'], summary: 'MSS assigns an expert reviewer; refused (409, guard no-conflict-of-interest) when the expert declared a tie to a participating government or company (Decree Art. 50)',
      ...planParams, body: AssignInput, response: { 200: ReviewView, ...errors },
    },
  }, async (request) => {
    await assignExpert(db, callerOf(request), ref(request), request.body.expertUserId);
    return reviewed(request);
  });

  app.post('/api/plans/:id/experts/me/declaration', {
    config: { action: 'plan:expert', objectScoped: true }, serializerCompiler,
    schema: {
      tags: ['review'], summary: 'The assigned expert declares whether it has a conflict of interest with this plan; a declared conflict recuses it (Decree Art. 50)',
      ...planParams, body: DeclarationInput, response: { 200: ReviewView, ...errors },
    },
  }, async (request) => {
    await declareExpertConflict(db, callerOf(request), ref(request), request.body);
    return reviewed(request);
  });

  app.put('/api/plans/:id/experts/me/scores', {
    config: { action: 'plan:expert', objectScoped: true }, serializerCompiler,
    schema: {
      tags: ['review'], summary: 'The assigned expert scores the plan on each criterion of Decree Art. 45 (0–10); needs its declaration of no conflict (guard no-conflict-of-interest)',
      ...planParams, body: ScoresInput, response: { 200: ReviewView, ...errors },
    },
  }, async (request) => {
    await scorePlan(db, callerOf(request), ref(request), request.body);
    return reviewed(request);
  });

  // ---------------------------------------------------------------------------------------------- responsible ministries

  app.post('/api/plans/:id/consultations', {
    config: { action: 'plan:review', objectScoped: true }, serializerCompiler,
    schema: {
      tags: ['review'], summary: 'MSS sends the plan to a responsible ministry for its written opinion; that ministry’s 30-day reply clock starts (RFZ Act Art. 75(2))',
      ...planParams, body: ConsultInput, response: { 200: ReviewView, ...errors },
    },
  }, async (request) => {
    await consultMinistry(db, callerOf(request), ref(request), request.body.organisationId);
    return reviewed(request);
  });

  app.post('/api/plans/:id/opinions', {
    config: { action: 'plan:opinion', objectScoped: true }, serializerCompiler,
    schema: {
      tags: ['review'], summary: 'A consulted responsible ministry gives its written opinion (agree, agree with conditions, disagree), once (RFZ Act Art. 75(2))',
      ...planParams, body: OpinionInput, response: { 200: ReviewView, ...errors },
    },
  }, async (request) => {
    await giveMinistryOpinion(db, callerOf(request), ref(request), request.body);
    return reviewed(request);
  });
}
