// Every problem of an upload (not only the first MAX_ERRORS the response carries), kept in the file store (area
// upload-errors, id <project>/<upload>.ndjson: ZONELINK_FILES_DIR/upload-errors/… with FILE_STORE=local, the database
// with FILE_STORE=database) once the upload is stored in skip-invalid mode or refused, and served as a CSV in the
// reader's language (row, column, problem, the rejected line; UTF-8 with BOM for Excel).
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import type { FileStore } from '../files/file-store.ts';
import { openFileStore } from '../files/open-file-store.ts';
import type { RowIssue } from '../../domain/demonstrations/events.ts';
import type { Locale } from '../../i18n/locales.ts';
import { AppError } from '../errors.ts';
import { CSV_BOM, csvLines } from '../http/csv.ts';
import { renderProblem } from '../problem.ts';
import { issueFields } from './upload.ts';

const AREA = 'upload-errors';
const BATCH = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where the local store keeps an upload's error file (FILE_STORE=local). */
export const errorFilePath = (filesDir: string, projectId: string, uploadId: string): string => join(filesDir, AREA, errorFileId(projectId, uploadId));

export const errorFileId = (projectId: string, uploadId: string): string => `${projectId}/${uploadId}.ndjson`;

export const errorFileStore = (config: Pick<Config, 'fileStore' | 'filesDir'>, db: Database): FileStore => openFileStore(config, db, AREA);

/**
 * Stores the spool's problem file under the upload (committed whole or not at all, streamed); without problems,
 * removes the file an earlier refused attempt under the same upload id left.
 */
export async function keepErrorFile(store: FileStore, projectId: string, uploadId: string, issuesFile: string | null): Promise<void> {
  const id = errorFileId(projectId, uploadId);
  if (issuesFile === null) {
    await store.remove(id);
    return;
  }
  const received = await store.receive(createReadStream(issuesFile), Number.MAX_SAFE_INTEGER, 0, 0);
  try {
    await store.commitFile(received, id);
  } catch (error) {
    await received.discard();
    throw error;
  }
}

/** The kept problems as CSV lines, a batch at a time, the messages rendered in `locale`. */
export async function* errorCsv(file: Readable, locale: Locale, requestId: string): AsyncGenerator<string> {
  yield `${CSV_BOM}${csvLines([['row', 'column', 'problem', 'line']])}`;
  let batch: (RowIssue & { line?: string })[] = [];
  const flush = (): string => {
    const problem = renderProblem(new AppError('validation', { fields: issueFields(batch) }), locale, requestId);
    const text = csvLines(batch.map((issue, i) => [issue.row, issue.column, problem.errors?.[i]?.message ?? issue.code, issue.line ?? '']));
    batch = [];
    return text;
  };
  for await (const line of createInterface({ input: file.setEncoding('utf8'), crlfDelay: Infinity })) {
    if (line === '') continue;
    batch.push(JSON.parse(line) as RowIssue & { line?: string });
    if (batch.length >= BATCH) yield flush();
  }
  if (batch.length > 0) yield flush();
}

/**
 * Removes the error files of refused uploads (no stored upload refers to them) once older than `maxAgeMs`; those of
 * stored uploads stay with them. Run by the periodic scan with the staging files. Returns how many went.
 */
export async function expireRefusedErrorFiles(db: Database, store: FileStore, maxAgeMs: number, now = Date.now()): Promise<number> {
  let removed = 0;
  for (const id of await store.listOlderThan(new Date(now - maxAgeMs))) {
    const [project = '', name = ''] = id.split('/');
    const uploadId = name.replace(/\.ndjson$/, '');
    const stored = UUID.test(project) && UUID.test(uploadId) && await db.selectFrom('demonstration_upload').select('id').where('project_id', '=', project).where('id', '=', uploadId).executeTakeFirst();
    if (stored) continue;
    await store.remove(id);
    removed += 1;
  }
  return removed;
}
