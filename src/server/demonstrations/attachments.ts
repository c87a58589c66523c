// Attachments of periodic reports (Act Art. 87; Decree Art. 59(4): the report with its supporting data):
// PDF, PNG, JPEG, CSV and XLSX recognised from their bytes, at most ATTACHMENT_LIMIT_BYTES, streamed into
// ZONELINK_FILES_DIR (temporary file, then one rename) with the SHA-256 recorded here and checked again
// before each download. Companies of the project attach to a filed report that is not yet accepted; who may
// read the project may download. A file is withdrawn (soft delete: the row keeps who, when and why; the stored
// bytes are removed once the withdrawal has committed) by the company that attached it or the lead company,
// while the report is not accepted — an accepted report's files are evidence and stay (ADR 0008).
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Selectable } from 'kysely';
import type { DemonstrationAttachmentTable } from '../../db/schema.ts';
import {
  ATTACHMENT_KINDS, attachmentRemovable, cleanFileName, MEDIA_TYPES, SNIFF_HEAD_BYTES, SNIFF_TAIL_BYTES, sniffAttachment,
} from '../../domain/demonstrations/attachments.ts';
import { decide } from '../../domain/auth/policy.ts';
import { appendAudit } from '../audit/append.ts';
import { authorize } from '../auth/authorize.ts';
import { AppError, notFound } from '../errors.ts';
import { openFileStore } from '../files/open-file-store.ts';
import { Line, ProblemSchema, Uuid } from '../../contract/common.ts';
import { inPageOrder, nextSchema, pageOf, pageQuery, readPage, type ListSpec } from '../http/pages.ts';
import { frame } from './messages.ts';
import { loadProject, targetOf } from './store.ts';
import type { Database } from '../../db/database.ts';

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 413: ProblemSchema, 415: ProblemSchema };
const ReportParams = Type.Object({ id: Uuid, period: Type.Integer({ minimum: 1, maximum: 1200 }) });

export const AttachmentSchema = Type.Object({
  id: Type.String(),
  period: Type.Integer(),
  name: Type.String(),
  kind: Type.Enum([...ATTACHMENT_KINDS]),
  mediaType: Type.String(),
  sizeBytes: Type.Integer(),
  sha256: Type.String({ description: 'SHA-256 of the content (hex), checked again before every download' }),
  createdAt: Type.String(),
  href: Type.String({ description: 'where to download it' }),
  canRemove: Type.Boolean({ description: 'whether the caller may withdraw it now (DELETE on href)' }),
});

type AttachmentRow = Selectable<DemonstrationAttachmentTable>;
export const attachmentView = (a: AttachmentRow, canRemove: boolean) => ({
  id: a.id, period: a.period_index, name: a.name, kind: a.kind, mediaType: MEDIA_TYPES[a.kind], sizeBytes: a.size_bytes, sha256: a.sha256,
  createdAt: a.created_at.toISOString(), href: `/api/projects/${a.project_id}/reports/${a.period_index}/attachments/${a.id}`, canRemove,
});

/** RFC 6266 / 8187: an ASCII fallback and the UTF-8 name. */
const disposition = (name: string): string =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** A report's attachments, oldest first (the project and the period are among the cursor's filters). */
const ATTACHMENT_LIST: ListSpec<'attached'> = {
  list: 'report-attachments', defaultSort: 'attached', defaultLimit: 100, maxLimit: 500,
  orders: { attached: { direction: 'asc', columns: [{ sql: 'a.created_at', type: 'timestamptz' }, { sql: 'a.id', type: 'uuid' }] } },
};

export async function attachmentRoutes(base: FastifyInstance): Promise<void> {
  await base.register(async (scope) => {
    // Any body is taken as a byte stream; its type is decided from the bytes, not from Content-Type.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    routes(scope);
  });
  removalRoute(base);
}

function routes(base: FastifyInstance): void {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config } = app.services;
  const files = openFileStore(config, db, 'attachments');

  async function report(request: FastifyRequest, projectId: string, period: number) {
    const row = await loadProject(db, projectId);
    if (!row) throw notFound('project');
    const actor = authorize(request, await targetOf(db, row));
    const filed = await db.selectFrom('demonstration_report').select(['period_index', 'review_state']).where('project_id', '=', row.id).where('period_index', '=', period).executeTakeFirst();
    if (!filed) throw notFound('report');
    return { row, actor, filed };
  }

  app.post('/api/projects/:id/reports/:period/attachments', {
    config: { action: 'project:report', objectScoped: true },
    bodyLimit: 2 ** 31 - 1, // checked while streaming against ATTACHMENT_LIMIT_BYTES
    schema: {
      tags: ['demonstrations'],
      summary: 'Attach a file (PDF, PNG, JPEG, CSV or XLSX — recognised from its bytes; at most ATTACHMENT_LIMIT_BYTES) to a filed report that is not yet accepted; the raw file is the body',
      params: ReportParams,
      querystring: Type.Object({ name: Line(200) }, { additionalProperties: false }),
      response: { 201: AttachmentSchema, ...errors },
    },
  }, async (request, reply) => {
    const { row, actor, filed } = await report(request, request.params.id, request.params.period);
    if (filed.review_state === 'accepted') {
      throw new AppError('conflict', { params: { reason: frame(request.locale, 'report-state', { period: filed.period_index, state: filed.review_state }) } });
    }
    const limit = config.attachmentLimitBytes;
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) throw new AppError('payload-too-large', { params: { limit } });
    const stream = request.body as Readable | undefined;
    if (stream === undefined || typeof (stream as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] !== 'function') {
      throw new AppError('attachment-type', { params: { detected: '—', allowed: ATTACHMENT_KINDS.join(', ') } });
    }
    const received = await files.receive(stream, limit, SNIFF_HEAD_BYTES, SNIFF_TAIL_BYTES);
    const id = randomUUID();
    let committed = false;
    try {
      const kind = received.size === 0 ? null : sniffAttachment(received.head, received.tail, received.size);
      if (kind === null) throw new AppError('attachment-type', { params: { detected: received.size === 0 ? 'empty' : 'unknown', allowed: ATTACHMENT_KINDS.join(', ') } });
      await files.commitFile(received, id);
      committed = true;
      const name = cleanFileName(request.query.name);
      const saved = await db.transaction().execute(async (trx) => {
        const inserted = await trx.insertInto('demonstration_attachment').values({
          id, project_id: row.id, period_index: filed.period_index, name, kind, size_bytes: received.size, sha256: received.sha256, created_by: actor.userId,
        }).returningAll().executeTakeFirstOrThrow();
        await appendAudit(trx, {
          requestId: request.id, actorUserId: actor.userId, actorOrganisationId: actor.organisationId, action: 'project:attach', objectType: 'demonstration_attachment',
          objectId: id, before: null, after: { projectId: row.id, period: filed.period_index, name, kind, sizeBytes: received.size, sha256: received.sha256 },
        });
        return inserted;
      });
      // The attaching company may withdraw it while the report is not accepted (checked above).
      reply.code(201).header('location', attachmentView(saved, true).href);
      return attachmentView(saved, true);
    } catch (error) {
      if (committed) await files.remove(id);
      else await received.discard();
      throw error;
    }
  });

  app.get('/api/projects/:id/reports/:period/attachments', {
    config: { action: 'project:read', objectScoped: true },
    schema: {
      tags: ['demonstrations'], summary: 'The files attached to a report, oldest first, in pages', params: ReportParams,
      querystring: Type.Object(pageQuery(ATTACHMENT_LIST), { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(AttachmentSchema), next: nextSchema }), ...errors },
    },
  }, async (request) => {
    const { row, filed } = await report(request, request.params.id, request.params.period);
    const page = readPage(ATTACHMENT_LIST, { limit: request.query.limit, cursor: request.query.cursor }, { project: row.id, period: filed.period_index }, await app.services.listKey());
    const query = db.selectFrom('demonstration_attachment as a').leftJoin('app_user as u', 'u.id', 'a.created_by').selectAll('a').select('u.organisation_id as attached_by_org')
      .where('a.project_id', '=', row.id).where('a.period_index', '=', filed.period_index).where('a.removed_at', 'is', null);
    const { rows, next } = pageOf(page, await inPageOrder(query, page).execute());
    const target = await targetOf(db, row);
    const open = attachmentRemovable(filed.review_state);
    return { items: rows.map((a) => attachmentView(a, open && decide(request.actor, 'project:remove-attachment', { ...target, attachedBy: a.attached_by_org }).allowed)), next };
  });

  app.get('/api/projects/:id/reports/:period/attachments/:attachmentId', {
    config: { action: 'project:read', objectScoped: true },
    schema: {
      tags: ['demonstrations'],
      summary: 'Download an attached file (streamed, after its SHA-256 is checked against the one recorded)',
      params: Type.Object({ id: Uuid, period: Type.Integer({ minimum: 1, maximum: 1200 }), attachmentId: Uuid }),
      response: { 200: Type.Unsafe<Readable>({ type: 'string', format: 'binary', description: 'the file, with its recognised media type' }), ...errors },
    },
  }, async (request, reply) => {
    const { row, filed } = await report(request, request.params.id, request.params.period);
    const a = await db.selectFrom('demonstration_attachment').selectAll().where('id', '=', request.params.attachmentId)
      .where('project_id', '=', row.id).where('period_index', '=', filed.period_index).where('removed_at', 'is', null).executeTakeFirst();
    if (!a) throw notFound('attachment');
    const stream = await files.openVerified(a.id, a.size_bytes, a.sha256);
    return reply
      .header('content-type', MEDIA_TYPES[a.kind])
      .header('content-length', String(a.size_bytes))
      .header('content-disposition', disposition(a.name))
      .header('x-content-type-options', 'nosniff')
      .header('etag', `"${a.sha256}"`)
      .header('cache-control', 'private, no-store')
      .send(stream);
  });
}

/** The live (not withdrawn) attachment of a report with the organisation of the user who attached it. */
function liveAttachment(db: Database, projectId: string, period: number, attachmentId: string) {
  return db.selectFrom('demonstration_attachment as a').leftJoin('app_user as u', 'u.id', 'a.created_by')
    .selectAll('a').select('u.organisation_id as attached_by_org')
    .where('a.id', '=', attachmentId).where('a.project_id', '=', projectId).where('a.period_index', '=', period).where('a.removed_at', 'is', null);
}

function removalRoute(base: FastifyInstance): void {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config } = app.services;
  const files = openFileStore(config, db, 'attachments');

  app.delete('/api/projects/:id/reports/:period/attachments/:attachmentId', {
    config: { action: 'project:remove-attachment', objectScoped: true },
    schema: {
      tags: ['demonstrations'],
      summary: 'Withdraw a file from a report not yet accepted (the company that attached it, or the lead company), with a reason; the record keeps who, when and why, the stored file is removed after the commit. An accepted report\'s files are evidence: 409',
      params: Type.Object({ id: Uuid, period: Type.Integer({ minimum: 1, maximum: 1200 }), attachmentId: Uuid }),
      body: Type.Object({ reason: Line(500) }, { additionalProperties: false }),
      response: {
        200: Type.Object({ id: Type.String(), name: Type.String(), removedAt: Type.String(), removedBy: Type.String(), reason: Type.String() }),
        ...errors,
      },
    },
  }, async (request) => {
    const { id: projectId, period, attachmentId } = request.params;
    const row = await loadProject(db, projectId);
    if (!row) throw notFound('project');
    const found = await liveAttachment(db, row.id, period, attachmentId).executeTakeFirst();
    // A file that does not exist is answered 404 to the project's companies (as if their own), 403 to others.
    const attachedBy = found ? found.attached_by_org : request.actor?.organisationId ?? null;
    const actor = authorize(request, { ...(await targetOf(db, row)), attachedBy });
    if (!found) throw notFound('attachment');
    const reason = request.body.reason.trim();
    if (reason === '') throw new AppError('validation', { fields: [{ path: '/body/reason', keyword: 'minLength', params: { limit: 1 } }] });
    const removed = await db.transaction().execute(async (trx) => {
      // The report is locked so that a review accepting it cannot pass the check below unseen.
      const report = await trx.selectFrom('demonstration_report').select(['period_index', 'review_state']).where('project_id', '=', row.id).where('period_index', '=', period)
        .forUpdate().executeTakeFirst();
      const a = await liveAttachment(trx, row.id, period, attachmentId).forUpdate('a').executeTakeFirst();
      if (!report || !a) throw notFound('attachment');
      if (!attachmentRemovable(report.review_state)) {
        throw new AppError('conflict', { params: { reason: frame(request.locale, 'attachment-evidence', { period }) } });
      }
      const removedAt = new Date();
      await trx.updateTable('demonstration_attachment').set({ removed_at: removedAt, removed_by: actor.userId, removal_reason: reason }).where('id', '=', a.id).execute();
      await appendAudit(trx, {
        requestId: request.id, actorUserId: actor.userId, actorOrganisationId: actor.organisationId, action: 'project:remove-attachment', objectType: 'demonstration_attachment',
        objectId: a.id, before: { projectId: row.id, period, name: a.name, kind: a.kind, sizeBytes: a.size_bytes, sha256: a.sha256 }, after: { removedAt: removedAt.toISOString(), reason },
      });
      return { id: a.id, name: a.name, removedAt: removedAt.toISOString(), removedBy: actor.userId, reason };
    });
    // Only now that the withdrawal is committed do the bytes go; a failure leaves an orphan file, never a row without its file.
    await files.remove(removed.id).catch((error: unknown) => request.log.warn({ err: error, attachment: removed.id }, 'withdrawn attachment file not removed'));
    return removed;
  });
}
