// `zonelink import data.csv --project <id>`: the same validation and storage as the upload API, from a file,
// with a progress line. The upload id defaults to one derived from the project and the file's SHA-256, so a
// re-run (after a failure or a kill) imports the file exactly once: a killed run committed nothing.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Database } from '../../db/database.ts';
import type { UploadFormat } from '../../domain/demonstrations/events.ts';
import { periodInstants } from '../../domain/demonstrations/project.ts';
import { renderProblem } from '../problem.ts';
import { appendAudit } from '../audit/append.ts';
import { AppError } from '../errors.ts';
import { loadProject } from './store.ts';
import { insertSpooled, issueFields, spool } from './upload.ts';

export interface ImportOptions { file: string; project: string; uploadId?: string; mode?: string }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuidFrom = (text: string): string => {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

export async function importCommand(db: Database, options: ImportOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const format: UploadFormat | null = /\.csv$/i.test(options.file) ? 'csv' : /\.(nd)?jsonl?$|\.ndjson$/i.test(options.file) ? 'ndjson' : null;
  const mode = options.mode ?? 'all';
  if (format === null || !UUID.test(options.project) || (mode !== 'all' && mode !== 'skip-invalid') || (options.uploadId !== undefined && !UUID.test(options.uploadId))) {
    err('usage: zonelink import <file.csv|file.ndjson> --project <uuid> [--upload-id <uuid>] [--mode all|skip-invalid]\n');
    return 2;
  }
  const project = await loadProject(db, options.project);
  if (!project) { err(`no such project: ${options.project}\n`); return 1; }
  const size = (await stat(options.file)).size;
  const stream = createReadStream(options.file);
  let read = 0;
  let shown = -1;
  stream.on('data', (chunk) => {
    read += chunk.length;
    const pct = size === 0 ? 100 : Math.floor((read / size) * 100);
    if (pct !== shown) { shown = pct; err(`\rchecking ${'#'.repeat(pct >> 2).padEnd(25, '.')} ${pct}%`); }
  });
  const { from, to } = periodInstants(project.period_start, project.period_end);
  // A local file is not an HTTP upload: no size limit.
  const result = await spool({ stream, format, context: { from, to, fromLabel: project.period_start, toLabel: project.period_end }, limit: Number.POSITIVE_INFINITY });
  err('\n');
  try {
    if (result.issues.length > 0 && (mode === 'all' || result.rowsTotal === 0)) {
      const problem = renderProblem(new AppError('validation', { fields: issueFields(result.issues) }), 'en', 'cli');
      err(`refused, nothing stored: ${result.rowsRejected} invalid row(s)\n`);
      for (const e of problem.errors ?? []) err(`  ${e.path.replace('/body/', '')}: ${e.message}\n`);
      return 1;
    }
    const uploadId = options.uploadId ?? uuidFrom(`${project.id}:${result.sha256}`);
    const existing = await db.selectFrom('demonstration_upload').select(['sha256', 'rows_stored']).where('project_id', '=', project.id).where('id', '=', uploadId).executeTakeFirst();
    if (existing) {
      if (existing.sha256 !== result.sha256) { err(`upload ${uploadId} already holds other content\n`); return 1; }
      out(`already imported: upload ${uploadId}, ${existing.rows_stored} rows\n`);
      return 0;
    }
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('demonstration_upload').values({
        project_id: project.id, id: uploadId, format, mode: mode as 'all' | 'skip-invalid', sha256: result.sha256, rows_total: result.rowsTotal,
        rows_stored: result.rowsStored, rows_rejected: result.rowsRejected, errors: JSON.stringify(result.issues), created_by: null,
      }).execute();
      await insertSpooled(trx, result, project.id, uploadId, (n) => err(`\rstoring ${'#'.repeat(Math.floor((n / Math.max(result.rowsStored, 1)) * 25)).padEnd(25, '.')} ${n}/${result.rowsStored}`));
      await appendAudit(trx, {
        requestId: null, actorUserId: null, actorOrganisationId: null, action: 'project:upload', objectType: 'demonstration_upload', objectId: uploadId, before: null,
        after: { projectId: project.id, format, mode, sha256: result.sha256, rowsTotal: result.rowsTotal, rowsStored: result.rowsStored, rowsRejected: result.rowsRejected, via: 'cli' },
      });
    });
    err('\n');
    out(`imported: upload ${uploadId}, ${result.rowsStored} rows stored, ${result.rowsRejected} rejected\n`);
    return 0;
  } finally {
    await result.dispose();
  }
}
