// Zone plans (issue 3): drafting by one or several governments, invitations, sections, versions and diffs,
// joint sign-off on a content hash, public notice and hearing record, submission, review with pausable
// clocks, committee decision and designation. Every rule comes from src/domain (zones, calendar).
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Database } from '../../db/database.ts';
import { decide } from '../../domain/auth/policy.ts';
import type { Actor } from '../../domain/auth/types.ts';
import { dueDate, isOverdue, pauseClock, resumeClock, type ClockState } from '../../domain/calendar/clock.ts';
import { civilDate, type CivilDate } from '../../domain/calendar/civil-date.ts';
import type { HolidayCalendar } from '../../domain/calendar/holidays.ts';
import type { I18nText } from '../../domain/i18n-text.ts';
import { regionByCode } from '../../domain/regions/reference.ts';
import { checkApplicantsAndSites } from '../../domain/zones/eligibility.ts';
import { PLAN_GUARD_ARTICLES, PLAN_MACHINE, PLAN_STATES, type PlanAction, type PlanGuard, type PlanState } from '../../domain/zones/plan-machine.ts';
import { designateZone } from '../zones/designation.ts';
import { checkReturn } from '../../domain/zones/application-return.ts';
import { pendingMinistryReplies } from '../../domain/zones/ministry-opinions.ts';
import { consultationsOf, ministryConsultations, shiftConsultationClocks } from './review-store.ts';
import { checkMeetingNotice, checkZoneRedeliberation, designationDecisionClock, ministryReplyClock } from '../../domain/zones/procedure.ts';
import { recordSignOff, withdrawSignOff } from '../../domain/zones/signoff.ts';
import { attempt, availableActions, type Actor as MachineActor, type Facts, type Violation } from '../../domain/zones/transition-table.ts';
import type { Locale } from '../../i18n/locales.ts';
import { authorize } from '../auth/authorize.ts';
import { notifyTransition } from './notify-transition.ts';
import { appendAudit } from '../audit/append.ts';
import { AppError, notFound, type FieldError, type GuardProblem } from '../errors.ts';
import { ProblemSchema } from '../http/schemas.ts';
import {
  applicantsOf, checkCommon, checkSection, EMPTY_CONSULTATION, emptyContent, participantsOf, withCommon, withPartners, withSection,
} from './content.ts';
import { diffJson } from './diff.ts';
import { checkNeeds, coverageFor, CoverageSchema, unknownRegulations } from '../exemptions/needs.ts';
import { calendarOf } from '../calendar/provider.ts';
import { evaluatePlan, guardOf, signOffItemViolations, todayInSeoul, type GuardedViolation } from './evaluate.ts';
import { frame } from './messages.ts';
import { regionLabel, zoneViolationSentence } from '../../i18n/violations/index.ts';
import {
  CommonInput, ConsultationInput, CreateInput, DecisionInput, DiffView, InviteInput, ModelSchema, PlanParams, PlanSummary, PlanView,
  RedeliberationInput, ReferInput, ReturnInput, SectionInput, SectionParams, SignOffInput, SupplementAnswerInput, SupplementRequestInput, VersionParams, VersionSummary,
} from './schemas.ts';
import {
  addStep, insertPlan, listPlans, loadPlan, loadSteps, planEtag, planTarget, saveContent, saveSignOffs, signOffSet, updatePlan,
  type Clocks, type PlanRecord,
} from './store.ts';
import { machineActor, planSummary, planView } from './view.ts';

// The plan view is large and nullable-heavy: fast-json-stringify spends ~25 ms per answer resolving its anyOf
// branches. Plan routes serialise with JSON.stringify; the response schemas stay for the OpenAPI document.
const serializerCompiler = () => (data: unknown): string => JSON.stringify(data);

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 412: ProblemSchema };
const BEFORE_SUBMISSION: readonly PlanState[] = ['drafting', 'signing_off'];

const conflict = (reason: string): AppError => new AppError('conflict', { params: { reason } });
const invalid = (fields: FieldError[]): AppError => new AppError('validation', { fields });

function guarded(violations: readonly Violation[]): GuardedViolation[] {
  return violations.map((v) => ({ ...v, guard: guardOf(v) }));
}

/** Tries a move of the plan machine; a refusal becomes 403 (role) or 409 (state, guards) naming the guards and the article,
 *  in the text and as data (`transition`, `guards` with each guard's article and the violations behind it). */
export function move(plan: PlanRecord, action: PlanAction, actor: MachineActor, facts: Facts<PlanGuard>, violations: readonly GuardedViolation[], locale: Locale): PlanState {
  const result = attempt(PLAN_MACHINE, plan.state, action, actor, facts);
  if (result.ok) return result.to;
  if (result.code === 'role-not-allowed') throw new AppError('forbidden');
  if (result.code === 'no-such-transition') {
    const allowed = availableActions(PLAN_MACHINE, plan.state, actor).map((a) => a.action);
    throw new AppError('conflict', {
      params: { reason: frame(locale, 'no-such-transition', { action, state: plan.state, allowed: allowed.join(', ') || '—' }) },
      extensions: { transition: { state: plan.state, action, allowed } },
    });
  }
  const blocking = violations.filter((v) => v.guard !== null && result.failedGuards.includes(v.guard) && (v.severity ?? 'error') === 'error');
  const refused = { code: 'guard-failed', rule: result.rule, params: { action, guards: result.failedGuards.join(', ') }, scope: 'zone' as const };
  throw new AppError('conflict', {
    violations: [refused, ...blocking.map(({ code, rule, params }) => ({ code, rule, params, scope: 'zone' as const }))],
    extensions: {
      transition: { state: plan.state, action, allowed: availableActions(PLAN_MACHINE, plan.state, actor).map((a) => a.action) },
      guards: result.guards.map((g) => guardProblem(locale, g.guard, g.article, blocking.filter((v) => v.guard === g.guard))),
    },
  });
}

export function guardProblem(locale: Locale, guard: string, article: string, violations: readonly Violation[]): GuardProblem {
  return { guard, article, violations: violations.map((v) => ({ code: v.code, rule: v.rule, params: { ...v.params }, message: zoneViolationSentence(locale, v) })) };
}

/** A rule checked when content is saved (e.g. a capital-area site): 409 naming the guard and each violation. */
function ruleFailure(locale: Locale, guard: PlanGuard, violations: readonly Violation[]): AppError {
  return new AppError('conflict', {
    violations: violations.map((v) => ({ ...v, scope: 'zone' as const })),
    extensions: { guards: [guardProblem(locale, guard, PLAN_GUARD_ARTICLES[guard], violations)] },
  });
}

function checkIfMatch(request: FastifyRequest, plan: PlanRecord, required: boolean): void {
  const header = request.headers['if-match'];
  if (header === undefined) {
    if (required) throw invalid([{ path: '/headers/if-match', keyword: 'required' }]);
    return;
  }
  const tags = header.split(',').map((t) => t.trim().replace(/^W\//, ''));
  if (!tags.includes('*') && !tags.includes(planEtag(plan))) throw new AppError('precondition-failed');
}

const auditActor = (request: FastifyRequest, actor: Actor) => ({ requestId: request.id, actorUserId: actor.userId, actorOrganisationId: actor.organisationId });
const summaryOf = (plan: PlanRecord) => ({ state: plan.state, contentVersion: plan.contentVersion, contentHash: plan.contentHash, revision: plan.revision });

function runningClocks(clocks: Clocks): (keyof Clocks)[] {
  return (['decision', 'ministryReply'] as const).filter((k) => clocks[k] !== undefined && clocks[k]!.stoppedOn === null);
}

function stopClocks(clocks: Clocks, names: readonly (keyof Clocks)[], on: CivilDate): Clocks {
  const next: Clocks = { ...clocks };
  for (const name of names) if (next[name] && next[name]!.stoppedOn === null) next[name] = { ...next[name]!, stoppedOn: on };
  return next;
}

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

  /** Loads the plan under a row lock, authorises the route's action on it, checks If-Match, runs `change`. */
  async function mutate(
    request: FastifyRequest,
    id: string,
    options: { section?: string; ifMatch: 'required' | 'optional' },
    change: (trx: Database, plan: PlanRecord, actor: Actor, today: CivilDate) => Promise<void>,
  ): Promise<void> {
    const today = todayInSeoul();
    await db.transaction().execute(async (trx) => {
      const plan = await loadPlan(trx, id, { forUpdate: true });
      if (!plan) throw notFound('plan');
      const actor = authorize(request, planTarget(plan, options.section));
      checkIfMatch(request, plan, options.ifMatch === 'required');
      await change(trx, plan, actor, today);
    });
  }

  /** A transition without content change: state, optional record, clocks, step and audit. */
  async function transition(
    trx: Database, request: FastifyRequest, plan: PlanRecord, actor: Actor, today: CivilDate,
    spec: { action: PlanAction; as?: MachineActor; facts?: Facts<PlanGuard>; violations?: readonly GuardedViolation[]; body?: unknown; clocks?: Clocks; patch?: Parameters<typeof updatePlan>[2] },
  ): Promise<PlanState> {
    const to = move(plan, spec.action, spec.as ?? machineActor(actor, plan), spec.facts ?? {}, spec.violations ?? [], request.locale);
    await updatePlan(trx, plan, { state: to, ...(spec.clocks ? { clocks: spec.clocks } : {}), ...(spec.patch ?? {}) });
    await addStep(trx, plan, { kind: spec.action, to, on: today, body: spec.body ?? {}, actor });
    await appendAudit(trx, {
      ...auditActor(request, actor), action: `plan:${spec.action}`, objectType: 'zone_plan', objectId: plan.id,
      before: summaryOf(plan), after: { state: to, record: spec.body ?? null },
    });
    await notifyTransition(trx, plan, actor, to);
    return to;
  }

  const planParams = { params: PlanParams };

  // ---------------------------------------------------------------------------------------------- reading

  app.get('/api/plans', {
    config: { action: 'plan:list' }, serializerCompiler,
    schema: {
      tags: ['plans'], summary: 'Zone plans the caller may see (its own and its partners’; all for the ministry)',
      querystring: Type.Object({ state: Type.Optional(Type.Enum([...PLAN_STATES])), model: Type.Optional(ModelSchema) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(PlanSummary) }), 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema },
    },
  }, async (request) => {
    const { state, model } = request.query;
    const plans = (await listPlans(db)).filter((p) => (state === undefined || p.state === state) && (model === undefined || p.content.model === model)
      && decide(request.actor, 'plan:read', planTarget(p)).allowed);
    return { items: plans.map(planSummary) };
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
    schema: { tags: ['plans'], summary: 'Every saved version of the plan content, with its SHA-256 hash', ...planParams, response: { 200: Type.Object({ items: Type.Array(VersionSummary) }), ...errors } },
  }, async (request) => {
    const plan = await loadPlan(db, request.params.id);
    if (!plan) throw notFound('plan');
    authorize(request, planTarget(plan));
    const rows = await db.selectFrom('zone_plan_version').leftJoin('app_user', 'app_user.id', 'zone_plan_version.created_by')
      .select(['version', 'content_hash', 'change', 'zone_plan_version.created_at', 'created_region', 'app_user.display_name'])
      .where('plan_id', '=', plan.id).orderBy('version').execute();
    return {
      items: rows.map((r) => ({
        version: r.version, contentHash: r.content_hash, change: r.change, createdAt: r.created_at.toISOString(), createdRegion: r.created_region, createdBy: r.display_name,
      })),
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
    schema: { tags: ['plans'], summary: 'Start a plan led by the caller’s government (RFZ Act Art. 72(1))', body: CreateInput, response: { 201: PlanView, ...errors } },
  }, async (request, reply) => {
    const { model, leadRegion, title } = request.body;
    const actor = authorize(request, { kind: 'region', code: leadRegion });
    if (!regionByCode(leadRegion)) throw invalid([{ path: '/body/leadRegion', keyword: 'unknown', params: { value: leadRegion } }]);
    const content = emptyContent(model, leadRegion, title as I18nText);
    const eligibility = checkApplicantsAndSites(applicantsOf(content), []).filter((v) => v.code !== 'no-site');
    if (eligibility.length > 0) throw ruleFailure(request.locale, 'applicants-eligible', eligibility);
    const id = randomUUID();
    await db.transaction().execute(async (trx) => {
      await insertPlan(trx, { id, content, demo: false, actor, change: 'create', consultation: EMPTY_CONSULTATION });
      await appendAudit(trx, { ...auditActor(request, actor), action: 'plan:create', objectType: 'zone_plan', objectId: id, before: null, after: { model, leadRegion, title } });
    });
    reply.code(201).header('location', `/api/plans/${id}`);
    return respond(request, reply, id);
  });

  app.put('/api/plans/:id', {
    config: { action: 'plan:lead', objectScoped: true }, serializerCompiler,
    schema: {
      tags: ['plans'], summary: 'The lead government edits the common part (model, title, industries, stages, exemptions, period, KPIs, narrative); If-Match required; withdraws every sign-off if the content changes',
      ...planParams, body: CommonInput, response: { 200: PlanView, ...errors },
    },
  }, async (request, reply) => {
    const problems = [
      ...checkCommon(request.body),
      ...await unknownRegulations(db, request.body.exemptions.map((e) => e.regulationId), (i) => `/body/exemptions/${i}/regulationId`),
      ...await checkNeeds(db, request.body.needs ?? [], '/body/needs'),
    ];
    await mutate(request, request.params.id, { ifMatch: 'required' }, async (trx, plan, actor) => {
      if (problems.length > 0) throw invalid(problems);
      const to = move(plan, 'edit', machineActor(actor, plan), {}, [], request.locale);
      const saved = await saveContent(trx, plan, withCommon(plan.content, request.body), 'common', actor, to);
      await appendAudit(trx, {
        ...auditActor(request, actor), action: 'plan:edit-common', objectType: 'zone_plan', objectId: plan.id,
        before: summaryOf(plan), after: { ...summaryOf(saved), changed: diffJson(plan.content, saved.content).map((c) => c.path) },
      });
    });
    return respond(request, reply, request.params.id);
  });

  app.put('/api/plans/:id/sections/:region', {
    config: { action: 'plan:edit-section', objectScoped: true }, serializerCompiler,
    schema: {
      tags: ['plans'], summary: 'A participating government edits its own section (sites, companies, projects, budget); If-Match required',
      params: SectionParams, body: SectionInput, response: { 200: PlanView, ...errors },
    },
  }, async (request, reply) => {
    const region = request.params.region;
    await mutate(request, request.params.id, { section: region, ifMatch: 'required' }, async (trx, plan, actor) => {
      const problems = checkSection(request.body, plan.content);
      if (problems.length > 0) throw invalid(problems);
      // Every site lies outside the capital area and inside this government's territory (RFZ Act Art. 2(13)).
      const sites = request.body.sites.map((s) => ({ id: `${region}/${s.id}`, regionCode: s.regionCode }));
      const government = applicantsOf(plan.content).filter((a) => a.code === region);
      const eligibility = sites.length === 0 ? [] : checkApplicantsAndSites(government, sites);
      if (eligibility.length > 0) throw ruleFailure(request.locale, 'applicants-eligible', eligibility);
      const to = move(plan, 'edit', machineActor(actor, plan), {}, [], request.locale);
      const saved = await saveContent(trx, plan, withSection(plan.content, region, request.body), `section:${region}`, actor, to);
      await appendAudit(trx, {
        ...auditActor(request, actor), action: 'plan:edit-section', objectType: 'zone_plan', objectId: plan.id,
        before: summaryOf(plan), after: { ...summaryOf(saved), section: region, changed: diffJson(plan.content, saved.content).map((c) => c.path) },
      });
    });
    return respond(request, reply, request.params.id);
  });

  app.post('/api/plans/:id/partners', {
    config: { action: 'plan:lead', objectScoped: true }, serializerCompiler,
    schema: {
      tags: ['plans'], summary: 'The lead invites a partner government (joint plan, Decree Art. 40(2)); it sees the plan, owns a section and must sign off',
      ...planParams, body: InviteInput, response: { 200: PlanView, ...errors },
    },
  }, async (request, reply) => {
    const code = request.body.regionCode;
    await mutate(request, request.params.id, { ifMatch: 'optional' }, async (trx, plan, actor) => {
      if (!regionByCode(code)) throw invalid([{ path: '/body/regionCode', keyword: 'unknown', params: { value: code } }]);
      if (participantsOf(plan.content).includes(code)) throw conflict(frame(request.locale, 'already-participant', { region: regionLabel(request.locale, code) }));
      const next = withPartners(plan.content, [...plan.content.partners, code]);
      const eligibility = checkApplicantsAndSites(applicantsOf(next).filter((a) => a.code === code), []).filter((v) => v.code !== 'no-site');
      if (eligibility.length > 0) throw ruleFailure(request.locale, 'applicants-eligible', eligibility);
      const to = move(plan, 'edit', machineActor(actor, plan), {}, [], request.locale);
      const saved = await saveContent(trx, plan, next, `invite:${code}`, actor, to);
      await appendAudit(trx, { ...auditActor(request, actor), action: 'plan:invite', objectType: 'zone_plan', objectId: plan.id, before: summaryOf(plan), after: { ...summaryOf(saved), invited: code } });
    });
    return respond(request, reply, request.params.id);
  });

  app.delete('/api/plans/:id/partners/:region', {
    config: { action: 'plan:remove-participant', objectScoped: true }, serializerCompiler,
    schema: { tags: ['plans'], summary: 'A partner leaves the plan, or the lead drops it (before submission); withdraws every sign-off', params: SectionParams, response: { 200: PlanView, ...errors } },
  }, async (request, reply) => {
    const region = request.params.region;
    await mutate(request, request.params.id, { section: region, ifMatch: 'optional' }, async (trx, plan, actor) => {
      const to = move(plan, 'edit', machineActor(actor, plan), {}, [], request.locale);
      const saved = await saveContent(trx, plan, withPartners(plan.content, plan.content.partners.filter((p) => p !== region)), `leave:${region}`, actor, to);
      await appendAudit(trx, { ...auditActor(request, actor), action: 'plan:remove-participant', objectType: 'zone_plan', objectId: plan.id, before: summaryOf(plan), after: { ...summaryOf(saved), removed: region } });
    });
    return respond(request, reply, request.params.id);
  });

  app.put('/api/plans/:id/consultation', {
    config: { action: 'plan:lead', objectScoped: true }, serializerCompiler,
    schema: {
      tags: ['plans'], summary: 'Record the public notice, inspection, hearing and the opinions with responses (RFZ Act Art. 74(2); Decree Art. 43); If-Match required',
      ...planParams, body: ConsultationInput, response: { 200: PlanView, ...errors },
    },
  }, async (request, reply) => {
    const body = request.body;
    const problems: FieldError[] = [];
    const ids = new Set<string>();
    body.opinions.forEach((o, i) => {
      if (ids.has(o.id)) problems.push({ path: `/body/opinions/${i}/id`, keyword: 'duplicate' });
      ids.add(o.id);
    });
    const dates: [string, string | null][] = [['noticeOn', body.noticeOn], ['noticeUntil', body.noticeUntil], ['inspectionFrom', body.inspectionFrom], ['inspectionUntil', body.inspectionUntil]];
    for (const [field, value] of dates) if (value !== null && !isDate(value)) problems.push({ path: `/body/${field}`, keyword: 'format', params: { format: 'date' } });
    if (body.noticeOn && body.noticeUntil && body.noticeUntil < body.noticeOn) problems.push({ path: '/body/noticeUntil', keyword: 'invalid' });
    if (body.inspectionFrom && body.inspectionUntil && body.inspectionUntil < body.inspectionFrom) problems.push({ path: '/body/inspectionUntil', keyword: 'invalid' });
    if (body.hearing && body.hearing.heldOn < body.hearing.announcedOn) problems.push({ path: '/body/hearing/heldOn', keyword: 'invalid' });
    await mutate(request, request.params.id, { ifMatch: 'required' }, async (trx, plan, actor) => {
      if (problems.length > 0) throw invalid(problems);
      if (!BEFORE_SUBMISSION.includes(plan.state)) throw conflict(frame(request.locale, 'before-submission', { rule: 'RFZ Act Art. 74(2); Decree Art. 40(1)3', state: plan.state }));
      const consultation = { ...body, opinions: body.opinions.map((o) => ({ ...o, from: o.from.trim() })) };
      await updatePlan(trx, plan, { consultation });
      await appendAudit(trx, { ...auditActor(request, actor), action: 'plan:record-consultation', objectType: 'zone_plan', objectId: plan.id, before: plan.consultation, after: consultation });
    });
    return respond(request, reply, request.params.id);
  });

  // ---------------------------------------------------------------------------------------------- sign-off and submission

  app.post('/api/plans/:id/request-signoff', {
    config: { action: 'plan:lead', objectScoped: true }, serializerCompiler,
    schema: { tags: ['plans'], summary: 'The lead asks every participant to sign off the current version (guard: required-items-present)', ...planParams, response: { 200: PlanView, ...errors } },
  }, async (request, reply) => {
    await mutate(request, request.params.id, { ifMatch: 'optional' }, async (trx, plan, actor, today) => {
      const violations = signOffItemViolations(plan.content, plan.consultation);
      await transition(trx, request, plan, actor, today, {
        action: 'request_signoff', facts: { 'required-items-present': violations.length === 0 }, violations, body: { contentHash: plan.contentHash, contentVersion: plan.contentVersion },
      });
    });
    return respond(request, reply, request.params.id);
  });

  app.post('/api/plans/:id/signoff', {
    config: { action: 'plan:sign-off', objectScoped: true }, serializerCompiler,
    schema: {
      tags: ['plans'], summary: 'The caller’s government signs off the exact version it saw, named by its content hash (Decree Art. 40(2))',
      ...planParams, body: SignOffInput, response: { 200: PlanView, ...errors },
    },
  }, async (request, reply) => {
    await mutate(request, request.params.id, { ifMatch: 'optional' }, async (trx, plan, actor, today) => {
      const government = actor.regionCode!;
      const result = recordSignOff(signOffSet(plan), { government, contentHash: request.body.contentHash, signedOn: today, signedBy: actor.userId });
      const violations = guarded(result.ok ? [] : result.violations);
      const facts: Facts<PlanGuard> = {
        'signer-is-participant': !violations.some((v) => v.guard === 'signer-is-participant'),
        'signed-hash-is-current': !violations.some((v) => v.guard === 'signed-hash-is-current'),
      };
      const to = move(plan, 'sign_off', machineActor(actor, plan), facts, violations, request.locale);
      if (!result.ok) throw new Error('sign-off passed its guards but was refused');
      await saveSignOffs(trx, plan, result.value.signOffs, to);
      await addStep(trx, plan, { kind: 'sign_off', to, on: today, body: { government, contentHash: request.body.contentHash, contentVersion: plan.contentVersion }, actor });
      await appendAudit(trx, {
        ...auditActor(request, actor), action: 'plan:sign-off', objectType: 'zone_plan', objectId: plan.id,
        before: summaryOf(plan), after: { government, contentHash: request.body.contentHash, signedOn: today },
      });
    });
    return respond(request, reply, request.params.id);
  });

  app.delete('/api/plans/:id/signoff', {
    config: { action: 'plan:sign-off', objectScoped: true }, serializerCompiler,
    schema: { tags: ['plans'], summary: 'The caller’s government withdraws its sign-off (before submission)', ...planParams, response: { 200: PlanView, ...errors } },
  }, async (request, reply) => {
    await mutate(request, request.params.id, { ifMatch: 'optional' }, async (trx, plan, actor, today) => {
      if (!BEFORE_SUBMISSION.includes(plan.state)) throw conflict(frame(request.locale, 'before-submission', { rule: 'Decree Art. 40(2)', state: plan.state }));
      const government = actor.regionCode!;
      const withdrawn = plan.signOffs.find((s) => s.government === government);
      if (!withdrawn) return;
      const next = withdrawSignOff(signOffSet(plan), government);
      await saveSignOffs(trx, plan, next.signOffs, plan.state);
      await addStep(trx, plan, { kind: 'withdraw_sign_off', to: plan.state, on: today, body: { government, contentHash: withdrawn.contentHash, signedOn: withdrawn.signedOn }, actor });
      await appendAudit(trx, { ...auditActor(request, actor), action: 'plan:withdraw-sign-off', objectType: 'zone_plan', objectId: plan.id, before: summaryOf(plan), after: { government } });
    });
    return respond(request, reply, request.params.id);
  });

  app.post('/api/plans/:id/submit', {
    config: { action: 'plan:lead', objectScoped: true }, serializerCompiler,
    schema: {
      tags: ['plans'], summary: 'Submit the application to MSS (guards: sign-offs on the current hash, eligibility, connected-zone rule, public consultation, items; contiguity is a warning, or an error with REQUIRE_CONTIGUITY=true)',
      ...planParams, response: { 200: PlanView, ...errors },
    },
  }, async (request, reply) => {
    await mutate(request, request.params.id, { ifMatch: 'optional' }, async (trx, plan, actor, today) => {
      const evaluation = evaluatePlan(plan.content, plan.consultation, signOffSet(plan), today, app.services.config, calendarOf(db));
      const warnings = evaluation.violations.filter((v) => v.severity === 'warning').map((v) => ({ code: v.code, rule: v.rule, params: v.params }));
      await transition(trx, request, plan, actor, today, {
        action: 'submit', facts: evaluation.facts, violations: evaluation.violations,
        body: { contentHash: plan.contentHash, contentVersion: plan.contentVersion, warnings },
        clocks: { decision: { state: designationDecisionClock(today), stoppedOn: null } },
        patch: { submittedOn: today, decidedOn: null },
      });
    });
    return respond(request, reply, request.params.id);
  });

  app.post('/api/plans/:id/withdraw', {
    config: { action: 'plan:lead', objectScoped: true }, serializerCompiler,
    schema: { tags: ['plans'], summary: 'The lead withdraws the plan or application (RFZ Act Art. 72(1))', ...planParams, response: { 200: PlanView, ...errors } },
  }, async (request, reply) => {
    await mutate(request, request.params.id, { ifMatch: 'optional' }, async (trx, plan, actor, today) => {
      await transition(trx, request, plan, actor, today, { action: 'withdraw', clocks: stopClocks(plan.clocks, runningClocks(plan.clocks), today) });
    });
    return respond(request, reply, request.params.id);
  });

  // ---------------------------------------------------------------------------------------------- review (MSS)

  app.post('/api/plans/:id/accept', {
    config: { action: 'plan:review', objectScoped: true }, serializerCompiler,
    schema: { tags: ['plans'], summary: 'MSS accepts the application for review; the ministries’ 30-day reply clock starts (RFZ Act Art. 75(1)–(2))', ...planParams, response: { 200: PlanView, ...errors } },
  }, async (request, reply) => {
    await mutate(request, request.params.id, { ifMatch: 'optional' }, async (trx, plan, actor, today) => {
      const clocks: Clocks = { ...plan.clocks, ministryReply: plan.clocks.ministryReply ?? { state: ministryReplyClock(today, 'designation'), stoppedOn: null } };
      await transition(trx, request, plan, actor, today, { action: 'accept_for_review', clocks });
    });
    return respond(request, reply, request.params.id);
  });

  app.post('/api/plans/:id/supplement-requests', {
    config: { action: 'plan:review', objectScoped: true }, serializerCompiler,
    schema: { tags: ['plans'], summary: 'MSS requests a supplement; every running clock pauses (RFZ Act Art. 72(4), 75(2) proviso)', ...planParams, body: SupplementRequestInput, response: { 200: PlanView, ...errors } },
  }, async (request, reply) => {
    const answerBy = request.body.answerBy ?? null;
    await mutate(request, request.params.id, { ifMatch: 'optional' }, async (trx, plan, actor, today) => {
      if (answerBy !== null && (!isDate(answerBy) || answerBy <= today)) throw invalid([{ path: '/body/answerBy', keyword: 'minimum', params: { limit: today } }]);
      const clocks: Clocks = { ...plan.clocks };
      for (const name of runningClocks(plan.clocks)) {
        const paused = pauseClock(plan.clocks[name]!.state, today);
        if (paused.ok) clocks[name] = { ...plan.clocks[name]!, state: paused.state };
      }
      await shiftConsultationClocks(trx, plan.id, (clock) => { const r = pauseClock(clock, today); return r.ok ? r.state : clock; });
      await transition(trx, request, plan, actor, today, { action: 'request_supplement', clocks, body: request.body });
    });
    return respond(request, reply, request.params.id);
  });

  app.post('/api/plans/:id/supplement-answer', {
    config: { action: 'plan:lead', objectScoped: true }, serializerCompiler,
    schema: { tags: ['plans'], summary: 'The lead answers the supplement request; the clocks resume', ...planParams, body: SupplementAnswerInput, response: { 200: PlanView, ...errors } },
  }, async (request, reply) => {
    await mutate(request, request.params.id, { ifMatch: 'optional' }, async (trx, plan, actor, today) => {
      const clocks: Clocks = { ...plan.clocks };
      for (const name of runningClocks(plan.clocks)) {
        const resumed = resumeClock(plan.clocks[name]!.state, today);
        if (resumed.ok) clocks[name] = { ...plan.clocks[name]!, state: resumed.state };
      }
      clocks.ministryReply ??= { state: ministryReplyClock(today, 'designation'), stoppedOn: null };
      await shiftConsultationClocks(trx, plan.id, (clock) => { const r = resumeClock(clock, today); return r.ok ? r.state : clock; });
      await transition(trx, request, plan, actor, today, { action: 'answer_supplement', clocks, body: request.body });
    });
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
    await mutate(request, request.params.id, { ifMatch: 'optional' }, async (trx, plan, actor, today) => {
      const open = (await loadSteps(trx, plan.id)).filter((s) => s.kind === 'request_supplement').at(-1);
      const answerBy = (open?.body as { answerBy?: string | null } | undefined)?.answerBy ?? null;
      const check = checkReturn({ state: plan.state, missingItems: request.body.missingItems, answerBy: answerBy === null ? null : civilDate(answerBy), today });
      await transition(trx, request, plan, actor, today, {
        action: 'return', facts: check.facts, violations: guarded(check.violations), body: request.body,
        clocks: stopClocks(plan.clocks, runningClocks(plan.clocks), today),
      });
    });
    return respond(request, reply, request.params.id);
  });

  app.post('/api/plans/:id/refer', {
    config: { action: 'plan:review', objectScoped: true }, serializerCompiler,
    schema: {
      tags: ['plans'], summary: 'MSS refers the plan to the committee once the ministries replied or their 30 days ran out (RFZ Act Art. 75(2)–(3))',
      ...planParams, body: ReferInput, response: { 200: PlanView, ...errors },
    },
  }, async (request, reply) => {
    await mutate(request, request.params.id, { ifMatch: 'optional' }, async (trx, plan, actor, today) => {
      // Every ministry consulted through ZoneLink replied or ran out of its 30 days; ministries consulted outside
      // ZoneLink are vouched for by MSS (ministryRepliesComplete) or their common 30 days ran out (RFZ Act Art. 75(2)).
      const consultations = await ministryConsultations(trx, plan.id);
      const names = new Map((await consultationsOf(trx, plan.id)).map((c) => [c.organisation_id, c.name.ko]));
      const pending = pendingMinistryReplies(consultations, today, calendarOf(db)).map((v) => ({ ...v, params: { ...v.params, ministry: names.get(String(v.params['ministry'])) ?? null } }));
      const reply30 = plan.clocks.ministryReply;
      const due = reply30 !== undefined && isOverdue(reply30.state, today, calendarOf(db));
      const others = request.body.ministryRepliesComplete || due || consultations.length > 0;
      const ok = pending.length === 0 && others;
      const violations = guarded([...pending, ...(others ? [] : [{ code: 'ministry-replies-pending', rule: 'RFZ Act Art. 75(2)', params: { due: reply30 ? dueOf(reply30.state, calendarOf(db)) : null } }])]);
      await transition(trx, request, plan, actor, today, {
        action: 'refer_to_committee', facts: { 'ministry-replies-complete-or-due': ok }, violations, body: request.body,
        clocks: stopClocks(plan.clocks, ['ministryReply'], today),
      });
    });
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
    const body = request.body;
    const today = todayInSeoul();
    const problems: FieldError[] = [];
    for (const field of ['meetingOn', 'noticeGivenOn', 'periodStart', 'periodEnd'] as const) {
      const value = body[field];
      if (value !== null && !isDate(value)) problems.push({ path: `/body/${field}`, keyword: 'format', params: { format: 'date' } });
    }
    if (problems.length === 0) {
      if (body.meetingOn > today) problems.push({ path: '/body/meetingOn', keyword: 'maximum', params: { limit: today } });
      if (body.noticeGivenOn !== null && body.noticeGivenOn > body.meetingOn) problems.push({ path: '/body/noticeGivenOn', keyword: 'invalid' });
      if (body.present > body.members) problems.push({ path: '/body/present', keyword: 'maximum', params: { limit: body.members } });
      const designates = body.decision === 'designate' || body.decision === 'designate_with_conditions';
      if (designates) {
        if (body.periodStart === null) problems.push({ path: '/body/periodStart', keyword: 'required' });
        if (body.periodEnd === null) problems.push({ path: '/body/periodEnd', keyword: 'required' });
        if (body.periodStart !== null && body.periodStart < body.meetingOn) problems.push({ path: '/body/periodStart', keyword: 'invalid' });
        if (body.periodStart !== null && body.periodEnd !== null && body.periodEnd <= body.periodStart) problems.push({ path: '/body/periodEnd', keyword: 'invalid' });
      }
      if (body.decision === 'designate_with_conditions' && body.conditions === null) problems.push({ path: '/body/conditions', keyword: 'required' });
    }
    await mutate(request, request.params.id, { ifMatch: 'optional' }, async (trx, plan, actor) => {
      if (problems.length > 0) throw invalid(problems);
      const notice = checkMeetingNotice({ committee: body.committee, meetingOn: civilDate(body.meetingOn), noticeGivenOn: body.noticeGivenOn === null ? null : civilDate(body.noticeGivenOn), urgent: body.urgent }, calendarOf(db));
      // A quorum is a majority of the members; decisions by a majority of those present (Decree Art. 47(7), 49(7)).
      const quorum = body.present * 2 > body.members;
      const violations = guarded([
        ...notice,
        ...(quorum ? [] : [{ code: 'quorum-not-present', rule: body.committee === 'rfz_committee' ? 'Decree Art. 47(7)' : 'Decree Art. 49(7)', params: { members: body.members, present: body.present } }]),
      ]);
      const action: PlanAction = body.decision;
      const to = await transition(trx, request, plan, actor, today, {
        action, as: { role: 'committee' }, facts: { 'meeting-notice-given': notice.length === 0, 'quorum-present': quorum }, violations, body,
        clocks: stopClocks(plan.clocks, runningClocks(plan.clocks), today),
        patch: { decidedOn: today },
      });
      if (to === 'designated' || to === 'designated_with_conditions') {
        // Designation (RFZ Act Art. 75(3)–(4); Decree Art. 44(3)): the zone with its number and public notice.
        const designated = await designateZone(trx, {
          planId: plan.id, content: plan.content, zoneName: body.zoneName, meetingOn: body.meetingOn, periodStart: body.periodStart!, periodEnd: body.periodEnd!,
          conditions: body.conditions, gazettedOn: today, actorUserId: actor.userId,
        });
        const zoneId = designated.zoneId;
        await trx.updateTable('zone_plan').set({ zone_id: zoneId }).where('id', '=', plan.id).execute();
        await appendAudit(trx, {
          ...auditActor(request, actor), action: 'zone:designate', objectType: 'zone', objectId: zoneId, before: null,
          after: { plan: plan.id, number: designated.number, model: plan.content.model, regions: participantsOf(plan.content), periodStart: body.periodStart, periodEnd: body.periodEnd, conditions: body.conditions },
        });
      }
    });
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
    await mutate(request, request.params.id, { ifMatch: 'optional' }, async (trx, plan, actor, today) => {
      const previous = (await loadSteps(trx, plan.id)).filter((s) => s.kind === 'request_redeliberation').length;
      const notifiedOn = civilDate(plan.decidedOn ?? today);
      const violations = guarded(checkZoneRedeliberation({ notifiedOn, requestedOn: today, previous }, calendarOf(db)));
      await transition(trx, request, plan, actor, today, {
        action: 'request_redeliberation', violations, body: { ...request.body, decidedOn: plan.decidedOn, previous },
        facts: {
          'redeliberation-window-open': !violations.some((v) => v.guard === 'redeliberation-window-open'),
          'redeliberation-not-used': !violations.some((v) => v.guard === 'redeliberation-not-used'),
        },
      });
    });
    return respond(request, reply, request.params.id);
  });

  app.post('/api/plans/:id/revise', {
    config: { action: 'plan:lead', objectScoped: true }, serializerCompiler,
    schema: { tags: ['plans'], summary: 'After a return or a send-back, the lead reopens the plan for drafting (RFZ Act Art. 74(1), 75(5))', ...planParams, response: { 200: PlanView, ...errors } },
  }, async (request, reply) => {
    await mutate(request, request.params.id, { ifMatch: 'optional' }, async (trx, plan, actor, today) => {
      await transition(trx, request, plan, actor, today, { action: 'revise', clocks: {} });
    });
    return respond(request, reply, request.params.id);
  });
}

function isDate(value: string): boolean {
  try {
    civilDate(value);
    return true;
  } catch {
    return false;
  }
}

function dueOf(state: ClockState, calendar: HolidayCalendar): string | null {
  // Null while a supplement is open (no cap): nothing is due yet.
  return dueDate(state, calendar)?.due ?? null;
}
