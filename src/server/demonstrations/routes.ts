// Demonstration projects (실증사업): created and kept by their lead company, read by their companies, the
// zone's local governments and MSS; demonstration data uploads (CSV / NDJSON, streamed, idempotent by upload
// id, all or nothing) and the compliance report over the stored events.
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Rule } from '../../domain/compliance/rules.ts';
import { periodInstants, type ProjectState } from '../../domain/demonstrations/project.ts';
import type { UploadFormat } from '../../domain/demonstrations/events.ts';
import type { RegulatoryNeed } from '../../domain/supply-chain/coverage.ts';
import { callerOf } from '../write/caller.ts';
import { answerOnce, IdempotencyHeaders } from '../write/idempotency.ts';
import { createProject } from './use-cases/create-project.ts';
import { editProject } from './use-cases/edit-project.ts';
import { moveProject } from './use-cases/move-project.ts';
import { authorize } from '../auth/authorize.ts';
import { AppError, notFound, type FieldError } from '../errors.ts';
import { inPageOrder, nextSchema, pageOf, pageQuery, readPage, type ListSpec } from '../http/pages.ts';
import { I18nTextSchema, Nullable, ProblemSchema, Uuid } from '../../contract/common.ts';
import { coverageFor } from '../exemptions/needs.ts';
import { CoverageSchema } from '../../contract/needs.ts';
import { attachmentRoutes } from './attachments.ts';
import { complianceReport } from './compliance.ts';
import { errorCsv, errorFileId, errorFileStore } from './error-file.ts';
import { evidenceCsv, evidenceData, evidencePdf } from './evidence.ts';
import { frame } from './messages.ts';
import { pageProjects, PROJECT_LIST } from './page-projects.ts';
import { EVIDENCE_PACK_LIST, pageEvidencePacks } from './page-evidence-packs.ts';
import { reportRoutes } from './reports.ts';
import { suspensionRoutes } from './suspensions.ts';
import { ProjectInput, ProjectSchema, ProjectUpdate, UploadResultSchema } from '../../contract/projects.ts';
import {
  evidenceTargetOf, loadProject, projectEtag, projectView, targetOf, type projectTarget, type ProjectRow,
} from './store.ts';
import { hashStream, spool } from './upload.ts';
import { storeUpload, uploadView } from './upload-store.ts';
import { partRoutes } from './parts.ts';

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 412: ProblemSchema, 413: ProblemSchema, 415: ProblemSchema };
const IdParams = Type.Object({ id: Uuid });
const MEDIA: Record<string, UploadFormat> = { 'text/csv': 'csv', 'application/x-ndjson': 'ndjson' };

const conflict = (reason: string, fields: FieldError[] = []): AppError => new AppError('conflict', { params: { reason }, fields });

/** A project's uploads, oldest first (the project is among the cursor's filters). */
const UPLOAD_LIST: ListSpec<'created'> = {
  list: 'project-uploads', defaultSort: 'created', defaultLimit: 100, maxLimit: 500,
  orders: { created: { direction: 'asc', columns: [{ sql: 'demonstration_upload.created_at', type: 'timestamptz' }, { sql: 'demonstration_upload.id', type: 'uuid' }] } },
};

export async function demonstrationRoutes(base: FastifyInstance): Promise<void> {
  // Encapsulated: the streamed CSV / NDJSON body parser applies to these routes only.
  await base.register(async (scope) => {
    scope.addContentTypeParser(['text/csv', 'application/x-ndjson'], (_request, payload, done) => done(null, payload));
    routes(scope);
    partRoutes(scope);
    reportRoutes(scope);
    suspensionRoutes(scope);
  });
  await attachmentRoutes(base);
}

function routes(base: FastifyInstance): void {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config } = app.services;

  async function readable(request: FastifyRequest, id: string): Promise<{ row: ProjectRow; target: ReturnType<typeof projectTarget> }> {
    const row = await loadProject(db, id);
    if (!row) throw notFound('project');
    const target = await targetOf(db, row);
    authorize(request, target);
    return { row, target };
  }

  app.get('/api/projects', {
    config: { action: 'project:list' },
    schema: {
      tags: ['demonstrations'],
      summary: 'Demonstration projects the caller may read (its own as a company; its zones\' as a local government; all for MSS), oldest first',
      querystring: Type.Object({ zone: Type.Optional(Uuid), ...pageQuery(PROJECT_LIST) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(ProjectSchema), next: nextSchema }), ...errors },
    },
  }, async (request) => {
    const actor = authorize(request);
    const { zone, limit, cursor } = request.query;
    const page = readPage(PROJECT_LIST, { limit, cursor }, { zone }, await app.services.listKey());
    return pageProjects(db, actor, { zone }, page);
  });

  app.post('/api/projects', {
    config: { action: 'project:create', objectScoped: true },
    schema: { tags: ['demonstrations'], summary: 'Create a demonstration project led by the caller\'s company; Idempotency-Key makes a resent request create nothing more', headers: IdempotencyHeaders, body: ProjectInput, response: { 201: ProjectSchema, ...errors, 422: ProblemSchema } },
  }, async (request, reply) => answerOnce(db, request, reply, {
    status: 201, location: (id: string) => `/api/projects/${id}`,
    write: (caller) => createProject(db, caller, request.body),
    render: async (id) => {
      const row = (await loadProject(db, id))!;
      reply.header('etag', projectEtag(row.version));
      return projectView(row, request.actor, await targetOf(db, row));
    },
  }));

  app.get('/api/projects/:id', {
    config: { action: 'project:read', objectScoped: true },
    schema: { tags: ['demonstrations'], summary: 'One demonstration project', params: IdParams, response: { 200: ProjectSchema, ...errors } },
  }, async (request, reply) => {
    const { row, target } = await readable(request, request.params.id);
    reply.header('etag', projectEtag(row.version));
    return projectView(row, request.actor, target);
  });

  app.put('/api/projects/:id', {
    config: { action: 'project:edit', objectScoped: true },
    schema: { tags: ['demonstrations'], summary: 'Replace the project\'s record (lead company); If-Match guards concurrent edits', params: IdParams, body: ProjectUpdate, response: { 200: ProjectSchema, ...errors } },
  }, async (request, reply) => {
    await editProject(db, callerOf(request), request.params.id, request.headers['if-match'], request.body);
    const saved = (await loadProject(db, request.params.id))!;
    const actor = request.actor!;
    reply.header('etag', projectEtag(saved.version));
    return projectView(saved, actor, await targetOf(db, saved));
  });

  app.post('/api/projects/:id/transition', {
    config: { action: 'project:edit', objectScoped: true },
    schema: {
      tags: ['demonstrations'],
      summary: 'Move the project to another state; starting to demonstrate needs valid liability insurance where required (Decree Art. 60)',
      params: IdParams,
      body: Type.Object({ to: Type.Enum(['draft', 'demonstrating', 'completed']) }, { additionalProperties: false }),
      response: { 200: ProjectSchema, ...errors },
    },
  }, async (request) => {
    await moveProject(db, callerOf(request), request.params.id, request.body.to as ProjectState);
    const saved = (await loadProject(db, request.params.id))!;
    return projectView(saved, request.actor, await targetOf(db, saved));
  });

  app.put('/api/projects/:id/uploads/:uploadId', {
    config: { action: 'project:upload', objectScoped: true },
    schema: {
      tags: ['demonstrations'],
      summary: 'Upload demonstration events as text/csv or application/x-ndjson (streamed; idempotent by upload id; all or nothing unless ?mode=skip-invalid)',
      params: Type.Object({ id: Uuid, uploadId: Uuid }),
      querystring: Type.Object({ mode: Type.Optional(Type.Enum(['all', 'skip-invalid'])) }, { additionalProperties: false }),
      response: { 200: UploadResultSchema, 201: UploadResultSchema, ...errors },
    },
  }, async (request, reply) => {
    const { row } = await readable(request, request.params.id);
    const actor = request.actor!;
    const media = String(request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const format = MEDIA[media];
    const stream = request.body as Readable | undefined;
    if (format === undefined || stream === undefined || typeof (stream as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] !== 'function') {
      throw new AppError('unsupported-media-type');
    }
    const mode = request.query.mode ?? 'all';
    const uploadId = request.params.uploadId;
    const existing = await db.selectFrom('demonstration_upload').selectAll().where('project_id', '=', row.id).where('id', '=', uploadId).executeTakeFirst();
    if (existing) {
      const sha256 = await hashStream(stream);
      if (sha256 !== existing.sha256) throw conflict(frame(request.locale, 'upload-differs', { upload: uploadId }));
      return reply.code(200).send(uploadView(existing, true));
    }
    const { from, to } = periodInstants(row.period_start, row.period_end);
    const result = await spool({ stream, format, context: { from, to, fromLabel: row.period_start, toLabel: row.period_end }, lineChars: config.inputLimits.lineChars });
    let saved;
    try {
      saved = await storeUpload(db, request, actor, result, { projectId: row.id, uploadId, format, mode });
    } finally {
      await result.dispose();
    }
    return reply.code(201).header('location', `/api/projects/${row.id}/uploads/${uploadId}`).send(uploadView(saved, false));
  });

  app.get('/api/projects/:id/uploads', {
    config: { action: 'project:read', objectScoped: true },
    schema: {
      tags: ['demonstrations'], summary: 'The project\'s data uploads, oldest first, in pages', params: IdParams,
      querystring: Type.Object(pageQuery(UPLOAD_LIST), { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(UploadResultSchema), next: nextSchema }), ...errors },
    },
  }, async (request) => {
    const { row } = await readable(request, request.params.id);
    const page = readPage(UPLOAD_LIST, { limit: request.query.limit, cursor: request.query.cursor }, { project: row.id }, await app.services.listKey());
    const { rows, next } = pageOf(page, await inPageOrder(db.selectFrom('demonstration_upload').selectAll().where('project_id', '=', row.id), page).execute());
    return { items: rows.map((u) => uploadView(u, false)), next };
  });

  app.get('/api/projects/:id/uploads/:uploadId/errors.csv', {
    config: { action: 'project:read', objectScoped: true },
    schema: {
      tags: ['demonstrations'],
      summary: 'Every problem of an upload stored in skip-invalid mode or refused, as CSV (row, column, problem in the reader\'s language, the rejected line; UTF-8 with BOM)',
      params: Type.Object({ id: Uuid, uploadId: Uuid }),
      response: { 200: Type.Unsafe<Readable | string>({ type: 'string' }), ...errors },
    },
  }, async (request, reply) => {
    const { row } = await readable(request, request.params.id);
    const file = await errorFileStore(app.services.config, db).openStored(errorFileId(row.id, request.params.uploadId));
    if (file === null) throw notFound('upload');
    reply.header('content-disposition', `attachment; filename="upload-errors-${request.params.uploadId}.csv"`).header('cache-control', 'private, no-store');
    return reply.type('text/csv; charset=utf-8').send(Readable.from(errorCsv(file, request.locale, request.id)));
  });

  const evidenceRoute = (format: 'pdf' | 'csv') => app.get(`/api/projects/:id/evidence-pack.${format}`, {
    // Also the responsible ministry whose regulation an exemption of the project suspends (policy `project:evidence`).
    config: { action: 'project:evidence', objectScoped: true },
    schema: {
      tags: ['demonstrations'],
      summary: format === 'pdf'
        ? 'Evidence pack for a law-amendment request as PDF (Korean, embedded Noto Sans CJK): the safety and KPI record under each exemption — events, violations of its conditions, incidents, reports, outcomes'
        : 'Evidence pack as CSV (UTF-8 with BOM; columns section, exemption_id, date, item, value, target, unit, detail): events and violations per exemption, incidents, reports, KPI values, outcomes',
      params: IdParams,
      response: { 200: Type.Unsafe<Buffer | string>({ type: 'string', format: format === 'pdf' ? 'binary' : undefined }), ...errors },
    },
  }, async (request, reply) => {
    const row = await loadProject(db, request.params.id);
    if (!row) throw notFound('project');
    authorize(request, await evidenceTargetOf(db, row));
    const data = await evidenceData(db, row);
    const name = `evidence-pack-${row.id}.${format}`;
    reply.header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'private, no-store');
    if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(evidenceCsv(data));
    return reply.type('application/pdf').send(evidencePdf(data, app.services.config.pdfFont));
  });
  evidenceRoute('pdf');
  evidenceRoute('csv');

  app.get('/api/evidence-packs', {
    config: { action: 'evidence-pack:list' },
    schema: {
      tags: ['demonstrations'],
      summary: 'The projects whose evidence pack the caller may read — for a responsible ministry, those using an exemption that suspends one of its regulations — with the exemptions concerned and the download addresses; oldest project first, in pages',
      querystring: Type.Object(pageQuery(EVIDENCE_PACK_LIST), { additionalProperties: false }),
      response: {
        200: Type.Object({
          items: Type.Array(Type.Object({
            projectId: Type.String(), title: I18nTextSchema(300), zoneId: Type.String(), state: Type.String(), demo: Type.Boolean(),
            exemptions: Type.Array(Type.Object({ id: Type.String(), title: I18nTextSchema(1000) })),
            pdf: Type.String(), csv: Type.String(),
          })),
          next: nextSchema,
        }),
        ...errors,
      },
    },
  }, async (request) => {
    const { limit, cursor } = request.query;
    const page = readPage(EVIDENCE_PACK_LIST, { limit, cursor }, {}, await app.services.listKey());
    return pageEvidencePacks(db, request.actor!, page);
  });

  app.get('/api/projects/:id/compliance', {
    config: { action: 'project:read', objectScoped: true },
    schema: {
      tags: ['demonstrations'],
      summary: 'Compliance report: the project\'s rules (and its Decree Art. 60 insurance) run over all its stored events',
      params: IdParams,
      querystring: Type.Object({ examples: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })) }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          projectId: Type.String(),
          rules: Type.Array(Type.Object({ id: Type.String(), kind: Type.String(), label: Type.Optional(Type.String()) })),
          warnings: Type.Array(Type.Object({ code: Type.String(), path: Type.Array(Type.Union([Type.String(), Type.Integer()])) })),
          report: Type.Unknown(),
          exemptions: Type.Array(Type.Object({
            exemptionId: Type.String(),
            title: Type.Record(Type.String(), Type.String()),
            kind: Type.String(),
            state: Type.String(),
            rules: Type.Array(Type.Object({ id: Type.String(), kind: Type.String(), label: Type.Optional(Type.String()) })),
            notCheckable: Type.Array(Type.Object({ condition: Type.Enum(['quantity', 'area']), index: Type.Optional(Type.Integer()), unit: Type.Optional(Type.String()) })),
            suspendedSince: Nullable(Type.String({ description: 'when the exemption was suspended for this project, while it is (events since then violate the `suspension` rule)' })),
            report: Type.Unknown({ description: 'the compliance report of the exemption\'s conditions over the same events' }),
          }), { description: 'each exemption the project uses: its conditions compiled into rules (src/domain/compliance/exemption-rules.ts)' }),
        }),
        ...errors,
      },
    },
  }, async (request) => {
    const { row } = await readable(request, request.params.id);
    const { rules, warnings, report, exemptions } = await complianceReport(db, row, request.query.examples ?? 10);
    const ruleList = (list: readonly Rule[]) => list.map((r) => ({ id: r.id, kind: r.kind, ...(r.label !== undefined ? { label: r.label } : {}) }));
    return {
      projectId: row.id,
      rules: ruleList(rules),
      warnings: warnings.map((w) => ({ code: w.code, path: [...w.path] })),
      report,
      exemptions: exemptions.map((e) => ({
        exemptionId: e.exemptionId, title: e.title, kind: e.kind, state: e.state, rules: ruleList(e.rules), notCheckable: e.notCheckable.map((n) => ({ ...n })),
        suspendedSince: e.suspendedSince, report: e.report,
      })),
    };
  });

  app.get('/api/projects/:id/coverage', {
    config: { action: 'project:read', objectScoped: true },
    schema: {
      tags: ['demonstrations'],
      summary: "Coverage of the project's regulatory needs per stage by its zone's exemptions, and precedents from other zones for each unmet need",
      params: IdParams, response: { 200: CoverageSchema, ...errors },
    },
  }, async (request) => {
    const { row } = await readable(request, request.params.id);
    return coverageFor(db, row.zone_id, (row.needs ?? []) as RegulatoryNeed[]);
  });
}
