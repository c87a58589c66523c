// A zone after designation: its public history, change requests (minor ones decided by MSS, others by the
// committee), yearly evaluations with grades, extension, hearing and cancellation, and post-management data
// requests. Every rule comes from src/domain/zones; every write is authorised, transactional and audited.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Database } from '../../db/database.ts';
import { decide } from '../../domain/auth/policy.ts';
import type { Actor } from '../../domain/auth/types.ts';
import { addDays, civilDate, type CivilDate } from '../../domain/calendar/civil-date.ts';
import type { HolidayCalendar } from '../../domain/calendar/holidays.ts';
import { checkMeetingNotice, postManagementEnd } from '../../domain/zones/procedure.ts';
import { attempt, availableActions, type Actor as MachineActor, type Facts, type Machine, type Violation } from '../../domain/zones/transition-table.ts';
import { CHANGE_MACHINE, CHANGE_REPLY_DAYS, classifyChange, type ChangeAction, type ChangeGuard } from '../../domain/zones/zone-changes.ts';
import { checkEvaluation, consequencesOf, evaluationDue, evaluationYears, gradeOf } from '../../domain/zones/zone-evaluation.ts';
import { ZONE_MACHINE, type ZoneAction, type ZoneGuard, type ZoneState } from '../../domain/zones/zone-machine.ts';
import { checkCancellation, checkDataRequest, checkExtension } from '../../domain/zones/zone-period.ts';
import type { Locale } from '../../i18n/locales.ts';
import { appendAudit } from '../audit/append.ts';
import { auditActor } from '../write/caller.ts';
import { authorize } from '../auth/authorize.ts';
import { AppError, notFound, type FieldError } from '../errors.ts';
import { Nullable, ProblemSchema } from '../../contract/common.ts';
import { inPageOrder, nextSchema, pageOf, pageQuery, readPage, type ListSpec } from '../http/pages.ts';
import { calendarOf } from '../calendar/provider.ts';
import { todayInSeoul } from '../plans/evaluate.ts';
import { frame } from './messages.ts';
import { notifyZone, usersOfOrganisation } from './notify-zone.ts';
import {
  ChangeDecisionInput, ChangeInput, ChangeParams, ChangeReviewInput, ChangeView, CancellationInput, DataAnswerInput, DataRequestInput,
  DataRequestParams, DataRequestView, EvaluationInput, EvaluationView, ExtensionInput, HearingInput, ZoneParams,
} from '../../contract/zone-after.ts';
import {
  addZoneEvent, changeOf, latestGrade, loadChange, loadEvaluations, loadHistory, loadZone, updateZone, zoneEtag, zoneTarget,
  type ChangeRecord, type ZoneRecord,
} from './store.ts';

const serializerCompiler = () => (data: unknown): string => JSON.stringify(data);
const conflict = (reason: string): AppError => new AppError('conflict', { params: { reason } });
const invalid = (fields: FieldError[]): AppError => new AppError('validation', { fields });
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 412: ProblemSchema };
const OPERATING: readonly ZoneState[] = ['designated', 'evaluated', 'extended'];

/** One move of a machine; a refusal is 403 (role) or 409 naming the failed guards, the article and each violation. */
function move<S extends string, A extends string, G extends string>(
  machine: Machine<S, A, G>, from: S, action: A, actor: MachineActor, facts: Facts<G>, violations: readonly Violation[], locale: Locale,
): S {
  const result = attempt(machine, from, action, actor, facts);
  if (result.ok) return result.to;
  if (result.code === 'role-not-allowed') throw new AppError('forbidden');
  if (result.code === 'no-such-transition') {
    const allowed = machine.transitions.filter((t) => t.from === from).map((t) => t.action).join(', ') || '—';
    throw conflict(frame(locale, 'no-such-transition', { action, state: from, allowed }));
  }
  const blocking = violations.filter((v) => (v.severity ?? 'error') === 'error');
  throw ruleFailure([{ code: 'guard-failed', rule: result.rule, params: { action, guards: result.failedGuards.join(', ') } }, ...blocking]);
}

/** 409 saying each violation as a sentence in the reader's language (src/i18n/violations), with the violations as data. */
function ruleFailure(violations: readonly Violation[]): AppError {
  return new AppError('conflict', { violations: violations.map(({ code, rule, params }) => ({ code, rule, params, scope: 'zone' as const })) });
}

function checkIfMatch(request: FastifyRequest, zone: ZoneRecord): void {
  const header = request.headers['if-match'];
  if (header === undefined) return;
  const tags = header.split(',').map((t) => t.trim().replace(/^W\//, ''));
  if (!tags.includes('*') && !tags.includes(zoneEtag(zone))) throw new AppError('precondition-failed');
}

function dateOrError(value: string, path: string, problems: FieldError[]): CivilDate | null {
  try {
    return civilDate(value);
  } catch {
    problems.push({ path, keyword: 'format', params: { format: 'date' } });
    return null;
  }
}

interface Meeting { committee: 'deliberation_committee' | 'rfz_committee'; meetingOn: string; noticeGivenOn: string | null; urgent: boolean }

/** The meeting's date must be a date no later than today, its notice no later than the meeting; then the 7-day notice rule. */
function meetingViolations(m: Meeting, today: CivilDate, calendar: HolidayCalendar): { fields: FieldError[]; violations: Violation[] } {
  const fields: FieldError[] = [];
  const meetingOn = dateOrError(m.meetingOn, '/body/meetingOn', fields);
  const noticeGivenOn = m.noticeGivenOn === null ? null : dateOrError(m.noticeGivenOn, '/body/noticeGivenOn', fields);
  if (meetingOn && meetingOn > today) fields.push({ path: '/body/meetingOn', keyword: 'maximum', params: { limit: today } });
  if (meetingOn && noticeGivenOn && noticeGivenOn > meetingOn) fields.push({ path: '/body/noticeGivenOn', keyword: 'invalid' });
  if (fields.length > 0 || !meetingOn) return { fields, violations: [] };
  return { fields, violations: checkMeetingNotice({ committee: m.committee, meetingOn, noticeGivenOn, urgent: m.urgent }, calendar) };
}

/** A zone's events in the order they were recorded, and its change requests oldest first (the zone is among the cursor's filters). */
const ZONE_HISTORY_LIST: ListSpec<'recorded'> = {
  list: 'zone-history', defaultSort: 'recorded', defaultLimit: 100, maxLimit: 500,
  orders: { recorded: { direction: 'asc', columns: [{ sql: 'zone_event.seq', type: 'int' }] } },
};
const DATA_REQUEST_LIST: ListSpec<'requested'> = {
  list: 'zone-data-requests', defaultSort: 'requested', defaultLimit: 100, maxLimit: 500,
  orders: { requested: { direction: 'asc', columns: [{ sql: 'zone_data_request.requested_on', type: 'date' }, { sql: 'zone_data_request.id', type: 'uuid' }] } },
};
const ZONE_CHANGE_LIST: ListSpec<'filed'> = {
  list: 'zone-changes', defaultSort: 'filed', defaultLimit: 100, maxLimit: 500,
  orders: { filed: { direction: 'asc', columns: [{ sql: 'zone_change.created_at', type: 'timestamptz' }, { sql: 'zone_change.id', type: 'uuid' }] } },
};

export async function zoneAfterRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.services;

  async function publicZone(id: string): Promise<ZoneRecord> {
    const zone = await loadZone(db, id);
    if (!zone) throw notFound('zone');
    return zone;
  }

  /** Loads the zone under a row lock, authorises `action`'s target, checks If-Match, runs `change`. */
  async function mutate<T>(request: FastifyRequest, id: string, change: (trx: Database, zone: ZoneRecord, actor: Actor, today: CivilDate) => Promise<T>, target?: (zone: ZoneRecord) => Parameters<typeof authorize>[1]): Promise<T> {
    const today = todayInSeoul();
    return db.transaction().execute(async (trx) => {
      const zone = await loadZone(trx, id, { forUpdate: true });
      if (!zone) throw notFound('zone');
      const actor = authorize(request, target ? target(zone) : zoneTarget(zone));
      checkIfMatch(request, zone);
      return change(trx, zone, actor, today);
    });
  }

  /** A move of the zone machine: state, version, history, audit, notification. */
  async function zoneMove(
    trx: Database, request: FastifyRequest, zone: ZoneRecord, actor: Actor, spec: {
      action: ZoneAction; as: MachineActor; facts: Facts<ZoneGuard>; violations: readonly Violation[]; today: CivilDate;
      patch?: Parameters<typeof updateZone>[2]; event: Parameters<typeof addZoneEvent>[2]; params: Record<string, unknown>;
    },
  ): Promise<ZoneState> {
    const to = move(ZONE_MACHINE, zone.state, spec.action, spec.as, spec.facts, spec.violations, request.locale);
    await updateZone(trx, zone, { state: to, ...(spec.patch ?? {}) });
    await addZoneEvent(trx, zone.id, spec.event, spec.today, spec.params, actor.userId);
    await appendAudit(trx, { ...auditActor({ requestId: request.id }, actor), action: `zone:${spec.action}`, objectType: 'zone', objectId: zone.id, before: { state: zone.state, version: zone.version, periodEnd: zone.periodEnd }, after: { state: to, ...spec.params } });
    return to;
  }

  async function respondZone(reply: FastifyReply, id: string) {
    const zone = await publicZone(id);
    reply.header('etag', zoneEtag(zone));
    return { id: zone.id, state: zone.state, version: zone.version, periodEnd: zone.periodEnd, endedOn: zone.endedOn, postManagementUntil: zone.postManagementUntil };
  }
  const ZoneStateView = Type.Object({ id: Type.String(), state: Type.String(), version: Type.Integer(), periodEnd: Nullable(Type.String()), endedOn: Nullable(Type.String()), postManagementUntil: Nullable(Type.String()) });

  // ---------------------------------------------------------------------------------------------- public reading

  app.get('/api/zones/:id/history', {
    config: { action: 'public', readCache: { topics: ['zones', 'organisations'] } }, serializerCompiler,
    schema: {
      tags: ['zones'], summary: 'The zone’s public history: designation, changes, evaluations, extension, hearing, cancellation or expiry, post-management; oldest first, in pages',
      params: ZoneParams, querystring: Type.Object(pageQuery(ZONE_HISTORY_LIST), { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Type.Object({ kind: Type.String(), on: Type.String(), params: Type.Unknown() })), next: nextSchema }), ...errors },
    },
  }, async (request) => {
    const zone = await publicZone(request.params.id);
    const page = readPage(ZONE_HISTORY_LIST, { limit: request.query.limit, cursor: request.query.cursor }, { zone: zone.id }, await app.services.listKey());
    const query = db.selectFrom('zone_event').select(['kind', 'on_date', 'params']).where('zone_id', '=', zone.id);
    const { rows, next } = pageOf(page, await inPageOrder(query, page).execute());
    return { items: rows.map((r) => ({ kind: r.kind, on: r.on_date, params: r.params })), next };
  });

  app.get('/api/zones/:id/evaluations', {
    config: { action: 'public', readCache: { topics: ['zones', 'organisations'] } }, serializerCompiler,
    schema: {
      tags: ['zones'], summary: 'Yearly evaluations with grades and their consequences (published: Decree Art. 54(3)), and the years due',
      params: ZoneParams, response: { 200: Type.Object({ items: Type.Array(EvaluationView), due: Type.Array(Type.Object({ year: Type.Integer(), due: Type.String(), recorded: Type.Boolean() })) }), ...errors },
    },
  }, async (request) => {
    const zone = await publicZone(request.params.id);
    const items = await loadEvaluations(db, zone.id);
    const years = zone.periodStart && zone.periodEnd && zone.source !== 'reference' ? evaluationYears(civilDate(zone.periodStart), civilDate(zone.periodEnd), todayInSeoul()) : [];
    return {
      items: items.map((e) => ({ ...e, consequences: consequencesOf(e.grade) })),
      due: years.map((year) => ({ year, due: evaluationDue(year, calendarOf(db)), recorded: items.some((e) => e.year === year) })),
    };
  });

  function changeView(change: ChangeRecord, zone: ZoneRecord, actor: Actor | null) {
    const roles: MachineActor[] = [];
    if (actor && decide(actor, 'zone:request-change', zoneTarget(zone)).allowed) roles.push({ role: 'local_government' });
    if (actor && decide(actor, 'zone:review').allowed) roles.push({ role: 'ministry' });
    if (actor && decide(actor, 'zone:decide').allowed) roles.push({ role: 'committee' });
    const actions = new Set<string>();
    for (const role of roles) for (const a of availableActions(CHANGE_MACHINE, change.state, role, changeFacts(change))) if (a.blockedBy.length === 0 || role.role === 'committee') actions.add(a.action);
    return { ...change, actions: [...actions] };
  }

  app.get('/api/zones/:id/changes', {
    config: { action: 'public', readCache: { topics: ['zones', 'organisations'] } }, serializerCompiler,
    schema: {
      tags: ['zones'], summary: 'Change requests of the zone with their state (minor per Decree Art. 52(2) or through the committee); oldest first, in pages',
      params: ZoneParams, querystring: Type.Object(pageQuery(ZONE_CHANGE_LIST), { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(ChangeView), next: nextSchema }), ...errors },
    },
  }, async (request) => {
    const zone = await publicZone(request.params.id);
    const page = readPage(ZONE_CHANGE_LIST, { limit: request.query.limit, cursor: request.query.cursor }, { zone: zone.id }, await app.services.listKey());
    const { rows, next } = pageOf(page, await inPageOrder(db.selectFrom('zone_change').selectAll().where('zone_id', '=', zone.id), page).execute());
    return { items: rows.map((r) => changeView(changeOf(r), zone, request.actor)), next };
  });

  // ---------------------------------------------------------------------------------------------- changes

  function changeFacts(change: ChangeRecord, extra: Partial<Record<ChangeGuard, boolean>> = {}): Facts<ChangeGuard> {
    return { 'change-is-minor': change.minor, 'change-is-not-minor': !change.minor, ...extra };
  }

  async function changeMove(trx: Database, request: FastifyRequest, zone: ZoneRecord, change: ChangeRecord, actor: Actor, today: CivilDate, spec: {
    action: ChangeAction; as: MachineActor; facts?: Partial<Record<ChangeGuard, boolean>>; violations?: readonly Violation[]; decision?: unknown; replyDue?: string;
  }): Promise<void> {
    const to = move(CHANGE_MACHINE, change.state, spec.action, spec.as, changeFacts(change, spec.facts), spec.violations ?? [], request.locale);
    const decided = to === 'approved' || to === 'rejected';
    await trx.updateTable('zone_change').set({
      state: to, version: change.version + 1,
      ...(decided ? { decided_on: today, decision: JSON.stringify(spec.decision ?? null) } : {}),
      ...(spec.replyDue ? { reply_due: spec.replyDue } : {}),
    }).where('id', '=', change.id).execute();
    const event = to === 'rejected' ? 'change-rejected' : to === 'withdrawn' ? 'change-withdrawn' : 'change-accepted';
    const params = { change: change.id, items: change.items, minor: change.minor };
    if (to !== 'approved') await addZoneEvent(trx, zone.id, event, today, params, actor.userId);
    await appendAudit(trx, { ...auditActor({ requestId: request.id }, actor), action: `zone-change:${spec.action}`, objectType: 'zone_change', objectId: change.id, before: { state: change.state }, after: { state: to, decision: spec.decision ?? null } });
    if (to === 'approved') {
      // The approved change is recorded on the zone (Art. 81(3): applies from its notice).
      await zoneMove(trx, request, zone, actor, {
        action: 'record_change', as: { role: 'ministry' }, facts: { 'change-procedure-complete': true }, violations: [], today,
        event: 'change-approved', params,
      });
    } else {
      await updateZone(trx, zone, {});
    }
    await notifyZone(trx, zone, { state: 'zone:change_moved', params: { changeState: to }, actorUserId: actor.userId });
  }

  app.post('/api/zones/:id/changes', {
    config: { action: 'zone:request-change', objectScoped: true }, serializerCompiler,
    schema: { tags: ['zones'], summary: 'The zone’s local government applies for a change (RFZ Act Art. 81(1)); minor or not is decided by Decree Art. 52(2)', params: ZoneParams, body: ChangeInput, response: { 201: ChangeView, ...errors } },
  }, async (request, reply) => {
    const body = request.body;
    const change = await mutate(request, request.params.id, async (trx, zone, actor, today) => {
      if (!OPERATING.includes(zone.state)) throw conflict(frame(request.locale, 'no-such-transition', { action: 'request_change', state: zone.state, allowed: '—' }));
      const classification = classifyChange(body.items, body.areaChangePercent);
      const blocking = classification.reasons.filter((v) => v.code === 'area-change-without-percent');
      if (blocking.length > 0) throw invalid([{ path: '/body/areaChangePercent', keyword: 'required' }]);
      const id = randomUUID();
      const region = actor.regionCode!;
      await trx.insertInto('zone_change').values({
        id, zone_id: zone.id, state: 'filed', items: JSON.stringify(body.items), area_change_percent: body.areaChangePercent, description: JSON.stringify(body.description),
        minor: classification.minor, filed_by_region: region, filed_on: today, reply_due: null, decided_on: null, decision: null,
      }).execute();
      await updateZone(trx, zone, {});
      await addZoneEvent(trx, zone.id, 'change-filed', today, { change: id, items: body.items, minor: classification.minor, region }, actor.userId);
      await appendAudit(trx, { ...auditActor({ requestId: request.id }, actor), action: 'zone-change:file', objectType: 'zone_change', objectId: id, before: null, after: { zone: zone.id, items: body.items, minor: classification.minor, areaChangePercent: body.areaChangePercent } });
      await notifyZone(trx, zone, { state: 'zone:change_filed', params: { minor: classification.minor ? 'yes' : 'no' }, actorUserId: actor.userId });
      return (await loadChange(trx, zone.id, id))!;
    });
    const zone = await publicZone(request.params.id);
    reply.code(201);
    return changeView(change, zone, request.actor);
  });

  async function withChange<T>(request: FastifyRequest, params: { id: string; changeId: string }, run: (trx: Database, zone: ZoneRecord, change: ChangeRecord, actor: Actor, today: CivilDate) => Promise<T>): Promise<T> {
    return mutate(request, params.id, async (trx, zone, actor, today) => {
      const change = await loadChange(trx, zone.id, params.changeId, { forUpdate: true });
      if (!change) throw notFound('zone');
      return run(trx, zone, change, actor, today);
    });
  }

  async function respondChange(request: FastifyRequest, params: { id: string; changeId: string }) {
    const zone = await publicZone(params.id);
    return changeView((await loadChange(db, zone.id, params.changeId))!, zone, request.actor);
  }

  app.post('/api/zones/:id/changes/:changeId/withdraw', {
    config: { action: 'zone:request-change', objectScoped: true }, serializerCompiler,
    schema: { tags: ['zones'], summary: 'The local government withdraws its change request before the decision', params: ChangeParams, response: { 200: ChangeView, ...errors } },
  }, async (request) => {
    await withChange(request, request.params, (trx, zone, change, actor, today) => changeMove(trx, request, zone, change, actor, today, { action: 'withdraw', as: { role: 'local_government' } }));
    return respondChange(request, request.params);
  });

  app.post('/api/zones/:id/changes/:changeId/review', {
    config: { action: 'zone:review', objectScoped: true }, serializerCompiler,
    schema: {
      tags: ['zones'], summary: 'MSS approves a minor change in consultation with the local head (Art. 81(2) proviso), accepts another for review (15-day ministry reply, Art. 81(2)), or rejects it',
      params: ChangeParams, body: ChangeReviewInput, response: { 200: ChangeView, ...errors },
    },
  }, async (request) => {
    const body = request.body;
    await withChange(request, request.params, (trx, zone, change, actor, today) => {
      const violations = change.minor ? [] : classifyChange(change.items, change.areaChangePercent).reasons;
      const replyDue = body.action === 'accept_for_review' ? addDays(today, CHANGE_REPLY_DAYS) : undefined;
      return changeMove(trx, request, zone, change, actor, today, { action: body.action, as: { role: 'ministry' }, violations, decision: { by: 'ministry', note: body.note }, ...(replyDue ? { replyDue } : {}) });
    });
    return respondChange(request, request.params);
  });

  app.post('/api/zones/:id/changes/:changeId/committee-decision', {
    config: { action: 'zone:decide', objectScoped: true }, serializerCompiler,
    schema: {
      tags: ['zones'], summary: 'Record the committee’s decision on a non-minor change (Art. 81(2), 75(3), 79(1)2); 7-day meeting notice and the ministries’ 15-day reply are guards',
      params: ChangeParams, body: ChangeDecisionInput, response: { 200: ChangeView, ...errors },
    },
  }, async (request) => {
    const body = request.body;
    await withChange(request, request.params, (trx, zone, change, actor, today) => {
      const meeting = meetingViolations(body, today, calendarOf(db));
      if (meeting.fields.length > 0) throw invalid(meeting.fields);
      const repliesDue = change.replyDue !== null && today > change.replyDue;
      const replies = body.ministryRepliesComplete || repliesDue;
      const violations: Violation[] = [...meeting.violations, ...(replies ? [] : [{ code: 'ministry-replies-pending', rule: 'RFZ Act Art. 81(2), 75(2)', params: { due: change.replyDue } }])];
      return changeMove(trx, request, zone, change, actor, today, {
        action: body.decision, as: { role: 'committee' }, facts: { 'meeting-notice-given': meeting.violations.length === 0, 'ministry-replies-complete-or-due': replies }, violations,
        decision: { by: body.committee, meetingOn: body.meetingOn, note: body.note },
      });
    });
    return respondChange(request, request.params);
  });

  // ---------------------------------------------------------------------------------------------- evaluations

  app.post('/api/zones/:id/evaluations', {
    config: { action: 'zone:review', objectScoped: true }, serializerCompiler,
    schema: {
      tags: ['zones'], summary: 'MSS records a year’s evaluation confirmed by the committee (Art. 83(1), (3); Decree Art. 54): scores on the four criteria give the grade',
      params: ZoneParams, body: EvaluationInput, response: { 201: EvaluationView, ...errors },
    },
  }, async (request, reply) => {
    const body = request.body;
    const problems: FieldError[] = [];
    const confirmedOn = dateOrError(body.confirmedOn, '/body/confirmedOn', problems);
    const grade = gradeOf(body.scores);
    await mutate(request, request.params.id, async (trx, zone, actor, today) => {
      if (problems.length > 0 || !confirmedOn) throw invalid(problems);
      if (!zone.periodStart || !zone.periodEnd) throw conflict(frame(request.locale, 'no-such-transition', { action: 'evaluate', state: zone.state, allowed: '—' }));
      const existing = await loadEvaluations(trx, zone.id);
      const violations = checkEvaluation({ year: body.year, periodStart: civilDate(zone.periodStart), periodEnd: civilDate(zone.periodEnd), confirmedOn, today, alreadyEvaluated: existing.map((e) => e.year) });
      if (!OPERATING.includes(zone.state)) move(ZONE_MACHINE, zone.state, 'evaluate', { role: 'ministry' }, {}, [], request.locale);
      if (violations.length > 0) throw ruleFailure(violations);
      await trx.insertInto('zone_evaluation').values({
        id: randomUUID(), zone_id: zone.id, year: body.year, grade, scores: JSON.stringify(body.scores), summary: JSON.stringify(body.summary), confirmed_on: confirmedOn, recorded_by: actor.userId,
      }).execute();
      await zoneMove(trx, request, zone, actor, {
        action: 'evaluate', as: { role: 'ministry' }, facts: { 'evaluation-confirmed': true }, violations: [], today, event: 'evaluated', params: { year: body.year, grade },
      });
      const consequences = consequencesOf(grade);
      // A poor grade warns the zone's governments that MSS may cancel the zone (Art. 82(3)) and asks for improvement (Art. 83(3)).
      await notifyZone(trx, zone, {
        state: 'zone:evaluated',
        params: { year: body.year, grade, ...(consequences.cancellationWarning ? { consequence: 'cancellation', rule: 'RFZ Act Art. 82(3)' } : consequences.improvementRequired ? { consequence: 'improvement', rule: 'RFZ Act Art. 83(3)' } : { consequence: 'none' }) },
        actorUserId: actor.userId });
    });
    const saved = (await loadEvaluations(db, request.params.id)).find((e) => e.year === body.year)!;
    reply.code(201);
    return { ...saved, consequences: consequencesOf(saved.grade) };
  });

  // ---------------------------------------------------------------------------------------------- extension, hearing, cancellation

  app.post('/api/zones/:id/extension', {
    config: { action: 'zone:decide', objectScoped: true }, serializerCompiler,
    schema: {
      tags: ['zones'], summary: 'Record the committee’s extension of the designation period (a change of the designation, Art. 81; Decree Art. 44(3)2): before expiry, after an evaluation not graded poor, at most 4 years',
      params: ZoneParams, body: ExtensionInput, response: { 200: ZoneStateView, ...errors },
    },
  }, async (request, reply) => {
    const body = request.body;
    await mutate(request, request.params.id, async (trx, zone, actor, today) => {
      const meeting = meetingViolations(body, today, calendarOf(db));
      const newEnd = dateOrError(body.newPeriodEnd, '/body/newPeriodEnd', meeting.fields);
      if (meeting.fields.length > 0 || !newEnd) throw invalid(meeting.fields);
      if (!zone.periodEnd) throw conflict(frame(request.locale, 'no-such-transition', { action: 'extend', state: zone.state, allowed: '—' }));
      const grade = latestGrade(await loadEvaluations(trx, zone.id));
      const rules = checkExtension({ periodEnd: civilDate(zone.periodEnd), newPeriodEnd: newEnd, today, latestGrade: grade });
      const facts: Facts<ZoneGuard> = {
        'before-expiry': !rules.some((v) => v.code === 'extension-after-expiry'),
        'extension-allowed': !rules.some((v) => v.code !== 'extension-after-expiry'),
        'change-procedure-complete': meeting.violations.length === 0,
      };
      await zoneMove(trx, request, zone, actor, {
        action: 'extend', as: { role: 'committee' }, facts, violations: [...rules, ...meeting.violations], today,
        patch: { periodEnd: newEnd }, event: 'extended', params: { from: zone.periodEnd, to: newEnd, committee: body.committee, meetingOn: body.meetingOn },
      });
      await notifyZone(trx, zone, { state: 'zone:extended', params: { until: newEnd }, actorUserId: actor.userId });
    });
    return respondZone(reply, request.params.id);
  });

  app.post('/api/zones/:id/hearings', {
    config: { action: 'zone:review', objectScoped: true }, serializerCompiler,
    schema: {
      tags: ['zones'], summary: 'MSS records the hearing of the operators and the local heads held before a cancellation (Art. 141(2)2; opinions of the local head, Art. 141(1))',
      params: ZoneParams, body: HearingInput, response: { 200: ZoneStateView, ...errors },
    },
  }, async (request, reply) => {
    const body = request.body;
    await mutate(request, request.params.id, async (trx, zone, actor, today) => {
      const fields: FieldError[] = [];
      const heldOn = dateOrError(body.heldOn, '/body/heldOn', fields);
      if (heldOn && heldOn > today) fields.push({ path: '/body/heldOn', keyword: 'maximum', params: { limit: today } });
      if (fields.length > 0 || !heldOn) throw invalid(fields);
      if (!OPERATING.includes(zone.state)) throw conflict(frame(request.locale, 'no-such-transition', { action: 'hearing', state: zone.state, allowed: '—' }));
      await updateZone(trx, zone, {});
      await addZoneEvent(trx, zone.id, 'hearing-held', heldOn, { heldOn, ground: body.ground, attendees: body.attendees.length }, actor.userId);
      await appendAudit(trx, { ...auditActor({ requestId: request.id }, actor), action: 'zone:hearing', objectType: 'zone', objectId: zone.id, before: null, after: { heldOn, ground: body.ground, attendees: body.attendees, summary: body.summary } });
      await notifyZone(trx, zone, { state: 'zone:hearing_held', params: { ground: body.ground }, actorUserId: actor.userId });
    });
    return respondZone(reply, request.params.id);
  });

  app.post('/api/zones/:id/cancellation', {
    config: { action: 'zone:decide', objectScoped: true }, serializerCompiler,
    schema: {
      tags: ['zones'], summary: 'Record the committee’s cancellation of the designation (Art. 82(2)–(3); Decree Art. 53) after a hearing (Art. 141(2)2); two years of post-management begin (Art. 84(2))',
      params: ZoneParams, body: CancellationInput, response: { 200: ZoneStateView, ...errors },
    },
  }, async (request, reply) => {
    const body = request.body;
    await mutate(request, request.params.id, async (trx, zone, actor, today) => {
      const meeting = meetingViolations(body, today, calendarOf(db));
      if (meeting.fields.length > 0) throw invalid(meeting.fields);
      const hearings = (await loadHistory(trx, zone.id)).filter((e) => e.kind === 'hearing-held');
      const hearingHeldOn = hearings.length > 0 ? civilDate(hearings.at(-1)!.on) : null;
      const check = checkCancellation({ ground: body.ground, hearingHeldOn, decidedOn: civilDate(body.meetingOn), latestGrade: latestGrade(await loadEvaluations(trx, zone.id)) });
      const until = postManagementEnd(today, calendarOf(db));
      await zoneMove(trx, request, zone, actor, {
        action: 'cancel', as: { role: 'committee' }, facts: { 'hearing-held': check.hearingHeld, 'cancellation-ground': check.groundValid }, violations: [...check.violations, ...meeting.violations], today,
        patch: { endedOn: today }, event: 'cancelled', params: { ground: body.ground, committee: body.committee, meetingOn: body.meetingOn },
      });
      const cancelled = (await loadZone(trx, zone.id))!;
      await zoneMove(trx, request, cancelled, actor, {
        action: 'begin_post_management', as: { role: 'ministry' }, facts: {}, violations: [], today,
        patch: { postManagementUntil: until }, event: 'post-management-begun', params: { until },
      });
      await notifyZone(trx, zone, { state: 'zone:cancelled', params: { ground: body.ground, until }, actorUserId: actor.userId });
    });
    return respondZone(reply, request.params.id);
  });

  // ---------------------------------------------------------------------------------------------- post-management data requests

  /** The zone's data requests (those addressed to `organisationId` only, unless null), with the addressee's name. */
  function dataRequestQuery(zoneId: string, organisationId: string | null) {
    let query = db.selectFrom('zone_data_request').innerJoin('organisation', 'organisation.id', 'zone_data_request.organisation_id')
      .select(['zone_data_request.id', 'zone_data_request.zone_id', 'zone_data_request.organisation_id', 'organisation.name', 'zone_data_request.subject', 'zone_data_request.requested_on', 'zone_data_request.due_on', 'zone_data_request.answer', 'zone_data_request.answered_on'])
      .where('zone_data_request.zone_id', '=', zoneId);
    if (organisationId !== null) query = query.where('zone_data_request.organisation_id', '=', organisationId);
    return query;
  }
  type DataRequestRow = Awaited<ReturnType<ReturnType<typeof dataRequestQuery>['executeTakeFirstOrThrow']>>;
  const dataRequestView = (r: DataRequestRow) => ({
    id: r.id, zoneId: r.zone_id, organisationId: r.organisation_id, organisationName: r.name, subject: r.subject, requestedOn: r.requested_on, dueOn: r.due_on, answer: r.answer, answeredOn: r.answered_on,
  });
  const oneDataRequest = async (zoneId: string, id: string) => dataRequestView(await dataRequestQuery(zoneId, null).where('zone_data_request.id', '=', id).executeTakeFirstOrThrow());

  app.get('/api/zones/:id/data-requests', {
    config: { action: 'zone:data-requests' }, serializerCompiler,
    schema: {
      tags: ['zones'], summary: 'Post-management data requests of the zone: all for MSS, the ones addressed to the caller’s organisation for others (chosen in SQL); oldest first, in pages',
      params: ZoneParams, querystring: Type.Object(pageQuery(DATA_REQUEST_LIST), { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(DataRequestView), next: nextSchema }), ...errors },
    },
  }, async (request) => {
    const zone = await publicZone(request.params.id);
    const actor = request.actor!;
    const addressee = actor.orgKind === 'ministry' ? null : actor.organisationId;
    const page = readPage(DATA_REQUEST_LIST, { limit: request.query.limit, cursor: request.query.cursor }, { zone: zone.id, addressee }, await app.services.listKey());
    const { rows, next } = pageOf(page, await inPageOrder(dataRequestQuery(zone.id, addressee), page).execute());
    return { items: rows.map(dataRequestView), next };
  });

  app.post('/api/zones/:id/data-requests', {
    config: { action: 'zone:review', objectScoped: true }, serializerCompiler,
    schema: {
      tags: ['zones'], summary: 'MSS demands performance and post-management data within two years after the zone ended (Art. 84(2); Decree Art. 55(3))',
      params: ZoneParams, body: DataRequestInput, response: { 201: DataRequestView, ...errors },
    },
  }, async (request, reply) => {
    const body = request.body;
    const id = await mutate(request, request.params.id, async (trx, zone, actor, today) => {
      const fields: FieldError[] = [];
      const dueOn = dateOrError(body.dueOn, '/body/dueOn', fields);
      if (fields.length > 0 || !dueOn) throw invalid(fields);
      if (zone.state !== 'post_management' || zone.postManagementUntil === null) throw conflict(frame(request.locale, 'no-such-transition', { action: 'request_data', state: zone.state, allowed: '—' }));
      const org = await trx.selectFrom('organisation').select(['id', 'kind']).where('id', '=', body.organisationId).executeTakeFirst();
      if (!org) throw invalid([{ path: '/body/organisationId', keyword: 'invalid' }]);
      if (org.kind === 'ministry' || org.kind === 'expert') throw conflict(frame(request.locale, 'not-addressable'));
      const violations = checkDataRequest({ requestedOn: today, dueOn, windowEnd: civilDate(zone.postManagementUntil) });
      if (violations.length > 0) throw ruleFailure(violations);
      const requestId = randomUUID();
      await trx.insertInto('zone_data_request').values({ id: requestId, zone_id: zone.id, organisation_id: org.id, subject: JSON.stringify(body.subject), requested_on: today, due_on: dueOn, answer: null, answered_on: null, answered_by: null }).execute();
      await updateZone(trx, zone, {});
      await addZoneEvent(trx, zone.id, 'data-requested', today, { request: requestId, dueOn }, actor.userId);
      await appendAudit(trx, { ...auditActor({ requestId: request.id }, actor), action: 'zone:request-data', objectType: 'zone_data_request', objectId: requestId, before: null, after: { zone: zone.id, organisation: org.id, dueOn, subject: body.subject } });
      await notifyZone(trx, zone, { state: 'zone:data_requested', params: { due: dueOn }, actorUserId: actor.userId, alsoUserIds: await usersOfOrganisation(trx, org.id) });
      return requestId;
    });
    reply.code(201);
    return oneDataRequest(request.params.id, id);
  });

  app.post('/api/zones/:id/data-requests/:requestId/answer', {
    config: { action: 'zone:answer-data-request', objectScoped: true }, serializerCompiler,
    schema: { tags: ['zones'], summary: 'The addressed organisation answers a post-management data request (Art. 84(2))', params: DataRequestParams, body: DataAnswerInput, response: { 200: DataRequestView, ...errors } },
  }, async (request) => {
    const { id: zoneId, requestId } = request.params;
    await db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('zone_data_request').selectAll().where('id', '=', requestId).where('zone_id', '=', zoneId).forUpdate().executeTakeFirst();
      if (!row) throw notFound('zone');
      const actor = authorize(request, { kind: 'organisation', organisationId: row.organisation_id });
      if (row.answered_on !== null) throw conflict(frame(request.locale, 'already-answered'));
      const today = todayInSeoul();
      await trx.updateTable('zone_data_request').set({ answer: JSON.stringify(request.body.answer), answered_on: today, answered_by: actor.userId }).where('id', '=', requestId).execute();
      await addZoneEvent(trx, zoneId, 'data-answered', today, { request: requestId }, actor.userId);
      await appendAudit(trx, { ...auditActor({ requestId: request.id }, actor), action: 'zone:answer-data', objectType: 'zone_data_request', objectId: requestId, before: null, after: { answeredOn: today } });
      const zone = (await loadZone(trx, zoneId))!;
      await notifyZone(trx, zone, { state: 'zone:data_answered', actorUserId: actor.userId });
    });
    return oneDataRequest(zoneId, requestId);
  });

}
