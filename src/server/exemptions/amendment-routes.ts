// The law-amendment track after a request (or a results report): the responsible ministry's review, its
// 60-day amendment plan, the amendment's progress, and the committee's recommendation when the plan is
// late or refused (RFZ Act Art. 87(6)–(13); Decree Art. 59(8)). Edits carry the track's version (If-Match → 412).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Database } from '../../db/database.ts';
import { civilDate, type CivilDate } from '../../domain/calendar/civil-date.ts';
import { AMENDMENT_STAGES, checkEscalation, checkPlan, checkProgress, checkReview, escalationGround, type AmendmentStage } from '../../domain/exemptions/amendment-tracking.ts';
import { normaliseText } from '../../domain/i18n-text.ts';
import { actorOf } from '../auth/authorize.ts';
import { appendAudit } from '../audit/append.ts';
import { AppError, notFound } from '../errors.ts';
import { I18nTextSchema, ProblemSchema, Uuid } from '../http/schemas.ts';
import { DateOnly } from '../regulations/schemas.ts';
import { ScheduleSchema } from './lifecycle-schemas.ts';
import { amendmentRowForUpdate, trackOf, type LawAmendmentRow } from './lifecycle-store.ts';
import { check, conflict, date, refuse } from './refuse.ts';
import { ExemptionSchema } from './routes.ts';
import { loadExemptions } from './view.ts';
import { calendarOf } from '../calendar/provider.ts';

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 412: ProblemSchema };
const Params = Type.Object({ id: Uuid });
const Headers = Type.Object({ 'if-match': Type.Optional(Type.String({ maxLength: 40, description: 'the amendment track\'s version, e.g. "3"' })) });
/** States in which the law-amendment track can move (the exemption still runs or reported its results). */
const TRACKABLE = new Set(['active', 'extended', 'amendment_requested', 'expired', 'results_reported', 'temporary_permit']);

export async function amendmentRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.services;

  /** Locks the exemption and its track, checks If-Match, runs `change`, bumps the version and audits. */
  async function edit(request: FastifyRequest<{ Params: { id: string } }>, action: string, change: (trx: Database, row: LawAmendmentRow, ex: { state: string; granted_on: string; amendment_requested_on: string | null; law_amended_on: string | null }) => Promise<Record<string, unknown>>) {
    const actor = actorOf(request);
    await db.transaction().execute(async (trx) => {
      const ex = await trx.selectFrom('exemption').select(['id', 'state', 'granted_on', 'amendment_requested_on', 'law_amended_on']).where('id', '=', request.params.id).forUpdate().executeTakeFirst();
      if (!ex) throw notFound('exemption');
      if (!TRACKABLE.has(ex.state)) throw conflict('no-such-transition', action, ex.state, 'RFZ Act Art. 87(6)');
      const existing = await trx.selectFrom('law_amendment').select('version').where('exemption_id', '=', ex.id).executeTakeFirst();
      const ifMatch = request.headers['if-match'];
      if (typeof ifMatch === 'string' && ifMatch.replaceAll('"', '').trim() !== String(existing?.version ?? 0)) throw new AppError('precondition-failed');
      const row = await amendmentRowForUpdate(trx, ex.id, ex.amendment_requested_on);
      const after = await change(trx, row, ex);
      await trx.updateTable('law_amendment').set({ version: row.version + 1, updated_at: new Date() }).where('exemption_id', '=', ex.id).execute();
      await appendAudit(trx, {
        requestId: request.id, actorUserId: actor.userId, actorOrganisationId: actor.organisationId, action, objectType: 'exemption', objectId: ex.id,
        before: { version: existing?.version ?? 0 }, after: { ...after, version: row.version + 1 },
      });
    });
    return (await loadExemptions(db, [request.params.id]))[0]!;
  }
  const trackFor = (row: LawAmendmentRow, ex: { amendment_requested_on: string | null; law_amended_on: string | null }) =>
    trackOf(row, { requestedOn: ex.amendment_requested_on, effectiveOn: ex.law_amended_on });

  app.post('/api/exemptions/:id/amendment/review', {
    config: { action: 'amendment:track' },
    schema: {
      tags: ['exemptions'],
      summary: 'The responsible ministry reports its review to the Deliberation Committee: amendment needed (plan due in 60 days) or not (Act Art. 87(6)–(7); audited)',
      params: Params, headers: Headers,
      body: Type.Object({ reportedOn: DateOnly, amendmentNeeded: Type.Boolean(), text: I18nTextSchema(4000) }, { additionalProperties: false }),
      response: { 200: ExemptionSchema, ...errors },
    },
  }, async (request) => {
    const reportedOn = date(request.body.reportedOn, '/body/reportedOn', { past: true });
    return edit(request, 'amendment:review', async (trx, row, ex) => {
      const r = checkReview({ grantedOn: civilDate(ex.granted_on), requestedOn: row.requested_on ? civilDate(row.requested_on) : null, reportedOn, alreadyReviewed: row.review_reported_on !== null });
      check(r.ok ? r.warnings : r.violations, { 'end-before-start': 'reportedOn' });
      await trx.updateTable('law_amendment').set({ review_reported_on: reportedOn, amendment_needed: request.body.amendmentNeeded, review: JSON.stringify(normaliseText(request.body.text)) })
        .where('exemption_id', '=', row.exemption_id).execute();
      return { reportedOn, amendmentNeeded: request.body.amendmentNeeded };
    });
  });

  app.post('/api/exemptions/:id/amendment/plan', {
    config: { action: 'amendment:track' },
    schema: {
      tags: ['exemptions'],
      summary: 'The responsible ministry submits its amendment plan: target law and schedule up to promulgation; due 60 days after its review, a late plan is marked late (Act Art. 87(6); Decree Art. 59(8); audited)',
      params: Params, headers: Headers,
      body: Type.Object({ submittedOn: DateOnly, targetLaw: I18nTextSchema(300), schedule: ScheduleSchema }, { additionalProperties: false }),
      response: { 200: ExemptionSchema, ...errors },
    },
  }, async (request) => {
    const submittedOn = date(request.body.submittedOn, '/body/submittedOn', { past: true });
    const schedule = request.body.schedule.map((s, i) => ({ stage: s.stage as AmendmentStage, by: date(s.by, `/body/schedule/${i}/by`) }));
    return edit(request, 'amendment:plan', async (trx, row, ex) => {
      const r = checkPlan({ track: trackFor(row, ex), submittedOn, schedule, calendar: calendarOf(db) });
      check(r.ok ? r.warnings : r.violations, { 'end-before-start': 'submittedOn', 'missing-item': 'schedule' });
      await trx.updateTable('law_amendment').set({
        plan_submitted_on: submittedOn, plan: JSON.stringify({ targetLaw: normaliseText(request.body.targetLaw) }), schedule: JSON.stringify(schedule),
      }).where('exemption_id', '=', row.exemption_id).execute();
      return { submittedOn, schedule, late: r.ok ? r.value.late : false, due: r.ok ? r.value.due : null };
    });
  });

  app.post('/api/exemptions/:id/amendment/progress', {
    config: { action: 'amendment:track' },
    schema: {
      tags: ['exemptions'],
      summary: `The amendment moves on (${AMENDMENT_STAGES.join(' → ')}; stages may be skipped, never reversed); the effective date is recorded with POST /api/exemptions/{id}/law-amended (Act Art. 87(6); audited)`,
      params: Params, headers: Headers,
      body: Type.Object({ stage: Type.Enum([...AMENDMENT_STAGES]), on: DateOnly }, { additionalProperties: false }),
      response: { 200: ExemptionSchema, ...errors },
    },
  }, async (request) => {
    const on = date(request.body.on, '/body/on', { past: true });
    const stage = request.body.stage as AmendmentStage;
    return edit(request, 'amendment:progress', async (trx, row, ex) => {
      const track = trackFor(row, ex);
      const r = checkProgress(track, stage, on);
      check(r.ok ? r.warnings : r.violations, { 'end-before-start': 'on' });
      await trx.updateTable('law_amendment').set({ progress: JSON.stringify([...track.progress, { stage, on }]) }).where('exemption_id', '=', row.exemption_id).execute();
      return { stage, on };
    });
  });

  app.post('/api/exemptions/:id/amendment/escalate', {
    config: { action: 'amendment:escalate' },
    schema: {
      tags: ['exemptions'],
      summary: 'Record the committee\'s recommendation to amend when the plan is late, refused or slipping; the ministry must report back (Act Art. 87(7), 87(13); MSS administrator; audited)',
      params: Params, headers: Headers,
      body: Type.Object({ recommendedOn: DateOnly, recommendation: I18nTextSchema(4000) }, { additionalProperties: false }),
      response: { 200: ExemptionSchema, ...errors },
    },
  }, async (request) => {
    const recommendedOn: CivilDate = date(request.body.recommendedOn, '/body/recommendedOn', { past: true });
    return edit(request, 'amendment:escalate', async (trx, row, ex) => {
      const track = trackFor(row, ex);
      const r = checkEscalation(track, recommendedOn, calendarOf(db));
      if (!r.ok) refuse(r.violations);
      const ground = escalationGround(track, recommendedOn, calendarOf(db))!;
      await trx.updateTable('law_amendment').set({
        escalated_on: recommendedOn, escalation: JSON.stringify({ ground: ground.ground, since: ground.since, recommendation: normaliseText(request.body.recommendation) }),
      }).where('exemption_id', '=', row.exemption_id).execute();
      return { recommendedOn, ground: ground.ground };
    });
  });
}
