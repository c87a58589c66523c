// Streaming ingestion of demonstration data: lines are read from the request stream, parsed and validated
// one at a time, and inserted in batches inside the caller's transaction (all or nothing).
import { createHash, type Hash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Database } from '../../db/database.ts';
import { RowParser, type RowIssue, type StoredEvent, type UploadFormat } from '../../domain/demonstrations/events.ts';
import type { RowContext } from '../../domain/demonstrations/events.ts';
import { AppError, type FieldError } from '../errors.ts';

/** Largest upload body (the JSON body limit does not apply to streamed uploads). */
export const UPLOAD_LIMIT_BYTES = 256 * 1024 * 1024;
/** Errors returned (and kept) per upload. */
export const MAX_ERRORS = 100;
const INSERT_BATCH = 1000;

export interface IngestResult {
  rowsTotal: number;
  rowsStored: number;
  rowsRejected: number;
  issues: RowIssue[];
  sha256: string;
}

/** Splits a byte stream into lines (LF or CRLF), strict UTF-8, hashing and counting bytes as it goes. */
export async function* readLines(stream: AsyncIterable<Buffer | string>, hash: Hash, limit = UPLOAD_LIMIT_BYTES): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytes = 0;
  let rest = '';
  const decode = (buf?: Buffer): string => {
    try {
      return buf === undefined ? decoder.decode() : decoder.decode(buf, { stream: true });
    } catch {
      throw new AppError('malformed-body');
    }
  };
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    bytes += buf.length;
    if (bytes > limit) throw new AppError('payload-too-large', { params: { limit } });
    hash.update(buf);
    rest += decode(buf);
    let start = 0;
    for (let nl = rest.indexOf('\n'); nl >= 0; nl = rest.indexOf('\n', start)) {
      const end = nl > start && rest.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      yield rest.slice(start, end);
      start = nl + 1;
    }
    rest = rest.slice(start);
  }
  rest += decode();
  if (rest !== '') yield rest.endsWith('\r') ? rest.slice(0, -1) : rest;
}

/** Only hashes the stream (a replayed upload id: is it the same content?). */
export async function hashStream(stream: AsyncIterable<Buffer | string>): Promise<string> {
  const hash = createHash('sha256');
  for await (const line of readLines(stream, hash)) void line;
  return hash.digest('hex');
}

const eventValues = (projectId: string, uploadId: string, row: number, e: StoredEvent) => ({
  project_id: projectId, upload_id: uploadId, row_no: row, ts: new Date(e.ts), device_id: e.deviceId, session_id: e.sessionId,
  lon: e.lon, lat: e.lat, speed: e.speed, altitude: e.altitude, load: e.load, people: e.people,
});

/**
 * Reads the whole stream. In `all` mode nothing is inserted once a row failed (the caller rolls back);
 * in `skip-invalid` mode valid rows are inserted and invalid ones counted.
 */
export async function ingest(
  trx: Database,
  input: { stream: Readable; format: UploadFormat; mode: 'all' | 'skip-invalid'; projectId: string; uploadId: string; context: RowContext },
): Promise<IngestResult> {
  const parser = new RowParser(input.format, input.context);
  const hash = createHash('sha256');
  const issues: RowIssue[] = [];
  let pending: ReturnType<typeof eventValues>[] = [];
  let row = 0;
  let rowsTotal = 0;
  let rowsStored = 0;
  let rowsRejected = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    await trx.insertInto('demonstration_event').values(pending).execute();
    rowsStored += pending.length;
    pending = [];
  };
  for await (const line of readLines(input.stream, hash)) {
    row += 1;
    const { event, issues: found } = parser.line(line, row);
    if (found.length > 0) {
      rowsRejected += 1;
      rowsTotal += 1;
      for (const issue of found) if (issues.length < MAX_ERRORS) issues.push(issue);
      if (input.mode === 'all') pending = [];
      continue;
    }
    if (event === null) continue;
    rowsTotal += 1;
    if (input.mode === 'all' && rowsRejected > 0) continue;
    pending.push(eventValues(input.projectId, input.uploadId, row, event));
    if (pending.length >= INSERT_BATCH) await flush();
  }
  for (const issue of parser.finish(row)) if (issues.length < MAX_ERRORS) { issues.push(issue); rowsRejected += 1; }
  if (rowsTotal === 0 && issues.length === 0) issues.push({ row: Math.max(row, 1), column: '*', code: 'required', params: {} });
  if (input.mode === 'skip-invalid' || issues.length === 0) await flush();
  return { rowsTotal, rowsStored, rowsRejected, issues, sha256: hash.digest('hex') };
}

const KEYWORD: Record<RowIssue['code'], FieldError['keyword']> = {
  required: 'required', type: 'type', outOfRange: 'outOfRange', outOfPeriod: 'outOfPeriod', unknown: 'unknown',
  duplicate: 'duplicate', columns: 'columns', header: 'header', invalid: 'invalid',
};

export const issuePath = (issue: RowIssue): string => `/body/row/${issue.row}/${issue.column}`;

export function issueFields(issues: readonly RowIssue[]): FieldError[] {
  return issues.map((issue) => ({ path: issuePath(issue), keyword: KEYWORD[issue.code], params: { ...issue.params } }));
}
