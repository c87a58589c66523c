// Rapid confirmation (신속확인, RFZ Act Art. 85; Decree Art. 56): a company files; the zone's local government
// answers within its own powers or forwards to the responsible ministries (those whose regulations the request
// names, the one the company named, any it adds); each ministry replies within 30 days on its own clock, paused by
// supplement requests; silence is recorded by the deadline scan (./scan.ts); disagreement goes to the committee.
// Every write is authorised by role and scope, runs in one transaction and is audited.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Database } from '../../db/database.ts';
import { decide } from '../../domain/auth/policy.ts';
import type { Actor } from '../../domain/auth/types.ts';
import { pauseClock, resumeClock, type ClockError, type ClockState } from '../../domain/calendar/clock.ts';
import type { CivilDate } from '../../domain/calendar/civil-date.ts';
import { rapidConfirmationClock } from '../../domain/exemptions/validity.ts';
import { appendAudit } from '../audit/append.ts';
import { authorize } from '../auth/authorize.ts';
import { calendarOf } from '../calendar/provider.ts';
import { AppError, notFound, type FieldError } from '../errors.ts';
import { ProblemSchema } from '../http/schemas.ts';
import { todayInSeoul } from '../plans/evaluate.ts';
import { usersOfOrganisation } from '../zones/notify-zone.ts';
import {
  RapidDecisionInput, RapidFileInput, RapidForwardInput, RapidLocalAnswerInput, RapidParams, RapidReplyInput, RapidSupplementInput,
  RapidSupplementRequestInput, RapidView,
} from './schemas.ts';
import { loadRequest, notifyRequest, rapidTarget, replyStatus, settle, viewOf, type RapidRecord } from './store.ts';

const serializerCompiler = () => (data: unknown): string => JSON.stringify(data);
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema };
const invalid = (fields: FieldError[]): AppError => new AppError('validation', { fields });
const auditActor = (request: FastifyRequest, actor: Actor) => ({ requestId: request.id, actorUserId: actor.userId, actorOrganisationId: actor.organisationId });
/** 409 saying each broken rule as a sentence in the reader's language (src/i18n/violations, zone scope). */
const ruleFailure = (code: string, rule: string, params: Record<string, unknown>): AppError =>
  new AppError('conflict', { violations: [{ code, rule, params, scope: 'zone' }] });
const transition = (action: string, state: string, allowed: string): AppError => ruleFailure('no-such-transition', 'RFZ Act Art. 85', { action, state, allowed });
const clockFailure = (e: ClockError): AppError => ruleFailure(e.code, e.rule, e.params);

export async function rapidConfirmationRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.services;

  async function respond(id: string) {
    const r = await loadRequest(db, id);
    if (!r) throw notFound('rapid-confirmation');
    return viewOf(db, r, todayInSeoul(), calendarOf(db));
  }

  /** Loads the request under a row lock, authorises the route's action on it, runs `change`. */
  async function mutate(request: FastifyRequest, id: string, change: (trx: Database, r: RapidRecord, actor: Actor, today: CivilDate) => Promise<void>): Promise<void> {
    await db.transaction().execute(async (trx) => {
      const r = await loadRequest(trx, id, { forUpdate: true });
      if (!r) throw notFound('rapid-confirmation');
      const actor = authorize(request, rapidTarget(r));
      await change(trx, r, actor, todayInSeoul());
    });
  }

  app.get('/api/rapid-confirmations', {
    config: { action: 'rapid-confirmation:list' }, serializerCompiler,
    schema: { tags: ['rapid-confirmations'], summary: 'Rapid-confirmation requests the caller may see: all for MSS, the company’s own, the zone’s for its local governments, those addressed to a ministry', response: { 200: Type.Object({ items: Type.Array(RapidView) }), ...errors } },
  }, async (request) => {
    const actor = authorize(request);
    const ids = (await db.selectFrom('rapid_confirmation').select('id').orderBy('filed_on', 'desc').orderBy('id').execute()).map((r) => r.id);
    const today = todayInSeoul();
    const items = [];
    for (const id of ids) {
      const r = (await loadRequest(db, id))!;
      if (decide(actor, 'rapid-confirmation:read', rapidTarget(r)).allowed) items.push(await viewOf(db, r, today, calendarOf(db)));
    }
    return { items };
  });

  app.get('/api/rapid-confirmations/:id', {
    config: { action: 'rapid-confirmation:read', objectScoped: true }, serializerCompiler,
    schema: { tags: ['rapid-confirmations'], summary: 'One rapid-confirmation request with each ministry’s clock', params: RapidParams, response: { 200: RapidView, ...errors } },
  }, async (request) => {
    const r = await loadRequest(db, request.params.id);
    if (!r) throw notFound('rapid-confirmation');
    authorize(request, rapidTarget(r));
    return viewOf(db, r, todayInSeoul(), calendarOf(db));
  });

  app.post('/api/rapid-confirmations', {
    // Authorised in the handler, after the body is read, so malformed input is a 400 for everyone.
    config: { action: 'rapid-confirmation:file', objectScoped: true }, serializerCompiler,
    schema: { tags: ['rapid-confirmations'], summary: 'A company asks whether what it wants to do in a zone needs a permit, and which rules apply (Art. 85(1))', body: RapidFileInput, response: { 201: RapidView, ...errors } },
  }, async (request, reply) => {
    const actor = authorize(request);
    const body = request.body;
    const id = randomUUID();
    await db.transaction().execute(async (trx) => {
      const fields: FieldError[] = [];
      const zone = await trx.selectFrom('zone').select(['id', 'state']).where('id', '=', body.zoneId).executeTakeFirst();
      if (!zone) fields.push({ path: '/body/zoneId', keyword: 'invalid' });
      const known = body.regulationIds.length === 0 ? [] : await trx.selectFrom('regulation').select('id').where('id', 'in', body.regulationIds).execute();
      if (known.length !== body.regulationIds.length) fields.push({ path: '/body/regulationIds', keyword: 'invalid' });
      if (body.ministryId !== null) {
        const m = await trx.selectFrom('organisation').select('kind').where('id', '=', body.ministryId).executeTakeFirst();
        if (m?.kind !== 'responsible_ministry') fields.push({ path: '/body/ministryId', keyword: 'invalid' });
      }
      if (fields.length > 0) throw invalid(fields);
      if (!['designated', 'evaluated', 'extended'].includes(zone!.state)) throw transition('file', zone!.state, 'designated, evaluated, extended');
      const today = todayInSeoul();
      await trx.insertInto('rapid_confirmation').values({
        id, zone_id: body.zoneId, company_id: actor.organisationId, filed_by: actor.userId, activity: JSON.stringify(body.activity), regulation_ids: JSON.stringify(body.regulationIds),
        ministry_id: body.ministryId, state: 'filed', filed_on: today, forwarded_on: null, local_answer: null, committee_due: null, committee_decision: null, committee_note: null, decided_on: null,
      }).execute();
      await appendAudit(trx, { ...auditActor(request, actor), action: 'rapid-confirmation:file', objectType: 'rapid_confirmation', objectId: id, before: null, after: { zone: body.zoneId, regulations: body.regulationIds, ministry: body.ministryId } });
      await notifyRequest(trx, (await loadRequest(trx, id))!, { state: 'filed', actorUserId: actor.userId });
    });
    reply.code(201);
    return respond(id);
  });

  app.post('/api/rapid-confirmations/:id/forward', {
    config: { action: 'rapid-confirmation:forward', objectScoped: true }, serializerCompiler,
    schema: { tags: ['rapid-confirmations'], summary: 'The zone’s local government forwards the request to the responsible ministries; each one’s 30-day clock starts (Art. 85(2)–(4); Decree Art. 56)', params: RapidParams, body: RapidForwardInput, response: { 200: RapidView, ...errors } },
  }, async (request) => {
    await mutate(request, request.params.id, async (trx, r, actor, today) => {
      const extra = request.body.ministryIds.length === 0 ? [] : await trx.selectFrom('organisation').select(['id', 'kind']).where('id', 'in', request.body.ministryIds).execute();
      if (extra.length !== request.body.ministryIds.length || extra.some((o) => o.kind !== 'responsible_ministry')) throw invalid([{ path: '/body/ministryIds', keyword: 'invalid' }]);
      if (r.state !== 'filed') throw transition('forward', r.state, '—');
      // The ministries whose regulations the request names (regulation.ministry = organisation.ministry_code).
      const codes = [...new Set((await trx.selectFrom('regulation').select('ministry').where('id', 'in', r.regulation_ids).execute()).map((x) => x.ministry))];
      const byCode = codes.length === 0 ? [] : (await trx.selectFrom('organisation').select('id').where('kind', '=', 'responsible_ministry').where('ministry_code', 'in', codes).execute()).map((o) => o.id);
      const ministries = [...new Set([...byCode, ...(r.ministry_id ? [r.ministry_id] : []), ...request.body.ministryIds])].sort();
      if (ministries.length === 0) throw invalid([{ path: '/body/ministryIds', keyword: 'minItems', params: { limit: 1 } }]);
      const clock = JSON.stringify(rapidConfirmationClock(today));
      await trx.insertInto('rapid_confirmation_reply').values(ministries.map((m) => ({ request_id: r.id, organisation_id: m, notified_on: today, clock, supplement_request: null, answer: null, rules: null, replied_on: null, replied_by: null }))).execute();
      await trx.updateTable('rapid_confirmation').set({ state: 'forwarded', forwarded_on: today, version: r.version + 1 }).where('id', '=', r.id).execute();
      await appendAudit(trx, { ...auditActor(request, actor), action: 'rapid-confirmation:forward', objectType: 'rapid_confirmation', objectId: r.id, before: { state: r.state }, after: { state: 'forwarded', ministries } });
      const also = (await Promise.all(ministries.map((m) => usersOfOrganisation(trx, m)))).flat();
      await notifyRequest(trx, r, { state: 'forwarded to the responsible ministries: reply within 30 days (Art. 85(4))', actorUserId: actor.userId, also });
    });
    return respond(request.params.id);
  });

  app.post('/api/rapid-confirmations/:id/local-answer', {
    config: { action: 'rapid-confirmation:forward', objectScoped: true }, serializerCompiler,
    schema: { tags: ['rapid-confirmations'], summary: 'The zone’s local government answers within its own powers (Art. 85(2); Decree Art. 56)', params: RapidParams, body: RapidLocalAnswerInput, response: { 200: RapidView, ...errors } },
  }, async (request) => {
    await mutate(request, request.params.id, async (trx, r, actor) => {
      if (r.state !== 'filed') throw transition('answer_locally', r.state, '—');
      await trx.updateTable('rapid_confirmation').set({ state: 'answered_locally', local_answer: JSON.stringify(request.body.answer), version: r.version + 1 }).where('id', '=', r.id).execute();
      await appendAudit(trx, { ...auditActor(request, actor), action: 'rapid-confirmation:answer-locally', objectType: 'rapid_confirmation', objectId: r.id, before: { state: r.state }, after: { state: 'answered_locally', answer: request.body.answer } });
      await notifyRequest(trx, r, { state: 'answered by the local government', actorUserId: actor.userId });
    });
    return respond(request.params.id);
  });

  /** The actor's own reply row (authorisation already checked that the request is addressed to it). */
  const ownReply = (r: RapidRecord, actor: Actor) => r.replies.find((x) => x.organisation_id === actor.organisationId)!;

  app.post('/api/rapid-confirmations/:id/reply', {
    config: { action: 'rapid-confirmation:reply', objectScoped: true }, serializerCompiler,
    schema: { tags: ['rapid-confirmations'], summary: 'An addressed ministry replies: permit needed (and which rules), no permit needed, or not its matter (Art. 85(3)–(4))', params: RapidParams, body: RapidReplyInput, response: { 200: RapidView, ...errors } },
  }, async (request) => {
    await mutate(request, request.params.id, async (trx, r, actor, today) => {
      const body = request.body;
      if (body.answer === 'permit_needed' && body.rules === null) throw invalid([{ path: '/body/rules', keyword: 'required' }]);
      const own = ownReply(r, actor);
      if (r.state !== 'forwarded') throw transition('reply', r.state, '—');
      if (own.replied_on !== null && !own.deemed) throw ruleFailure('opinion-already-given', 'RFZ Act Art. 85(4)', { repliedOn: own.replied_on });
      const calendar = calendarOf(db);
      const s = replyStatus(own, today, calendar);
      // Too late: silence already meant "no permit needed" (Art. 85(5)), whether or not the scan has recorded it yet.
      if (s.status === 'deemed_no_permit_needed') throw ruleFailure('rapid-confirmation-deemed', 'RFZ Act Art. 85(5)', { due: s.outcome.due });
      await trx.updateTable('rapid_confirmation_reply').set({ answer: body.answer, rules: body.rules === null ? null : JSON.stringify(body.rules), replied_on: today, replied_by: actor.userId })
        .where('request_id', '=', r.id).where('organisation_id', '=', own.organisation_id).execute();
      const state = await settle(trx, r.id, calendar);
      if (state === null) await trx.updateTable('rapid_confirmation').set({ version: r.version + 1 }).where('id', '=', r.id).execute();
      await appendAudit(trx, { ...auditActor(request, actor), action: 'rapid-confirmation:reply', objectType: 'rapid_confirmation', objectId: r.id, before: { state: r.state }, after: { ministry: own.organisation_id, answer: body.answer, rules: body.rules, state: state ?? r.state } });
      await notifyRequest(trx, r, { state: `ministry reply: ${body.answer}${state ? ` — ${state}` : ''}`, actorUserId: actor.userId });
    });
    return respond(request.params.id);
  });

  app.post('/api/rapid-confirmations/:id/supplement-request', {
    config: { action: 'rapid-confirmation:reply', objectScoped: true }, serializerCompiler,
    schema: { tags: ['rapid-confirmations'], summary: 'An addressed ministry asks the company for a supplement; its clock stops until the supplement arrives (Art. 85(4))', params: RapidParams, body: RapidSupplementRequestInput, response: { 200: RapidView, ...errors } },
  }, async (request) => {
    await mutate(request, request.params.id, async (trx, r, actor, today) => {
      const own = ownReply(r, actor);
      if (r.state !== 'forwarded' || own.replied_on !== null) throw transition('request_supplement', own.replied_on !== null ? 'answered' : r.state, '—');
      const s = replyStatus(own, today, calendarOf(db));
      if (s.status === 'deemed_no_permit_needed') throw ruleFailure('rapid-confirmation-deemed', 'RFZ Act Art. 85(5)', { due: s.outcome.due });
      const paused = pauseClock(own.clock as ClockState, today);
      if (!paused.ok) throw clockFailure(paused.error);
      await trx.updateTable('rapid_confirmation_reply').set({ clock: JSON.stringify(paused.state), supplement_request: JSON.stringify(request.body.request) })
        .where('request_id', '=', r.id).where('organisation_id', '=', own.organisation_id).execute();
      await trx.updateTable('rapid_confirmation').set({ version: r.version + 1 }).where('id', '=', r.id).execute();
      await appendAudit(trx, { ...auditActor(request, actor), action: 'rapid-confirmation:request-supplement', objectType: 'rapid_confirmation', objectId: r.id, before: null, after: { ministry: own.organisation_id, on: today, request: request.body.request } });
      await notifyRequest(trx, r, { state: 'supplement requested: the ministry’s clock is paused (Art. 85(4))', actorUserId: actor.userId });
    });
    return respond(request.params.id);
  });

  app.post('/api/rapid-confirmations/:id/supplement', {
    config: { action: 'rapid-confirmation:supplement', objectScoped: true }, serializerCompiler,
    schema: { tags: ['rapid-confirmations'], summary: 'The company supplies what a ministry asked for; that ministry’s clock runs again (Art. 85(4))', params: RapidParams, body: RapidSupplementInput, response: { 200: RapidView, ...errors } },
  }, async (request) => {
    await mutate(request, request.params.id, async (trx, r, actor, today) => {
      const row = r.replies.find((x) => x.organisation_id === request.body.ministryId);
      if (!row) throw invalid([{ path: '/body/ministryId', keyword: 'invalid' }]);
      const resumed = resumeClock(row.clock as ClockState, today);
      if (!resumed.ok) throw clockFailure(resumed.error);
      await trx.updateTable('rapid_confirmation_reply').set({ clock: JSON.stringify(resumed.state) }).where('request_id', '=', r.id).where('organisation_id', '=', row.organisation_id).execute();
      await trx.updateTable('rapid_confirmation').set({ version: r.version + 1 }).where('id', '=', r.id).execute();
      await appendAudit(trx, { ...auditActor(request, actor), action: 'rapid-confirmation:supplement', objectType: 'rapid_confirmation', objectId: r.id, before: null, after: { ministry: row.organisation_id, on: today } });
      await notifyRequest(trx, r, { state: 'supplement provided: the ministry’s clock runs again', actorUserId: actor.userId, also: await usersOfOrganisation(trx, row.organisation_id) });
    });
    return respond(request.params.id);
  });

  app.post('/api/rapid-confirmations/:id/decision', {
    config: { action: 'rapid-confirmation:decide', objectScoped: true }, serializerCompiler,
    schema: { tags: ['rapid-confirmations'], summary: 'The committee decides between disagreeing ministries within 30 days (Art. 85(7)); recorded by MSS', params: RapidParams, body: RapidDecisionInput, response: { 200: RapidView, ...errors } },
  }, async (request) => {
    await mutate(request, request.params.id, async (trx, r, actor, today) => {
      if (r.state !== 'committee') throw transition('decide', r.state, '—');
      await trx.updateTable('rapid_confirmation').set({ state: 'decided', committee_decision: request.body.decision, committee_note: request.body.note === null ? null : JSON.stringify(request.body.note), decided_on: today, version: r.version + 1 })
        .where('id', '=', r.id).execute();
      await appendAudit(trx, { ...auditActor(request, actor), action: 'rapid-confirmation:decide', objectType: 'rapid_confirmation', objectId: r.id, before: { state: r.state }, after: { state: 'decided', decision: request.body.decision, decidedOn: today, due: r.committee_due } });
      await notifyRequest(trx, r, { state: `decided by the committee: ${request.body.decision}`, actorUserId: actor.userId, also: r.replies.map((x) => x.organisation_id).length ? (await Promise.all(r.replies.map((x) => usersOfOrganisation(trx, x.organisation_id)))).flat() : [] });
    });
    return respond(request.params.id);
  });
}
