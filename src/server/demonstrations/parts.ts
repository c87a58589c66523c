// Resumable uploads of demonstration data (ADR 0008): the file is sent in parts, each a PUT with
// `Content-Range: bytes start-end/total`, kept as a file of the file store (staged-parts.ts: this node's folder or
// the database every node shares) and listed with the received length (the offset) in `demonstration_upload_staging`,
// so a client that lost its connection — or a restarted server, or another node — resumes from GET's offset. A part is applied whole or not at all; a part
// not starting at the offset → 409 naming it (an exact re-send of received bytes is accepted as is). POST
// …/complete parses, validates and stores the staged file like the single-stream PUT (same modes, same upload
// id idempotency, optionally checking its SHA-256) and deletes it; abandoned staging files expire.
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import type { UploadFormat } from '../../domain/demonstrations/events.ts';
import { periodInstants } from '../../domain/demonstrations/project.ts';
import { authorize } from '../auth/authorize.ts';
import { AppError, notFound } from '../errors.ts';
import { ProblemSchema, Uuid } from '../../contract/common.ts';
import { frame } from './messages.ts';
import { UploadResultSchema } from '../../contract/projects.ts';
import { loadProject, targetOf } from './store.ts';
import { errorFileStore, expireRefusedErrorFiles } from './error-file.ts';
import { spool, UPLOAD_LIMIT_BYTES } from './upload.ts';
import { expireStagedParts, removeParts, stagedBytes, stagedRangeSha256, stagingStore, storePart } from './staged-parts.ts';
import { storeUpload, uploadView } from './upload-store.ts';

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 413: ProblemSchema, 415: ProblemSchema };
const Params = Type.Object({ id: Uuid, uploadId: Uuid });
const MEDIA: Record<string, UploadFormat> = { 'text/csv': 'csv', 'application/x-ndjson': 'ndjson' };
const RANGE = /^bytes (\d{1,10})-(\d{1,10})\/(\d{1,10})$/;

const PartState = Type.Object({
  uploadId: Type.String(), format: Type.Enum(['csv', 'ndjson']),
  offset: Type.Integer({ description: 'bytes received so far: the next part starts here' }), total: Type.Integer(),
});

const conflict = (request: FastifyRequest, key: Parameters<typeof frame>[1], params: Record<string, string | number>): AppError =>
  new AppError('conflict', { params: { reason: frame(request.locale, key, params) } });

/** The byte range of a part from its Content-Range header; null when missing or not `bytes start-end/total`. */
export function parseContentRange(header: string | undefined): { start: number; end: number; total: number } | null {
  const m = RANGE.exec(header?.trim() ?? '');
  if (!m) return null;
  const [start, end, total] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return start <= end && end < total ? { start, end, total } : null;
}

export function partRoutes(base: FastifyInstance): void {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config } = app.services;
  const files = stagingStore(config, db);

  async function project(request: FastifyRequest, id: string) {
    const row = await loadProject(db, id);
    if (!row) throw notFound('project');
    return { row, actor: authorize(request, await targetOf(db, row)) };
  }
  const offsetHeader = (reply: FastifyReply, offset: number) => reply.header('upload-offset', String(offset));

  app.put('/api/projects/:id/uploads/:uploadId/parts', {
    config: { action: 'project:upload', objectScoped: true },
    schema: {
      tags: ['demonstrations'],
      summary: 'Send one part of a resumable upload (Content-Range: bytes start-end/total; Content-Type text/csv or application/x-ndjson of the whole file); it must start at the offset received so far',
      params: Params,
      response: { 200: PartState, ...errors },
    },
  }, async (request, reply) => {
    const { row, actor } = await project(request, request.params.id);
    const { uploadId } = request.params;
    const format = MEDIA[String(request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()];
    const stream = request.body as Readable | undefined;
    if (format === undefined || stream === undefined || typeof (stream as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] !== 'function') {
      throw new AppError('unsupported-media-type');
    }
    const range = parseContentRange(request.headers['content-range']);
    if (range === null) throw new AppError('validation', { fields: [{ path: '/headers/content-range', keyword: 'format', params: { format: 'bytes start-end/total' } }] });
    if (range.total > UPLOAD_LIMIT_BYTES) throw new AppError('payload-too-large', { params: { limit: UPLOAD_LIMIT_BYTES } });
    const length = range.end - range.start + 1;
    // The part is received whole and stored under a name of its own before anything is recorded: a dropped part
    // changes nothing, and a stored part the row does not come to name is removed (here, or by the expiry).
    const received = await files.receive(stream, length, 0, 0);
    let part;
    try {
      part = await storePart(files, received, row.id, uploadId, range.start);
    } catch (error) {
      await received.discard();
      throw error;
    }
    let recorded = false;
    try {
      const outcome = await db.transaction().execute(async (trx) => {
        const staged = await stagedRow(trx, row.id, uploadId, true);
        const expected = staged?.received_bytes ?? 0;
        if (part.size < length) throw conflict(request, 'part-length', { received: part.size, expected: length, offset: expected });
        if (!staged) {
          if (await trx.selectFrom('demonstration_upload').select('id').where('project_id', '=', row.id).where('id', '=', uploadId).executeTakeFirst()) {
            throw conflict(request, 'upload-completed', { upload: uploadId });
          }
          if (range.start !== 0) throw conflict(request, 'part-offset', { upload: uploadId, offset: 0 });
          const created = await trx.insertInto('demonstration_upload_staging').values({
            project_id: row.id, id: uploadId, format, total_bytes: range.total, received_bytes: range.end + 1, parts: JSON.stringify([part]), created_by: actor.userId,
          }).onConflict((oc) => oc.columns(['project_id', 'id']).doNothing()).returning('id').executeTakeFirst();
          // Started meanwhile by a concurrent first part.
          if (!created) throw conflict(request, 'part-offset', { upload: uploadId, offset: 0 });
          return { kind: 'appended', offset: range.end + 1 } as const;
        }
        if (staged.format !== format || staged.total_bytes !== range.total) {
          throw conflict(request, 'part-shape', { upload: uploadId, format: staged.format, total: staged.total_bytes });
        }
        if (range.start === expected) {
          await trx.updateTable('demonstration_upload_staging')
            .set({ received_bytes: range.end + 1, parts: JSON.stringify([...staged.parts, part]), updated_at: new Date() })
            .where('project_id', '=', row.id).where('id', '=', uploadId).execute();
          return { kind: 'appended', offset: range.end + 1 } as const;
        }
        return { kind: 'behind', expected, parts: staged.parts } as const;
      });
      if (outcome.kind === 'appended') {
        recorded = true;
        offsetHeader(reply, outcome.offset);
        return { uploadId, format, offset: outcome.offset, total: range.total };
      }
      // A re-send of bytes already received is accepted as is when they are the same bytes.
      const { expected, parts } = outcome;
      if (range.end < expected && await stagedRangeSha256(files, parts, range.start, range.end) === part.sha256) {
        offsetHeader(reply, expected);
        return { uploadId, format, offset: expected, total: range.total };
      }
      offsetHeader(reply, expected);
      throw conflict(request, 'part-offset', { upload: uploadId, offset: expected });
    } finally {
      if (!recorded) await files.remove(part.file);
    }
  });

  app.get('/api/projects/:id/uploads/:uploadId/parts', {
    config: { action: 'project:upload', objectScoped: true },
    schema: {
      tags: ['demonstrations'],
      summary: 'The offset of a resumable upload: how many bytes were received (also in the Upload-Offset header; HEAD works too)',
      params: Params,
      response: { 200: PartState, ...errors },
    },
  }, async (request, reply) => {
    const { row } = await project(request, request.params.id);
    const staged = await stagedRow(db, row.id, request.params.uploadId, false);
    if (!staged) throw notFound('upload');
    offsetHeader(reply, staged.received_bytes);
    return { uploadId: staged.id, format: staged.format, offset: staged.received_bytes, total: staged.total_bytes };
  });

  app.post('/api/projects/:id/uploads/:uploadId/complete', {
    config: { action: 'project:upload', objectScoped: true },
    schema: {
      tags: ['demonstrations'],
      summary: 'Complete a resumable upload: parse, validate and store the received file like the single-stream PUT (all or nothing unless mode skip-invalid; idempotent by upload id), checking its SHA-256 when given',
      params: Params,
      body: Type.Object({
        sha256: Type.Optional(Type.String({ pattern: '^[0-9a-f]{64}$', description: 'hex SHA-256 of the whole file' })),
        mode: Type.Optional(Type.Enum(['all', 'skip-invalid'])),
      }, { additionalProperties: false }),
      response: { 200: UploadResultSchema, 201: UploadResultSchema, ...errors },
    },
  }, async (request, reply) => {
    const { row, actor } = await project(request, request.params.id);
    const { uploadId } = request.params;
    const { sha256, mode = 'all' } = request.body;
    const done = await db.selectFrom('demonstration_upload').selectAll().where('project_id', '=', row.id).where('id', '=', uploadId).executeTakeFirst();
    if (done) {
      if (sha256 !== undefined && sha256 !== done.sha256) throw conflict(request, 'upload-differs', { upload: uploadId });
      return reply.code(200).send(uploadView(done, true));
    }
    const staged = await stagedRow(db, row.id, uploadId, false);
    if (!staged) throw notFound('upload');
    if (staged.received_bytes < staged.total_bytes) {
      offsetHeader(reply, staged.received_bytes);
      throw conflict(request, 'upload-incomplete', { upload: uploadId, offset: staged.received_bytes, total: staged.total_bytes });
    }
    const { from, to } = periodInstants(row.period_start, row.period_end);
    const spooled = await spool({ stream: stagedBytes(files, staged.parts), format: staged.format, context: { from, to, fromLabel: row.period_start, toLabel: row.period_end }, lineChars: config.inputLimits.lineChars });
    let saved;
    try {
      if (sha256 !== undefined && sha256 !== spooled.sha256) throw conflict(request, 'upload-checksum', { actual: spooled.sha256, expected: sha256 });
      saved = await storeUpload(db, request, actor, spooled, {
        projectId: row.id, uploadId, format: staged.format, mode, audit: { via: 'parts', bytes: staged.total_bytes },
        within: async (trx) => { await trx.deleteFrom('demonstration_upload_staging').where('project_id', '=', row.id).where('id', '=', uploadId).execute(); },
      });
    } finally {
      await spooled.dispose();
    }
    await removeParts(files, staged.parts).catch((error: unknown) => request.log.warn({ err: error, upload: uploadId }, 'staged parts not removed'));
    return reply.code(201).header('location', `/api/projects/${row.id}/uploads/${uploadId}`).send(uploadView(saved, false));
  });
}

async function stagedRow(db: Database, projectId: string, uploadId: string, lock: boolean) {
  const query = db.selectFrom('demonstration_upload_staging').selectAll().where('project_id', '=', projectId).where('id', '=', uploadId);
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}

/**
 * Removes resumable uploads not added to for `maxAgeMs` (their rows and stored parts) and stored parts of no upload
 * as old, and the error files of refused uploads as old; run by the periodic deadline scan. Returns how many uploads went.
 */
export async function expireStagedUploads(db: Database, config: Pick<Config, 'filesDir' | 'fileStore'>, maxAgeMs: number, now = Date.now()): Promise<number> {
  const gone = await expireStagedParts(db, stagingStore(config, db), maxAgeMs, now);
  await expireRefusedErrorFiles(db, errorFileStore(config, db), maxAgeMs, now);
  return gone;
}
