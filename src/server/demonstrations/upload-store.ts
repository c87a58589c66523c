// Phase 2 of an upload, shared by the single-stream PUT and the completion of an upload sent in parts: a spooled,
// validated file is refused (all or nothing) or stored with its upload record and audit entry in one transaction.
import type { FastifyRequest } from 'fastify';
import type { Database } from '../../db/database.ts';
import type { UploadFormat } from '../../domain/demonstrations/events.ts';
import type { Actor } from '../../domain/auth/types.ts';
import { appendAudit } from '../audit/append.ts';
import { AppError } from '../errors.ts';
import { renderProblem } from '../problem.ts';
import { errorFileStore, keepErrorFile } from './error-file.ts';
import { frame } from './messages.ts';
import { insertSpooled, issueFields, issuePath, type Spooled } from './upload.ts';

export const uploadView = (u: { id: string; format: 'csv' | 'ndjson'; mode: 'all' | 'skip-invalid'; rows_total: number; rows_stored: number; rows_rejected: number; errors: unknown; created_at: Date }, replayed: boolean) => ({
  uploadId: u.id, format: u.format, mode: u.mode, rowsTotal: u.rows_total, rowsStored: u.rows_stored, rowsRejected: u.rows_rejected, replayed,
  errors: u.errors as { row: number; column: string; path: string; message: string }[], createdAt: u.created_at.toISOString(),
});

export interface StoreUpload {
  projectId: string;
  uploadId: string;
  format: UploadFormat;
  mode: 'all' | 'skip-invalid';
  /** Extra fields of the audit entry (e.g. how the file arrived). */
  audit?: Record<string, unknown>;
  /** Runs in the same transaction, after the events are stored. */
  within?: (trx: Database) => Promise<void>;
}

/**
 * Refuses a spooled file with invalid rows (unless skip-invalid keeps the valid ones), else stores it under the
 * upload id in one transaction. A concurrent request that claimed the id first → 409, nothing stored.
 */
export async function storeUpload(db: Database, request: FastifyRequest, actor: Actor, spooled: Spooled, s: StoreUpload) {
  const errorFiles = errorFileStore(request.server.services.config, db);
  if (spooled.issues.length > 0 && (s.mode === 'all' || spooled.rowsTotal === 0)) {
    await keepErrorFile(errorFiles, s.projectId, s.uploadId, spooled.issuesFile);
    throw new AppError('validation', { fields: issueFields(spooled.issues) });
  }
  const problem = spooled.issues.length > 0 ? renderProblem(new AppError('validation', { fields: issueFields(spooled.issues) }), request.locale, request.id) : null;
  const errorList = spooled.issues.map((issue, i) => ({ row: issue.row, column: issue.column, path: issuePath(issue), message: problem?.errors?.[i]?.message ?? '' }));
  const saved = await db.transaction().execute(async (trx) => {
    const claimed = await trx.insertInto('demonstration_upload').values({
      project_id: s.projectId, id: s.uploadId, format: s.format, mode: s.mode, sha256: spooled.sha256, rows_total: spooled.rowsTotal, rows_stored: spooled.rowsStored,
      rows_rejected: spooled.rowsRejected, errors: JSON.stringify(errorList), created_by: actor.userId,
    }).onConflict((oc) => oc.columns(['project_id', 'id']).doNothing()).returningAll().executeTakeFirst();
    if (!claimed) throw new AppError('conflict', { params: { reason: frame(request.locale, 'upload-differs', { upload: s.uploadId }) } });
    await insertSpooled(trx, spooled, s.projectId, s.uploadId);
    await s.within?.(trx);
    await appendAudit(trx, {
      requestId: request.id, actorUserId: actor.userId, actorOrganisationId: actor.organisationId,
      action: 'project:upload', objectType: 'demonstration_upload', objectId: s.uploadId, before: null,
      after: {
        projectId: s.projectId, format: s.format, mode: s.mode, sha256: spooled.sha256, rowsTotal: spooled.rowsTotal, rowsStored: spooled.rowsStored,
        rowsRejected: spooled.rowsRejected, ...s.audit,
      },
    });
    return claimed;
  });
  await keepErrorFile(errorFiles, s.projectId, s.uploadId, spooled.issuesFile);
  return saved;
}
