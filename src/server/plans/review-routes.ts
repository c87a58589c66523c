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
import { dueDate } from '../../domain/calendar/clock.ts';
import type { CivilDate } from '../../domain/calendar/civil-date.ts';
import type { I18nText } from '../../domain/i18n-text.ts';
import { regionByCode } from '../../domain/regions/reference.ts';
import {
  checkScoreSheet, CRITERIA_RULE, expertConflicts, MAX_SCORE, RECUSAL_RULE, REVIEW_CRITERIA, summariseScores, type ExpertTie, type PlanParties, type ReviewCriterion,
} from '../../domain/zones/expert-review.ts';
import { checkOpinion } from '../../domain/zones/ministry-opinions.ts';
import type { PlanState } from '../../domain/zones/plan-machine.ts';
import { ministryReplyClock } from '../../domain/zones/procedure.ts';
import type { Violation } from '../../domain/zones/transition-table.ts';
import type { Locale } from '../../i18n/locales.ts';
import { appendAudit } from '../audit/append.ts';
import { authorize } from '../auth/authorize.ts';
import { AppError, notFound } from '../errors.ts';
import { ProblemSchema } from '../http/schemas.ts';
import { notify } from '../notifications/notify.ts';
import { participantsOf } from './content.ts';
import { calendarOf } from '../calendar/provider.ts';
import { todayInSeoul } from './evaluate.ts';
import { frame } from './messages.ts';
import {
  AssignInput, ConsultInput, DeclarationInput, ExpertView, ExpertWorkspace, OpinionInput, ReviewView, ScoresInput, TiesInput,
} from './review-schemas.ts';
import { PlanParams } from './schemas.ts';
import { addStep, loadPlan, planTarget, updatePlan, type PlanRecord } from './store.ts';
import { consultationsOf, ministryConsultations } from './review-store.ts';
import { clockView, machineActor } from './view.ts';
import { guardProblem, move } from './routes.ts';

const serializerCompiler = () => (data: unknown): string => JSON.stringify(data);
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 412: ProblemSchema };

/** States in which MSS reviews the application (Art. 75(1)–(2)). */
const IN_REVIEW: readonly PlanState[] = ['submitted', 'under_review', 'supplement_requested'];

const CRITERIA = REVIEW_CRITERIA.map((key) => ({ key, rule: CRITERIA_RULE, max: MAX_SCORE }));
const auditActor = (request: FastifyRequest, actor: Actor) => ({ requestId: request.id, actorUserId: actor.userId, actorOrganisationId: actor.organisationId });
const invalid = (path: string, keyword: 'unknown' | 'invalid', params?: Record<string, string>) => new AppError('validation', { fields: [{ path, keyword, ...(params ? { params } : {}) }] });

/** 409 naming the rule (as a guard of the review) and each violation. */
function refusal(locale: Locale, guard: string, article: string, violations: readonly Violation[]): AppError {
  return new AppError('conflict', {
    violations: violations.map((v) => ({ ...v, scope: 'zone' as const })),
    extensions: { guards: [guardProblem(locale, guard, article, violations)] },
  });
}

function inReview(locale: Locale, plan: PlanRecord, states: readonly PlanState[] = IN_REVIEW): void {
  if (!states.includes(plan.state)) {
    throw new AppError('conflict', {
      params: { reason: frame(locale, 'review-state', { state: plan.state, states: states.join(', '), rule: 'RFZ Act Art. 75(1)–(2)' }) },
      extensions: { transition: { state: plan.state, action: 'review', allowed: [] } },
    });
  }
}

export function partiesOf(plan: PlanRecord): PlanParties {
  return {
    governments: participantsOf(plan.content),
    companies: Object.values(plan.content.sections).flatMap((s) => s.companies.map((c) => ({ name: c.name.ko, businessNumber: c.businessNumber }))),
  };
}

async function tiesOf(db: Database, userId: string): Promise<ExpertTie[]> {
  const row = await db.selectFrom('expert_declaration').select('ties').where('user_id', '=', userId).executeTakeFirst();
  return (row?.ties as ExpertTie[] | undefined) ?? [];
}

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

  /** Loads the plan under a row lock, authorises `action` on it, runs `change` in one transaction. */
  async function withPlan(request: FastifyRequest, id: string, change: (trx: Database, plan: PlanRecord, actor: Actor, today: CivilDate) => Promise<void>): Promise<PlanRecord> {
    const today = todayInSeoul();
    let actorOf: Actor | null = null;
    await db.transaction().execute(async (trx) => {
      const plan = await loadPlan(trx, id, { forUpdate: true });
      if (!plan) throw notFound('plan');
      actorOf = authorize(request, planTarget(plan));
      await change(trx, plan, actorOf, today);
    });
    return (await loadPlan(db, id))!;
  }

  // ---------------------------------------------------------------------------------------------- experts

  app.get('/api/experts', {
    config: { action: 'expert:list' }, serializerCompiler,
    schema: { tags: ['review'], summary: 'Experts MSS may assign, with the ties each declared', response: { 200: Type.Object({ items: Type.Array(ExpertView) }), 401: ProblemSchema, 403: ProblemSchema } },
  }, async (request) => {
    authorize(request);
    const rows = await db.selectFrom('app_user').innerJoin('organisation', 'organisation.id', 'app_user.organisation_id')
      .leftJoin('expert_declaration', 'expert_declaration.user_id', 'app_user.id')
      .select(['app_user.id', 'app_user.display_name', 'organisation.name', 'expert_declaration.ties'])
      .where('organisation.kind', '=', 'expert').where('app_user.disabled_at', 'is', null).orderBy('app_user.display_name').execute();
    return { items: rows.map((r) => ({ userId: r.id, name: r.display_name, organisation: r.name, ties: (r.ties as ExpertTie[] | null) ?? [] })) };
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
    const actor = authorize(request);
    const ties = request.body.ties.map((t) => (t.kind === 'company' ? { ...t, name: t.name.trim() } : t));
    ties.forEach((t, i) => { if (t.kind === 'government' && !regionByCode(t.regionCode)) throw invalid(`/body/ties/${i}/regionCode`, 'unknown', { value: t.regionCode }); });
    await db.transaction().execute(async (trx) => {
      const before = await tiesOf(trx, actor.userId);
      await trx.insertInto('expert_declaration').values({ user_id: actor.userId, ties: JSON.stringify(ties), updated_at: new Date() })
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ ties: JSON.stringify(ties), updated_at: new Date() })).execute();
      await appendAudit(trx, { ...auditActor(request, actor), action: 'expert:declare-ties', objectType: 'app_user', objectId: actor.userId, before: { ties: before }, after: { ties } });
    });
    return workspace(db, actor);
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
    const expertId = request.body.expertUserId;
    const plan = await withPlan(request, request.params.id, async (trx, plan, actor, today) => {
      inReview(request.locale, plan);
      const expert = await trx.selectFrom('app_user').innerJoin('organisation', 'organisation.id', 'app_user.organisation_id')
        .select(['app_user.id', 'app_user.display_name']).where('app_user.id', '=', expertId).where('organisation.kind', '=', 'expert').executeTakeFirst();
      if (!expert) throw invalid('/body/expertUserId', 'unknown', { value: expertId });
      if (plan.experts.includes(expertId)) throw new AppError('conflict', { params: { reason: frame(request.locale, 'already-assigned', { expert: expert.display_name }) } });
      const conflicts = expertConflicts(await tiesOf(trx, expertId), partiesOf(plan));
      if (conflicts.length > 0) throw refusal(request.locale, 'no-conflict-of-interest', RECUSAL_RULE, conflicts);
      await trx.insertInto('plan_expert').values({
        plan_id: plan.id, expert_user_id: expertId, assigned_by: actor.userId, assigned_on: today, declaration: null, declaration_note: null, declared_at: null, scores: null, comment: null, scored_at: null,
      }).execute();
      await updatePlan(trx, plan, {});
      await appendAudit(trx, { ...auditActor(request, actor), action: 'plan:assign-expert', objectType: 'zone_plan', objectId: plan.id, before: null, after: { expert: expertId, assignedOn: today } });
      const who = await trx.selectFrom('app_user').select('display_name').where('id', '=', actor.userId).executeTakeFirst();
      await notify(trx, { userIds: [expertId], kind: 'expert-assigned', params: { subject: plan.content.title.ko, actor: who?.display_name ?? '' }, link: '/expert', objectType: 'zone_plan', objectId: plan.id });
    });
    return reviewView(db, plan, request.actor!);
  });

  app.post('/api/plans/:id/experts/me/declaration', {
    config: { action: 'plan:expert', objectScoped: true }, serializerCompiler,
    schema: {
      tags: ['review'], summary: 'The assigned expert declares whether it has a conflict of interest with this plan; a declared conflict recuses it (Decree Art. 50)',
      ...planParams, body: DeclarationInput, response: { 200: ReviewView, ...errors },
    },
  }, async (request) => {
    const plan = await withPlan(request, request.params.id, async (trx, plan, actor) => {
      inReview(request.locale, plan);
      const row = await trx.selectFrom('plan_expert').select(['declaration']).where('plan_id', '=', plan.id).where('expert_user_id', '=', actor.userId).executeTakeFirstOrThrow();
      if (row.declaration === 'conflict') throw refusal(request.locale, 'no-conflict-of-interest', RECUSAL_RULE, [{ code: 'expert-declared-conflict', rule: RECUSAL_RULE, params: {} }]);
      // "No conflict" cannot contradict the expert's own declared ties.
      const conflicts = request.body.conflict ? [] : expertConflicts(await tiesOf(trx, actor.userId), partiesOf(plan));
      if (conflicts.length > 0) throw refusal(request.locale, 'no-conflict-of-interest', RECUSAL_RULE, conflicts);
      const declaration = request.body.conflict ? 'conflict' as const : 'no_conflict' as const;
      await trx.updateTable('plan_expert').set({ declaration, declaration_note: request.body.note ? JSON.stringify(request.body.note) : null, declared_at: new Date() })
        .where('plan_id', '=', plan.id).where('expert_user_id', '=', actor.userId).execute();
      await updatePlan(trx, plan, {});
      await appendAudit(trx, { ...auditActor(request, actor), action: 'plan:expert-declaration', objectType: 'zone_plan', objectId: plan.id, before: { declaration: row.declaration }, after: { declaration, note: request.body.note } });
    });
    return reviewView(db, plan, request.actor!);
  });

  app.put('/api/plans/:id/experts/me/scores', {
    config: { action: 'plan:expert', objectScoped: true }, serializerCompiler,
    schema: {
      tags: ['review'], summary: 'The assigned expert scores the plan on each criterion of Decree Art. 45 (0–10); needs its declaration of no conflict (guard no-conflict-of-interest)',
      ...planParams, body: ScoresInput, response: { 200: ReviewView, ...errors },
    },
  }, async (request) => {
    const sheet = checkScoreSheet(request.body.scores);
    if (sheet.length > 0) throw new AppError('validation', { fields: sheet.map((v) => ({ path: `/body/scores/${String(v.params['criterion'])}`, keyword: 'invalid' as const })) });
    const plan = await withPlan(request, request.params.id, async (trx, plan, actor, today) => {
      const row = await trx.selectFrom('plan_expert').select(['declaration', 'scores']).where('plan_id', '=', plan.id).where('expert_user_id', '=', actor.userId).executeTakeFirstOrThrow();
      const violations = row.declaration === 'no_conflict' ? [] : [{ code: row.declaration === null ? 'expert-not-declared' : 'expert-declared-conflict', rule: RECUSAL_RULE, params: {}, guard: 'no-conflict-of-interest' as const }];
      const to = move(plan, 'submit_expert_review', machineActor(actor, plan), { 'no-conflict-of-interest': row.declaration === 'no_conflict' }, violations, request.locale);
      await trx.updateTable('plan_expert').set({ scores: JSON.stringify(request.body.scores), comment: request.body.comment ? JSON.stringify(request.body.comment) : null, scored_at: new Date() })
        .where('plan_id', '=', plan.id).where('expert_user_id', '=', actor.userId).execute();
      await updatePlan(trx, plan, { state: to });
      // The history records that an expert scored, not the scores (they are for MSS and the committee).
      await addStep(trx, plan, { kind: 'submit_expert_review', to, on: today, body: { rescored: row.scores !== null }, actor });
      await appendAudit(trx, { ...auditActor(request, actor), action: 'plan:submit_expert_review', objectType: 'zone_plan', objectId: plan.id, before: { scores: row.scores }, after: { scores: request.body.scores, comment: request.body.comment } });
    });
    return reviewView(db, plan, request.actor!);
  });

  // ---------------------------------------------------------------------------------------------- responsible ministries

  app.post('/api/plans/:id/consultations', {
    config: { action: 'plan:review', objectScoped: true }, serializerCompiler,
    schema: {
      tags: ['review'], summary: 'MSS sends the plan to a responsible ministry for its written opinion; that ministry’s 30-day reply clock starts (RFZ Act Art. 75(2))',
      ...planParams, body: ConsultInput, response: { 200: ReviewView, ...errors },
    },
  }, async (request) => {
    const orgId = request.body.organisationId;
    const plan = await withPlan(request, request.params.id, async (trx, plan, actor, today) => {
      inReview(request.locale, plan, ['under_review']);
      const org = await trx.selectFrom('organisation').select(['id', 'name']).where('id', '=', orgId).where('kind', '=', 'responsible_ministry').executeTakeFirst();
      if (!org) throw invalid('/body/organisationId', 'unknown', { value: orgId });
      if (plan.consulted.includes(orgId)) throw new AppError('conflict', { params: { reason: frame(request.locale, 'already-consulted', { ministry: (org.name as I18nText)[request.locale] ?? org.name.ko }) } });
      const clock = ministryReplyClock(today, 'designation');
      await trx.insertInto('plan_ministry_consultation').values({
        plan_id: plan.id, organisation_id: orgId, requested_on: today, requested_by: actor.userId, clock: JSON.stringify(clock),
        replied_on: null, position: null, opinion: null, conditions: null, replied_by: null,
      }).execute();
      await updatePlan(trx, plan, {});
      await appendAudit(trx, { ...auditActor(request, actor), action: 'plan:consult-ministry', objectType: 'zone_plan', objectId: plan.id, before: null, after: { organisation: orgId, requestedOn: today } });
      const users = await trx.selectFrom('app_user').select('id').where('organisation_id', '=', orgId).where('disabled_at', 'is', null).execute();
      const who = await trx.selectFrom('app_user').select('display_name').where('id', '=', actor.userId).executeTakeFirst();
      await notify(trx, {
        userIds: users.map((u) => u.id), kind: 'opinion-requested', params: { subject: plan.content.title.ko, actor: who?.display_name ?? '', due: dueDate(clock, calendarOf(db))?.due ?? '' },
        link: `/plans/${plan.id}`, objectType: 'zone_plan', objectId: plan.id,
      });
    });
    return reviewView(db, plan, request.actor!);
  });

  app.post('/api/plans/:id/opinions', {
    config: { action: 'plan:opinion', objectScoped: true }, serializerCompiler,
    schema: {
      tags: ['review'], summary: 'A consulted responsible ministry gives its written opinion (agree, agree with conditions, disagree), once (RFZ Act Art. 75(2))',
      ...planParams, body: OpinionInput, response: { 200: ReviewView, ...errors },
    },
  }, async (request) => {
    const body = request.body;
    if (body.position === 'agree_with_conditions' && body.conditions === null) throw new AppError('validation', { fields: [{ path: '/body/conditions', keyword: 'required' }] });
    const plan = await withPlan(request, request.params.id, async (trx, plan, actor, today) => {
      inReview(request.locale, plan, ['under_review', 'supplement_requested']);
      const mine = (await ministryConsultations(trx, plan.id)).find((c) => c.ministry === actor.organisationId);
      const problems = checkOpinion(mine);
      if (problems.length > 0) throw refusal(request.locale, 'one-opinion-per-ministry', 'RFZ Act Art. 75(2)', problems);
      await trx.updateTable('plan_ministry_consultation').set({
        replied_on: today, position: body.position, opinion: JSON.stringify(body.opinion), conditions: body.conditions ? JSON.stringify(body.conditions) : null, replied_by: actor.userId,
      }).where('plan_id', '=', plan.id).where('organisation_id', '=', actor.organisationId).execute();
      await updatePlan(trx, plan, {});
      await addStep(trx, plan, { kind: 'ministry_opinion', to: plan.state, on: today, body: { position: body.position }, actor });
      await appendAudit(trx, { ...auditActor(request, actor), action: 'plan:ministry-opinion', objectType: 'zone_plan', objectId: plan.id, before: null, after: { position: body.position, opinion: body.opinion, conditions: body.conditions } });
    });
    return reviewView(db, plan, request.actor!);
  });
}
