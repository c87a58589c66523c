// Every problem of an upload (not only the first MAX_ERRORS the response carries), kept under
// ZONELINK_FILES_DIR/upload-errors/<project>/<upload>.ndjson once the upload is stored in skip-invalid mode or
// refused, and served as a CSV in the reader's language (row, column, problem, the rejected line; UTF-8 with BOM for Excel).
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Database } from '../../db/database.ts';
import type { RowIssue } from '../../domain/demonstrations/events.ts';
import type { Locale } from '../../i18n/locales.ts';
import { AppError } from '../errors.ts';
import { CSV_BOM, csvLines } from '../http/csv.ts';
import { renderProblem } from '../problem.ts';
import { issueFields } from './upload.ts';

const AREA = 'upload-errors';
const BATCH = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const errorFilePath = (filesDir: string, projectId: string, uploadId: string): string => join(filesDir, AREA, projectId, `${uploadId}.ndjson`);

/**
 * Copies the spool's problem file into place (temporary name, then one rename: never half a file under the name);
 * without problems, removes the file an earlier refused attempt under the same upload id left.
 */
export async function keepErrorFile(filesDir: string, projectId: string, uploadId: string, issuesFile: string | null): Promise<void> {
  const target = errorFilePath(filesDir, projectId, uploadId);
  if (issuesFile === null) {
    await rm(target, { force: true });
    return;
  }
  await mkdir(join(filesDir, AREA, projectId), { recursive: true });
  const temp = `${target}.${process.pid}.part`;
  try {
    await copyFile(issuesFile, temp);
    await rename(temp, target);
  } finally {
    await rm(temp, { force: true });
  }
}

export async function hasErrorFile(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isFile(), () => false);
}

/** The kept problems as CSV lines, a batch at a time, the messages rendered in `locale`. */
export async function* errorCsv(path: string, locale: Locale, requestId: string): AsyncGenerator<string> {
  yield `${CSV_BOM}${csvLines([['row', 'column', 'problem', 'line']])}`;
  let batch: (RowIssue & { line?: string })[] = [];
  const flush = (): string => {
    const problem = renderProblem(new AppError('validation', { fields: issueFields(batch) }), locale, requestId);
    const text = csvLines(batch.map((issue, i) => [issue.row, issue.column, problem.errors?.[i]?.message ?? issue.code, issue.line ?? '']));
    batch = [];
    return text;
  };
  for await (const line of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
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
export async function expireRefusedErrorFiles(db: Database, filesDir: string, maxAgeMs: number, now = Date.now()): Promise<number> {
  const cutoff = now - maxAgeMs;
  let removed = 0;
  for (const project of await readdir(join(filesDir, AREA)).catch(() => [] as string[])) {
    for (const name of await readdir(join(filesDir, AREA, project)).catch(() => [] as string[])) {
      const path = join(filesDir, AREA, project, name);
      const info = await stat(path).catch(() => null);
      if (info === null || info.mtimeMs >= cutoff) continue;
      const uploadId = name.replace(/\.ndjson$/, '');
      const stored = UUID.test(project) && UUID.test(uploadId) && await db.selectFrom('demonstration_upload').select('id').where('project_id', '=', project).where('id', '=', uploadId).executeTakeFirst();
      if (stored) continue;
      await rm(path, { force: true });
      removed += 1;
    }
  }
  return removed;
}
