// Periodic reports (schedule with due dates and late / missing flags, filing, review) and safety incidents
// (reporting deadline by severity, notifications to the zone's governments and MSS in the same transaction).
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Database } from '../../db/database.ts';
import type { Actor } from '../../domain/auth/types.ts';
import { civilDate } from '../../domain/calendar/civil-date.ts';
import type { HolidayCalendar } from '../../domain/calendar/holidays.ts';
import { calendarOf } from '../calendar/provider.ts';
import { SEOUL_OFFSET_MS } from '../../domain/compliance/events.ts';
import { seoulToday } from '../../domain/demonstrations/project.ts';
import { exemptionIdIssues, SUSPENDING_SEVERITIES } from '../../domain/demonstrations/suspension.ts';
import {
  INCIDENT_SEVERITIES, incidentDeadline, reportFrequency, reportingSchedule, reportStatus, type Frequency, type IncidentSeverity,
} from '../../domain/demonstrations/reports.ts';
import { joinTexts, normaliseText, type I18nText } from '../../domain/i18n-text.ts';
import { appendAudit } from '../audit/append.ts';
import { auditActor } from '../write/caller.ts';
import { authorize } from '../auth/authorize.ts';
import { AppError, notFound, type FieldError } from '../errors.ts';
import { I18nTextSchema, Nullable, ProblemSchema, Uuid } from '../../contract/common.ts';
import { inPageOrder, nextSchema, pageOf, pageQuery, readPage, type ListSpec } from '../http/pages.ts';
import { notify } from '../notifications/notify.ts';
import { frame } from './messages.ts';
import { loadProject, suspendedMinistries, targetOf, type ProjectRow } from './store.ts';

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema };
const IdParams = Type.Object({ id: Uuid });
const seoulDay = (d: Date) => civilDate(new Date(d.getTime() + SEOUL_OFFSET_MS).toISOString().slice(0, 10));

const PeriodSchema = Type.Object({
  index: Type.Integer(), from: Type.String(), to: Type.String(), due: Type.String(),
  status: Type.Enum(['upcoming', 'open', 'missing', 'submitted', 'late']),
  report: Nullable(Type.Object({
    kpiValues: Type.Array(Type.Object({ kpiId: Type.String(), value: Type.Number() })),
    narrative: I18nTextSchema(8000),
    submittedAt: Type.String(),
    reviewState: Type.Enum(['submitted', 'accepted', 'changes_requested']),
    reviewComment: Nullable(I18nTextSchema(4000)),
    reviewedAt: Nullable(Type.String()),
    version: Type.Integer(),
  })),
});
const IncidentSchema = Type.Object({
  id: Type.String(), severity: Type.Enum([...INCIDENT_SEVERITIES]), occurredAt: Type.String(), reportedAt: Type.String(), reportDeadline: Type.String(),
  reportedLate: Type.Boolean(), place: I18nTextSchema(300), lon: Nullable(Type.Number()), lat: Nullable(Type.Number()),
  description: I18nTextSchema(8000), immediateActions: I18nTextSchema(8000),
  /** The project's exemptions it concerns (a serious incident names at least one; it may suspend them). */
  exemptionIds: Type.Array(Type.String()),
});
/** The reporting deadlines in force (hours from occurrence, INCIDENT_DEADLINE_HOURS), sent so the UI computes none. */
const DeadlineHoursSchema = Type.Object({ minor: Type.Integer(), serious: Type.Integer(), critical: Type.Integer() });

export function scheduleOf(row: ProjectRow, calendar: HolidayCalendar) {
  const kpis = row.kpis as { id: string; frequency: Frequency }[];
  const frequency = reportFrequency(kpis.map((k) => k.frequency));
  return { frequency, periods: reportingSchedule(row.period_start, row.period_end, frequency, calendar) };
}

/** The users of MSS and of the project's local governments (the project's supervisors). */
async function supervisors(db: Database, regions: readonly string[]): Promise<string[]> {
  const users = await db.selectFrom('app_user').innerJoin('organisation', 'organisation.id', 'app_user.organisation_id').select('app_user.id')
    .where('app_user.disabled_at', 'is', null)
    .where((eb) => eb.or([
      eb('organisation.kind', '=', 'ministry'),
      ...(regions.length > 0 ? [eb.and([eb('organisation.kind', '=', 'local_government'), eb('organisation.region_code', 'in', [...regions])])] : []),
    ]))
    .execute();
  return users.map((u) => u.id);
}

async function displayName(db: Database, actor: Actor): Promise<string> {
  const user = await db.selectFrom('app_user').select('display_name').where('id', '=', actor.userId).executeTakeFirst();
  return user?.display_name ?? actor.userId;
}

/** A project's incidents in the order they occurred (the project is among the cursor's filters). */
const INCIDENT_LIST: ListSpec<'occurred'> = {
  list: 'project-incidents', defaultSort: 'occurred', defaultLimit: 100, maxLimit: 500,
  orders: { occurred: { direction: 'asc', columns: [{ sql: 'demonstration_incident.occurred_at', type: 'timestamptz' }, { sql: 'demonstration_incident.id', type: 'uuid' }] } },
};

export function reportRoutes(base: FastifyInstance): void {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.services;

  async function project(request: FastifyRequest, id: string) {
    const row = await loadProject(db, id);
    if (!row) throw notFound('project');
    const target = await targetOf(db, row);
    const actor = authorize(request, target);
    return { row, target, actor };
  }

  async function periodsView(row: ProjectRow) {
    const { frequency, periods } = scheduleOf(row, calendarOf(db));
    const reports = await db.selectFrom('demonstration_report').selectAll().where('project_id', '=', row.id).execute();
    const today = seoulToday(Date.now());
    return {
      frequency,
      items: periods.map((p) => {
        const r = reports.find((x) => x.period_index === p.index);
        return {
          index: p.index, from: p.from, to: p.to, due: p.due, status: reportStatus(p, r ? seoulDay(r.submitted_at) : null, today),
          report: r ? {
            kpiValues: r.kpi_values as { kpiId: string; value: number }[], narrative: r.narrative as I18nText, submittedAt: r.submitted_at.toISOString(),
            reviewState: r.review_state, reviewComment: r.review_comment as I18nText | null, reviewedAt: r.reviewed_at?.toISOString() ?? null, version: r.version,
          } : null,
        };
      }),
    };
  }

  app.get('/api/projects/:id/reports', {
    config: { action: 'project:read', objectScoped: true },
    schema: {
      tags: ['demonstrations'], summary: 'Reporting periods (from the KPIs\' most frequent frequency) with due dates, status (late, missing…) and the reports filed',
      params: IdParams, response: { 200: Type.Object({ frequency: Type.String(), items: Type.Array(PeriodSchema) }), ...errors },
    },
  }, async (request) => {
    const { row } = await project(request, request.params.id);
    return periodsView(row);
  });

  app.put('/api/projects/:id/reports/:period', {
    config: { action: 'project:report', objectScoped: true },
    schema: {
      tags: ['demonstrations'], summary: 'File (or, after a request for changes, refile) the report of one period with KPI values',
      params: Type.Object({ id: Uuid, period: Type.Integer({ minimum: 1, maximum: 1200 }) }),
      body: Type.Object({
        kpiValues: Type.Array(Type.Object({ kpiId: Type.String({ maxLength: 40 }), value: Type.Number({ minimum: -1e15, maximum: 1e15 }) }, { additionalProperties: false }), { maxItems: 50 }),
        narrative: I18nTextSchema(8000),
      }, { additionalProperties: false }),
      response: { 200: PeriodSchema, ...errors },
    },
  }, async (request) => {
    const { row, actor } = await project(request, request.params.id);
    const { periods } = scheduleOf(row, calendarOf(db));
    const period = periods.find((p) => p.index === request.params.period);
    if (!period) throw notFound('report');
    const kpiIds = new Set((row.kpis as { id: string }[]).map((k) => k.id));
    const fields: FieldError[] = [];
    const seen = new Set<string>();
    request.body.kpiValues.forEach((v, i) => {
      if (!kpiIds.has(v.kpiId)) fields.push({ path: `/body/kpiValues/${i}/kpiId`, keyword: 'unknown', params: { value: v.kpiId } });
      else if (seen.has(v.kpiId)) fields.push({ path: `/body/kpiValues/${i}/kpiId`, keyword: 'duplicate', params: {} });
      seen.add(v.kpiId);
    });
    if (fields.length > 0) throw new AppError('validation', { fields });
    if (seoulToday(Date.now()) <= period.to && row.state !== 'completed') {
      // A report covers a finished period (or the last one of a completed project).
      throw new AppError('conflict', { params: { reason: frame(request.locale, 'period-open', { period: period.index, to: period.to }) } });
    }
    await db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('demonstration_report').selectAll().where('project_id', '=', row.id).where('period_index', '=', period.index).forUpdate().executeTakeFirst();
      if (before && before.review_state !== 'changes_requested') throw new AppError('conflict', { params: { reason: frame(request.locale, 'report-state', { period: period.index, state: before.review_state }) } });
      const values = {
        period_from: period.from, period_to: period.to, due: period.due, kpi_values: JSON.stringify(request.body.kpiValues),
        narrative: JSON.stringify(normaliseText(request.body.narrative as I18nText)), submitted_at: new Date(), submitted_by: actor.userId,
        review_state: 'submitted' as const, review_comment: null, reviewed_at: null, reviewed_by: null, version: (before?.version ?? 0) + 1,
      };
      if (before) await trx.updateTable('demonstration_report').set(values).where('project_id', '=', row.id).where('period_index', '=', period.index).execute();
      else await trx.insertInto('demonstration_report').values({ project_id: row.id, period_index: period.index, ...values }).execute();
      await appendAudit(trx, { ...auditActor({ requestId: request.id }, actor), action: 'project:report', objectType: 'demonstration_report', objectId: `${row.id}/${period.index}`, before: before ?? null, after: request.body });
    });
    return (await periodsView(row)).items.find((p) => p.index === period.index)!;
  });

  app.post('/api/projects/:id/reports/:period/review', {
    config: { action: 'project:review', objectScoped: true },
    schema: {
      tags: ['demonstrations'], summary: 'Accept a filed report or ask for changes, with a comment (the zone\'s governments, MSS)',
      params: Type.Object({ id: Uuid, period: Type.Integer({ minimum: 1, maximum: 1200 }) }),
      body: Type.Object({ decision: Type.Enum(['accept', 'request-changes']), comment: I18nTextSchema(4000) }, { additionalProperties: false }),
      response: { 200: PeriodSchema, ...errors },
    },
  }, async (request) => {
    const { row, actor } = await project(request, request.params.id);
    await db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('demonstration_report').selectAll().where('project_id', '=', row.id).where('period_index', '=', request.params.period).forUpdate().executeTakeFirst();
      if (!before) throw notFound('report');
      if (before.review_state !== 'submitted') throw new AppError('conflict', { params: { reason: frame(request.locale, 'report-state', { period: before.period_index, state: before.review_state }) } });
      const state = request.body.decision === 'accept' ? 'accepted' as const : 'changes_requested' as const;
      await trx.updateTable('demonstration_report').set({
        review_state: state, review_comment: JSON.stringify(normaliseText(request.body.comment as I18nText)), reviewed_at: new Date(), reviewed_by: actor.userId,
      }).where('project_id', '=', row.id).where('period_index', '=', before.period_index).execute();
      await appendAudit(trx, { ...auditActor({ requestId: request.id }, actor), action: 'project:review', objectType: 'demonstration_report', objectId: `${row.id}/${before.period_index}`, before: { reviewState: before.review_state }, after: { reviewState: state, comment: request.body.comment } });
      const filers = await trx.selectFrom('app_user').select('id').where('organisation_id', 'in', [row.lead_company, ...row.partner_companies]).execute();
      await notify(trx, {
        userIds: filers.map((u) => u.id), kind: 'transition', link: `/projects/${row.id}`, objectType: 'demonstration_project', objectId: row.id,
        params: { subject: joinTexts(' — ', row.title as I18nText, `${before.period_from} ~ ${before.period_to}`), state: `report:${state}`, actor: await displayName(trx, actor) },
      });
    });
    return (await periodsView(row)).items.find((p) => p.index === request.params.period)!;
  });

  app.get('/api/projects/:id/incidents', {
    config: { action: 'project:read', objectScoped: true },
    schema: {
      tags: ['demonstrations'], summary: 'The project\'s safety incidents, earliest first, in pages, and the reporting deadlines in force (hours by severity)',
      params: IdParams, querystring: Type.Object(pageQuery(INCIDENT_LIST), { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(IncidentSchema), next: nextSchema, deadlineHours: DeadlineHoursSchema }), ...errors },
    },
  }, async (request) => {
    const { row } = await project(request, request.params.id);
    const page = readPage(INCIDENT_LIST, { limit: request.query.limit, cursor: request.query.cursor }, { project: row.id }, await app.services.listKey());
    const { rows, next } = pageOf(page, await inPageOrder(db.selectFrom('demonstration_incident').selectAll().where('project_id', '=', row.id), page).execute());
    return {
      next,
      deadlineHours: { ...app.services.config.incidentDeadlineHours },
      items: rows.map((i) => ({
        id: i.id, severity: i.severity, occurredAt: i.occurred_at.toISOString(), reportedAt: i.reported_at.toISOString(), reportDeadline: i.report_deadline.toISOString(),
        reportedLate: i.reported_at.getTime() > i.report_deadline.getTime(), place: i.place as I18nText, lon: i.lon, lat: i.lat,
        description: i.description as I18nText, immediateActions: i.immediate_actions as I18nText, exemptionIds: i.exemption_ids,
      })),
    };
  });

  app.post('/api/projects/:id/incidents', {
    config: { action: 'project:report', objectScoped: true },
    schema: {
      tags: ['demonstrations'], summary: 'Report a safety incident; MSS, the zone\'s governments and the responsible ministries whose regulations the project\'s exemptions suspend are notified at once',
      params: IdParams,
      body: Type.Object({
        severity: Type.Enum([...INCIDENT_SEVERITIES]),
        occurredAt: Type.String({ format: 'date-time', maxLength: 40 }),
        place: I18nTextSchema(300),
        lon: Nullable(Type.Number({ minimum: -180, maximum: 180 })),
        lat: Nullable(Type.Number({ minimum: -90, maximum: 90 })),
        description: I18nTextSchema(8000),
        immediateActions: I18nTextSchema(8000),
        exemptionIds: Type.Optional(Type.Array(Uuid, { maxItems: 50 })),
      }, { additionalProperties: false }),
      response: { 201: IncidentSchema, ...errors },
    },
  }, async (request, reply) => {
    const { row, target, actor } = await project(request, request.params.id);
    const body = request.body;
    const occurred = Date.parse(body.occurredAt);
    const now = Date.now();
    const fields: FieldError[] = [];
    if (!Number.isFinite(occurred) || occurred > now + 5 * 60_000) fields.push({ path: '/body/occurredAt', keyword: 'maximum', params: { limit: new Date(now).toISOString() } });
    if ((body.lon === null) !== (body.lat === null)) fields.push({ path: body.lon === null ? '/body/lon' : '/body/lat', keyword: 'required', params: {} });
    const severity = body.severity as IncidentSeverity;
    const exemptionIds = body.exemptionIds ?? [];
    // The exemptions it concerns are the project's; a serious incident names at least one when the project uses any
    // (it may suspend them).
    const named = exemptionIdIssues(exemptionIds, row.exemption_ids, SUSPENDING_SEVERITIES.includes(severity) && row.exemption_ids.length > 0);
    if (named.required) fields.push({ path: '/body/exemptionIds', keyword: 'minItems', params: { limit: 1 } });
    for (const i of named.items) fields.push({ path: `/body/exemptionIds/${i.index}`, keyword: i.keyword, params: i.keyword === 'unknown' ? { value: exemptionIds[i.index]! } : {} });
    if (fields.length > 0) throw new AppError('validation', { fields });
    const id = randomUUID();
    const deadline = incidentDeadline(occurred, severity, app.services.config.incidentDeadlineHours);
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('demonstration_incident').values({
        id, project_id: row.id, severity, occurred_at: new Date(occurred), reported_at: new Date(now), report_deadline: new Date(deadline),
        place: JSON.stringify(normaliseText(body.place as I18nText)), lon: body.lon, lat: body.lat,
        description: JSON.stringify(normaliseText(body.description as I18nText)), immediate_actions: JSON.stringify(normaliseText(body.immediateActions as I18nText)),
        reported_by: actor.userId, exemption_ids: exemptionIds,
      }).execute();
      await appendAudit(trx, { ...auditActor({ requestId: request.id }, actor), action: 'project:incident', objectType: 'demonstration_incident', objectId: id, before: null, after: { projectId: row.id, ...body } });
      const params = { subject: joinTexts(' — ', row.title as I18nText, body.place as I18nText), state: `incident:${severity}`, actor: await displayName(trx, actor) };
      await notify(trx, { userIds: await supervisors(trx, target.regions), kind: 'transition', link: `/projects/${row.id}`, objectType: 'demonstration_incident', objectId: id, params });
      // The responsible ministries whose regulations the project's exemptions suspend (issue 5: incidents reach the
      // responsible ministry); they read the evidence pack, not the project page, so the link is their list.
      const ministries = (await suspendedMinistries(trx, [row.id])).get(row.id) ?? [];
      if (ministries.length > 0) {
        const users = await trx.selectFrom('app_user').select('id').where('organisation_id', 'in', ministries).where('disabled_at', 'is', null).execute();
        await notify(trx, { userIds: users.map((u) => u.id), kind: 'transition', link: '/projects', objectType: 'demonstration_incident', objectId: id, params });
      }
    });
    reply.code(201);
    return {
      id, severity, occurredAt: new Date(occurred).toISOString(), reportedAt: new Date(now).toISOString(), reportDeadline: new Date(deadline).toISOString(),
      reportedLate: now > deadline, place: normaliseText(body.place as I18nText), lon: body.lon, lat: body.lat,
      description: normaliseText(body.description as I18nText), immediateActions: normaliseText(body.immediateActions as I18nText), exemptionIds,
    };
  });
}
