// `zonelink import data.csv --project <id>`: the same validation and storage as the upload API, from a file,
// with a progress line. The upload id defaults to one derived from the project and the file's SHA-256, so a
// re-run (after a failure or a kill) imports the file exactly once: a killed run committed nothing.
// On a PostgreSQL server a local file needs no spool (no slow client to keep away from the transaction): it is
// hashed first, then parsed, validated and streamed into COPY in one pass inside one transaction, so parsing
// and storing run side by side; refused rows roll the whole transaction back.
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
import { copyAvailable, copyFrom } from '../../db/copy.ts';
import type { RowIssue, StoredEvent } from '../../domain/demonstrations/events.ts';
import { COPY_COLUMNS, TupleWriter } from './event-encoding.ts';
import { emptyTally, insertSpooled, issueFields, parseChunks, spool } from './upload.ts';

export interface ImportOptions {
  file: string; project: string; uploadId?: string; mode?: string;
  /** Longest line (INPUT_MAX_LINE_CHARS): a local file has no size limit, but no line is read whole beyond this. */
  lineChars?: number;
}

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
  const { from, to } = periodInstants(project.period_start, project.period_end);
  const context = { from, to, fromLabel: project.period_start, toLabel: project.period_end };
  const bar = (label: string, done: number, total: number) => `\r${label} ${'#'.repeat(Math.floor((done / Math.max(total, 1)) * 25)).padEnd(25, '.')}`;
  const refuse = (issues: readonly RowIssue[], rejected: number): number => {
    const problem = renderProblem(new AppError('validation', { fields: issueFields(issues) }), 'en', 'cli');
    err(`refused, nothing stored: ${rejected} invalid row(s)\n`);
    for (const e of problem.errors ?? []) err(`  ${e.path.replace('/body/', '')}: ${e.message}\n`);
    return 1;
  };
  const already = async (uploadId: string, sha256: string): Promise<number | null> => {
    const existing = await db.selectFrom('demonstration_upload').select(['sha256', 'rows_stored']).where('project_id', '=', project.id).where('id', '=', uploadId).executeTakeFirst();
    if (!existing) return null;
    if (existing.sha256 !== sha256) { err(`upload ${uploadId} already holds other content\n`); return 1; }
    out(`already imported: upload ${uploadId}, ${existing.rows_stored} rows\n`);
    return 0;
  };
  const record = async (trx: Database, uploadId: string, sha256: string, counts: { rowsTotal: number; rowsStored: number; rowsRejected: number; issues: readonly RowIssue[] }) => {
    await trx.insertInto('demonstration_upload').values({
      project_id: project.id, id: uploadId, format, mode: mode as 'all' | 'skip-invalid', sha256, rows_total: counts.rowsTotal,
      rows_stored: counts.rowsStored, rows_rejected: counts.rowsRejected, errors: JSON.stringify(counts.issues), created_by: null,
    }).execute();
    await appendAudit(trx, {
      requestId: null, actorUserId: null, actorOrganisationId: null, action: 'project:upload', objectType: 'demonstration_upload', objectId: uploadId, before: null,
      after: { projectId: project.id, format, mode, sha256, rowsTotal: counts.rowsTotal, rowsStored: counts.rowsStored, rowsRejected: counts.rowsRejected, via: 'cli' },
    });
  };

  if (copyAvailable()) {
    // Pass 1: hash and count lines (for the upload id and the progress bar).
    const size = (await stat(options.file)).size;
    const hash = createHash('sha256');
    let read = 0;
    let lines = 0;
    let pct = -1;
    for await (const chunk of createReadStream(options.file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines += 1;
      read += chunk.length;
      const now = Math.floor((read / Math.max(size, 1)) * 100);
      if (now !== pct) { pct = now; err(`${bar('hashing', read, size)} ${pct}%`); }
    }
    err('\n');
    const sha256 = hash.digest('hex');
    const uploadId = options.uploadId ?? uuidFrom(`${project.id}:${sha256}`);
    const done = await already(uploadId, sha256);
    if (done !== null) return done;
    // Pass 2: parse, validate and COPY in one transaction; a refused file rolls it back.
    const fileFormat = format;
    const expected = Math.max(lines - (format === 'csv' ? 1 : 0), 1);
    const tally = emptyTally();
    const rehash = createHash('sha256');
    const tuples = new TupleWriter(project.id, uploadId);
    let stored = 0;
    let shownAt = 0;
    // The COPY tuples of each chunk read (no await per line).
    async function* batches(): AsyncGenerator<Buffer[]> {
      const take = (row: number, e: StoredEvent): void => {
        if (mode === 'all' && tally.issues.length > 0) return; // refused: only the remaining errors are still collected
        tuples.add(row, e);
        stored += 1;
      };
      const stream = createReadStream(options.file, { highWaterMark: 1 << 18 });
      for await (const chunk of parseChunks({ stream, format: fileFormat, context, limit: Number.POSITIVE_INFINITY, lineChars: options.lineChars }, rehash, tally, take)) {
        void chunk;
        yield tuples.take();
        if (stored - shownAt >= 10_000) { shownAt = stored; err(`${bar('storing', stored, expected)} ${stored}/${expected}`); }
      }
    }
    const refused = await db.transaction().execute(async (trx) => {
      // Checked: a COPY that did not run must not be recorded as an import.
      if (!(await copyFrom(trx, 'demonstration_event', COPY_COLUMNS, batches()))) throw new Error('COPY is not available on this connection; nothing was imported');
      if (rehash.digest('hex') !== sha256) throw new Error(`${options.file} changed while it was imported`);
      const counts = { rowsTotal: tally.rowsTotal, rowsStored: tally.rowsValid, rowsRejected: tally.rowsRejected, issues: tally.issues };
      if (tally.issues.length > 0 && (mode === 'all' || tally.rowsTotal === 0)) throw new Refusal(counts);
      await record(trx, uploadId, sha256, counts);
      return null;
    }).catch((error: unknown) => {
      if (error instanceof Refusal) return error.counts;
      throw error;
    });
    err('\n');
    if (refused) return refuse(refused.issues, refused.rowsRejected);
    out(`imported: upload ${uploadId}, ${tally.rowsValid} rows stored, ${tally.rowsRejected} rejected\n`);
    return 0;
  }

  const size = (await stat(options.file)).size;
  let shown = -1;
  // Progress is counted as the parser pulls chunks (a 'data' listener would start the flow before it reads).
  async function* counted(): AsyncGenerator<Buffer> {
    let read = 0;
    for await (const chunk of createReadStream(options.file) as AsyncIterable<Buffer>) {
      read += chunk.length;
      const pct = size === 0 ? 100 : Math.floor((read / size) * 100);
      if (pct !== shown) { shown = pct; err(`${bar('checking', read, size)} ${pct}%`); }
      yield chunk;
    }
  }
  // A local file is not an HTTP upload: no size limit.
  const result = await spool({ stream: counted(), format, context, limit: Number.POSITIVE_INFINITY, lineChars: options.lineChars });
  err('\n');
  try {
    if (result.issues.length > 0 && (mode === 'all' || result.rowsTotal === 0)) return refuse(result.issues, result.rowsRejected);
    const uploadId = options.uploadId ?? uuidFrom(`${project.id}:${result.sha256}`);
    const done = await already(uploadId, result.sha256);
    if (done !== null) return done;
    await db.transaction().execute(async (trx) => {
      await insertSpooled(trx, result, project.id, uploadId, (n) => err(`${bar('storing', n, result.rowsStored)} ${n}/${result.rowsStored}`));
      await record(trx, uploadId, result.sha256, result);
    });
    err('\n');
    out(`imported: upload ${uploadId}, ${result.rowsStored} rows stored, ${result.rowsRejected} rejected\n`);
    return 0;
  } finally {
    await result.dispose();
  }
}

/** A refused file: thrown to roll the COPY transaction back, carrying what to tell the user. */
class Refusal extends Error {
  constructor(readonly counts: { rowsTotal: number; rowsStored: number; rowsRejected: number; issues: readonly RowIssue[] }) {
    super('refused');
  }
}
