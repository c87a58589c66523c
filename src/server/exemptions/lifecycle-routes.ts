// After the grant: re-deliberation (once, within 60 days), cancellation after a hearing, expiry and the
// results report due 30 days after it (RFZ Act Art. 86(8)–(10), 87(11), 89, 141; Decree Art. 57-3).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Database } from '../../db/database.ts';
import { civilDate, type CivilDate } from '../../domain/calendar/civil-date.ts';
import { checkCancellation, checkHearing, CANCELLATION_GROUNDS, type CancellationGround } from '../../domain/exemptions/cancellation.ts';
import { EXEMPTION_MACHINE, REDELIBERABLE, redeliberationFacts, type ExemptionAction, type ExemptionGuard, type ExemptionState } from '../../domain/exemptions/lifecycle.ts';
import { checkGrantTerm, checkRedeliberation } from '../../domain/exemptions/validity.ts';
import { normaliseText, type I18nText } from '../../domain/i18n-text.ts';
import { attempt, findTransition, type Role, type Violation } from '../../domain/zones/transition-table.ts';
import { actorOf, authorize } from '../auth/authorize.ts';
import { appendAudit } from '../audit/append.ts';
import { notFound } from '../errors.ts';
import { I18nTextSchema, Nullable, ProblemSchema, Uuid } from '../http/schemas.ts';
import { DateOnly } from '../regulations/schemas.ts';
import { checkEvidence } from './evidence.ts';
import { ConditionsSchema, insuranceViolations, type Conditions } from './conditions.ts';
import { EvidenceRefSchema } from './lifecycle-schemas.ts';
import { exemptionTokens } from './store.ts';
import { conflict, date, refuse } from './refuse.ts';
import { ExemptionSchema } from './routes.ts';
import { computeValidity, loadExemptions, todayInSeoul, zoneTerm, type ExemptionRecord } from './view.ts';
import { calendarOf } from '../calendar/provider.ts';

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema };
const Params = Type.Object({ id: Uuid });

/** Moves the exemption by the machine or refuses with 409 naming the article. */
function move(state: string, action: ExemptionAction, role: Role, facts: Partial<Record<ExemptionGuard, boolean>>): ExemptionState {
  const moved = attempt(EXEMPTION_MACHINE, state as ExemptionState, action, { role }, facts);
  if (!moved.ok) {
    const rule = findTransition(EXEMPTION_MACHINE, state as ExemptionState, action)?.rule ?? EXEMPTION_MACHINE.transitions.find((t) => t.action === action)?.rule ?? '';
    throw conflict(moved.code, action, state, rule, moved.code === 'guard-failed' ? moved.failedGuards : []);
  }
  return moved.to;
}

async function lockExemption(trx: Database, id: string) {
  const row = await trx.selectFrom('exemption').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound('exemption');
  return row as unknown as ExemptionRecord;
}

export async function exemptionLifecycleRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.services;
  const view = async (id: string) => (await loadExemptions(db, [id]))[0]!;
  const audit = (trx: Database, request: FastifyRequest, action: string, id: string, before: unknown, after: unknown) => {
    const actor = actorOf(request);
    return appendAudit(trx, { requestId: request.id, actorUserId: actor.userId, actorOrganisationId: actor.organisationId, action, objectType: 'exemption', objectId: id, before, after });
  };
  /** Object-scoped routes: the holders decide who may act. */
  const holdersOf = async (request: FastifyRequest, id: string) => {
    const row = await db.selectFrom('exemption').select('holders').where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('exemption');
    return authorize(request, { kind: 'exemption', holders: row.holders });
  };

  app.post('/api/exemptions/:id/redeliberation', {
    config: { action: 'exemption:request-redeliberation', objectScoped: true },
    schema: {
      tags: ['exemptions'],
      summary: 'Request re-deliberation of a rejection, or of a grant whose conditions the applicant objects to (before the business starts): once, within 60 days of the notice (Act Art. 86(8); Decree Art. 57-3, 64-3; the applicant or MSS; audited)',
      params: Params,
      body: Type.Object({ notifiedOn: DateOnly, requestedOn: DateOnly, grounds: I18nTextSchema(4000) }, { additionalProperties: false }),
      response: { 200: ExemptionSchema, ...errors },
    },
  }, async (request) => {
    const actor = await holdersOf(request, request.params.id);
    const notifiedOn = date(request.body.notifiedOn, '/body/notifiedOn', { past: true });
    const requestedOn = date(request.body.requestedOn, '/body/requestedOn', { past: true });
    await db.transaction().execute(async (trx) => {
      const row = await lockExemption(trx, request.params.id);
      const previous = await trx.selectFrom('exemption_redeliberation').select('requested_on').where('exemption_id', '=', row.id).executeTakeFirst();
      const v: Violation[] = [];
      if (notifiedOn < row.granted_on) v.push({ code: 'end-before-start', rule: 'Decree Art. 57-3(2)', params: { decidedOn: row.granted_on, notifiedOn } });
      if (requestedOn < notifiedOn) v.push({ code: 'end-before-start', rule: 'Decree Art. 57-3(2)', params: { notifiedOn, requestedOn } });
      if (v.length > 0) refuse(v, { 'end-before-start': requestedOn < notifiedOn ? 'requestedOn' : 'notifiedOn' });
      const check = checkRedeliberation({ kind: row.kind, notifiedOn, requestedOn, previous: previous ? 1 : 0, calendar: calendarOf(db) });
      if (!check.ok) refuse(check.violations);
      if (!REDELIBERABLE.includes(row.state as ExemptionState)) {
        refuse([{ code: 'redeliberation-not-open', rule: 'Decree Art. 57-3(1); Decree Art. 58', params: { state: row.state } }]);
      }
      const to = move(row.state, 'request_redeliberation', 'company', redeliberationFacts([]));
      await trx.insertInto('exemption_redeliberation').values({
        exemption_id: row.id, notified_on: notifiedOn, requested_on: requestedOn, grounds: JSON.stringify(normaliseText(request.body.grounds)), requested_by: actor.organisationId,
        decision: row.state === 'granted' ? 'granted' : 'rejected',
      }).execute();
      await trx.updateTable('exemption').set({ state: to, updated_at: new Date() }).where('id', '=', row.id).execute();
      await audit(trx, request, 'exemption:request-redeliberation', row.id, { state: row.state }, { state: to, notifiedOn, requestedOn, deadline: check.value.deadline });
    });
    return view(request.params.id);
  });

  app.post('/api/exemptions/:id/redeliberation/decision', {
    config: { action: 'exemption:decide-redeliberation' },
    schema: {
      tags: ['exemptions'],
      summary: 'Record the committee\'s re-deliberation: rejected, or granted with a term checked like any grant and, when the conditions were objected to, the conditions as re-deliberated (Act Art. 86(4)–(5), 86(9), 86(10); Decree Art. 57-2; MSS administrator; audited)',
      params: Params,
      body: Type.Object({
        decidedOn: DateOnly, outcome: Type.Enum(['granted', 'rejected']),
        validFrom: Nullable(DateOnly), validUntil: Nullable(DateOnly), insuranceProofSubmitted: Type.Boolean(),
        conditions: Type.Optional(ConditionsSchema),
      }, { additionalProperties: false }),
      response: { 200: ExemptionSchema, ...errors },
    },
  }, async (request) => {
    const decidedOn = date(request.body.decidedOn, '/body/decidedOn', { past: true });
    await db.transaction().execute(async (trx) => {
      const row = await lockExemption(trx, request.params.id);
      const redeliberation = await trx.selectFrom('exemption_redeliberation').selectAll().where('exemption_id', '=', row.id).executeTakeFirst();
      if (!redeliberation || row.state !== 'redeliberation') throw conflict('no-such-transition', 'decide re-deliberation', row.state, 'RFZ Act Art. 86(9)');
      if (decidedOn < redeliberation.requested_on) refuse([{ code: 'end-before-start', rule: 'RFZ Act Art. 86(9)', params: { requestedOn: redeliberation.requested_on, decidedOn } }], { 'end-before-start': 'decidedOn' });
      const atCommittee = move(row.state, 'refer_to_committee', 'local_government', {});
      let to: ExemptionState;
      let term: { from: CivilDate; until: CivilDate } | null = null;
      if (request.body.outcome === 'rejected') {
        to = move(atCommittee, 'reject', 'committee', { 'meeting-notice-given': true });
      } else {
        const { validFrom, validUntil } = request.body;
        if (validFrom === null || validUntil === null) refuse([{ code: 'no-validity-period', rule: 'RFZ Act Art. 86(10)', params: { kind: row.kind } }]);
        term = { from: date(validFrom, '/body/validFrom'), until: date(validUntil, '/body/validUntil') };
        const zone = await trx.selectFrom('zone').select(['period_start', 'period_end']).where('id', '=', row.zone_id).executeTakeFirstOrThrow();
        const grant = checkGrantTerm({ kind: row.kind, grantedOn: decidedOn, term, zone: zoneTerm(zone), calendar: calendarOf(db) });
        const v = grant.ok ? [] : [...grant.violations];
        if (request.body.conditions) v.push(...insuranceViolations(row.kind, request.body.conditions as Conditions));
        if (term.from < decidedOn) v.push({ code: 'before-grant', rule: 'RFZ Act Art. 86(10)', params: { grantedOn: decidedOn, from: term.from } });
        if (v.length > 0) refuse(v, { 'before-grant': 'validFrom' });
        to = move(atCommittee, 'grant', 'committee', { 'meeting-notice-given': true, 'conditions-justified': true });
        if (request.body.insuranceProofSubmitted) to = move(to, 'activate', 'company', { 'insurance-proof-submitted': true });
      }
      // Conditions as re-deliberated replace the ones objected to; the search index follows them.
      const conditions = term && request.body.conditions ? request.body.conditions as Conditions : null;
      const tokens = conditions ? await exemptionTokens(trx, {
        title: row.title, conditions, zoneId: row.zone_id,
        regulationIds: (await trx.selectFrom('exemption_regulation').select('regulation_id').where('exemption_id', '=', row.id).execute()).map((r) => r.regulation_id),
      }) : null;
      await trx.updateTable('exemption_redeliberation').set({ decided_on: decidedOn, outcome: request.body.outcome }).where('exemption_id', '=', row.id).execute();
      await trx.updateTable('exemption').set({
        state: to, updated_at: new Date(),
        ...(term ? { granted_on: decidedOn, valid_from: term.from, valid_until: term.until } : {}),
        ...(conditions && tokens ? { conditions: JSON.stringify(conditions), search_tokens: tokens } : {}),
      }).where('id', '=', row.id).execute();
      await audit(trx, request, 'exemption:decide-redeliberation', row.id, { state: row.state, conditions: row.conditions }, {
        state: to, decidedOn, outcome: request.body.outcome, term, objectedTo: redeliberation.decision, ...(conditions ? { conditions } : {}),
      });
    });
    return view(request.params.id);
  });

  app.post('/api/exemptions/:id/cancellation/hearing', {
    config: { action: 'exemption:cancel' },
    schema: {
      tags: ['exemptions'],
      summary: 'Record the hearing held before a cancellation: the ground, the notice (≥ 10 days before) and the record (Act Art. 89(1), 141; Administrative Procedures Act Art. 21(2); MSS administrator; audited)',
      params: Params,
      body: Type.Object({ ground: Type.Enum([...CANCELLATION_GROUNDS]), noticeOn: DateOnly, heldOn: DateOnly, record: I18nTextSchema(4000) }, { additionalProperties: false }),
      response: { 200: ExemptionSchema, ...errors },
    },
  }, async (request) => {
    const noticeOn = date(request.body.noticeOn, '/body/noticeOn', { past: true });
    const heldOn = date(request.body.heldOn, '/body/heldOn', { past: true });
    await db.transaction().execute(async (trx) => {
      const row = await lockExemption(trx, request.params.id);
      if (!findTransition(EXEMPTION_MACHINE, row.state as ExemptionState, 'cancel')) throw conflict('no-such-transition', 'cancel', row.state, 'RFZ Act Art. 89');
      const held = await trx.selectFrom('exemption_cancellation').select('hearing_on').where('exemption_id', '=', row.id).executeTakeFirst();
      if (held) refuse([{ code: 'hearing-already-held', rule: 'RFZ Act Art. 141', params: { hearingOn: held.hearing_on } }]);
      const v: Violation[] = [];
      if (heldOn < noticeOn) v.push({ code: 'end-before-start', rule: 'RFZ Act Art. 141', params: { noticeOn, heldOn } });
      const hearing = checkHearing({ noticeOn, heldOn, calendar: calendarOf(db) });
      if (!hearing.ok) v.push(...hearing.violations);
      if (v.length > 0) refuse(v, { 'end-before-start': 'heldOn' });
      await trx.insertInto('exemption_cancellation').values({
        exemption_id: row.id, ground: request.body.ground, hearing_notice_on: noticeOn, hearing_on: heldOn, hearing_record: JSON.stringify(normaliseText(request.body.record)),
      }).execute();
      await audit(trx, request, 'exemption:cancellation-hearing', row.id, null, { ground: request.body.ground, noticeOn, heldOn });
    });
    return view(request.params.id);
  });

  app.post('/api/exemptions/:id/cancel', {
    config: { action: 'exemption:cancel' },
    schema: {
      tags: ['exemptions'],
      summary: 'Cancel after the hearing: the business stops at once (Act Art. 89, 91, 141; Decree Art. 63; MSS administrator; audited)',
      params: Params,
      body: Type.Object({ decidedOn: DateOnly, reason: I18nTextSchema(4000) }, { additionalProperties: false }),
      response: { 200: ExemptionSchema, ...errors },
    },
  }, async (request) => {
    const decidedOn = date(request.body.decidedOn, '/body/decidedOn', { past: true });
    await db.transaction().execute(async (trx) => {
      const row = await lockExemption(trx, request.params.id);
      const hearing = await trx.selectFrom('exemption_cancellation').selectAll().where('exemption_id', '=', row.id).executeTakeFirst();
      const check = checkCancellation({ ground: (hearing?.ground ?? null) as CancellationGround | null, hearingHeldOn: hearing ? civilDate(hearing.hearing_on) : null, decidedOn });
      if (!check.ok) refuse(hearing ? check.violations : check.violations.filter((x) => x.code === 'hearing-not-held'));
      const to = move(row.state, 'cancel', 'committee', { 'hearing-held': true, 'cancellation-ground': true });
      await trx.updateTable('exemption_cancellation').set({ decided_on: decidedOn, reason: JSON.stringify(normaliseText(request.body.reason)) }).where('exemption_id', '=', row.id).execute();
      await trx.updateTable('exemption').set({ state: to, updated_at: new Date() }).where('id', '=', row.id).execute();
      await audit(trx, request, 'exemption:cancel', row.id, { state: row.state }, { state: to, decidedOn, ground: hearing!.ground, mandatory: check.value.mandatory });
    });
    return view(request.params.id);
  });

  app.post('/api/exemptions/:id/expire', {
    config: { action: 'exemption:expire' },
    schema: {
      tags: ['exemptions'],
      summary: 'Record that the term has ended (not while deemed valid during a law amendment); the results report is due 30 days later (Act Art. 86(10), 87(11); MSS; audited)',
      params: Params,
      response: { 200: ExemptionSchema, ...errors },
    },
  }, async (request) => {
    await db.transaction().execute(async (trx) => {
      const row = await lockExemption(trx, request.params.id);
      const zone = await trx.selectFrom('zone').select(['period_start', 'period_end']).where('id', '=', row.zone_id).executeTakeFirstOrThrow();
      const validity = computeValidity(row, zoneTerm(zone), todayInSeoul(), calendarOf(db));
      if (validity.status !== 'expired') refuse([{ code: 'validity-not-ended', rule: validity.rule, params: { status: validity.status, validThrough: validity.validThrough } }]);
      const to = move(row.state, 'expire', 'ministry', { 'validity-ended': true });
      await trx.updateTable('exemption').set({ state: to, updated_at: new Date() }).where('id', '=', row.id).execute();
      await audit(trx, request, 'exemption:expire', row.id, { state: row.state }, { state: to, validUntil: row.valid_until });
    });
    return view(request.params.id);
  });

  app.post('/api/exemptions/:id/results-report', {
    config: { action: 'exemption:report-results', objectScoped: true },
    schema: {
      tags: ['exemptions'],
      summary: 'File the results report after expiry (due 30 days after it; late reports are kept and marked late) with evidence from the demonstration (Act Art. 87(11); Decree Art. 59(11); holder or MSS; audited)',
      params: Params,
      body: Type.Object({ submittedOn: DateOnly, results: I18nTextSchema(8000), evidenceRefs: Type.Array(EvidenceRefSchema, { maxItems: 50 }) }, { additionalProperties: false }),
      response: { 200: ExemptionSchema, ...errors },
    },
  }, async (request) => {
    const actor = await holdersOf(request, request.params.id);
    const submittedOn = date(request.body.submittedOn, '/body/submittedOn', { past: true });
    await db.transaction().execute(async (trx) => {
      const row = await lockExemption(trx, request.params.id);
      if (row.kind !== 'demonstration_exemption') refuse([{ code: 'not-applicable', rule: 'RFZ Act Art. 87(11)', params: { kind: row.kind } }]);
      if (row.valid_until !== null && submittedOn <= row.valid_until) {
        refuse([{ code: 'end-before-start', rule: 'RFZ Act Art. 87(11)', params: { expiresOn: row.valid_until, submittedOn } }], { 'end-before-start': 'submittedOn' });
      }
      await checkEvidence(trx, row.id, request.body.evidenceRefs);
      // A term that has run out has expired, whether or not MSS recorded it yet.
      let state = row.state;
      if (state === 'active' || state === 'extended') {
        const zone = await trx.selectFrom('zone').select(['period_start', 'period_end']).where('id', '=', row.zone_id).executeTakeFirstOrThrow();
        if (computeValidity(row, zoneTerm(zone), todayInSeoul(), calendarOf(db)).status === 'expired') state = move(state, 'expire', 'ministry', { 'validity-ended': true });
      }
      const to = move(state, 'report_results', 'company', {});
      await trx.insertInto('exemption_results_report').values({
        exemption_id: row.id, submitted_on: submittedOn, results: JSON.stringify(normaliseText(request.body.results as I18nText)),
        evidence: JSON.stringify(request.body.evidenceRefs), submitted_by: actor.organisationId,
      }).execute();
      await trx.updateTable('exemption').set({ state: to, updated_at: new Date() }).where('id', '=', row.id).execute();
      await audit(trx, request, 'exemption:report-results', row.id, { state: row.state }, { state: to, submittedOn, evidence: request.body.evidenceRefs });
    });
    return view(request.params.id);
  });
}
