// Streaming ingestion of demonstration data in two phases: lines are read from the request stream, parsed and
// validated one at a time and the valid events spooled to a temporary file (no transaction open while the client
// sends); then the spooled events are inserted in batches inside one transaction (all or nothing).
import { createHash, type Hash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { copyFrom } from '../../db/copy.ts';
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

export interface Spooled extends IngestResult {
  /** The valid events, one JSON array `[row, ts, deviceId, …]` per line, in a temporary file. */
  readonly file: string;
  dispose(): Promise<void>;
}

/** Counts of a parse; `issues` holds the first MAX_ERRORS problems. */
export interface ParseTally { row: number; rowsTotal: number; rowsValid: number; rowsRejected: number; issues: RowIssue[] }

/**
 * Reads, parses and validates a stream line by line, yielding each valid event with its line number and
 * tallying the rest in `tally` (complete once the iteration ends).
 */
export async function* validEvents(input: { stream: AsyncIterable<Buffer | string>; format: UploadFormat; context: RowContext; limit?: number }, hash: Hash, tally: ParseTally): AsyncGenerator<{ row: number; event: StoredEvent }> {
  const parser = new RowParser(input.format, input.context);
  for await (const line of readLines(input.stream, hash, input.limit)) {
    tally.row += 1;
    const { event, issues: found } = parser.line(line, tally.row);
    if (found.length > 0) {
      tally.rowsRejected += 1;
      tally.rowsTotal += 1;
      for (const issue of found) if (tally.issues.length < MAX_ERRORS) tally.issues.push(issue);
      continue;
    }
    if (event === null) continue;
    tally.rowsTotal += 1;
    tally.rowsValid += 1;
    yield { row: tally.row, event };
  }
  for (const issue of parser.finish(tally.row)) if (tally.issues.length < MAX_ERRORS) { tally.issues.push(issue); tally.rowsRejected += 1; }
  if (tally.rowsTotal === 0 && tally.issues.length === 0) tally.issues.push({ row: Math.max(tally.row, 1), column: '*', code: 'required', params: {} });
}

export const emptyTally = (): ParseTally => ({ row: 0, rowsTotal: 0, rowsValid: 0, rowsRejected: 0, issues: [] });

/**
 * Phase 1, outside any transaction (a slow client must not hold the database): reads and validates the whole
 * stream, spooling valid events to a temporary file so memory stays flat.
 */
export async function spool(input: { stream: AsyncIterable<Buffer | string>; format: UploadFormat; context: RowContext; limit?: number }): Promise<Spooled> {
  const dir = await mkdtemp(join(tmpdir(), 'zonelink-upload-'));
  const file = join(dir, 'events.ndjson');
  const out = createWriteStream(file);
  const dispose = async () => { await rm(dir, { recursive: true, force: true }); };
  try {
    const hash = createHash('sha256');
    const tally = emptyTally();
    for await (const { row, event: e } of validEvents(input, hash, tally)) {
      if (!out.write(`${JSON.stringify([row, e.ts, e.deviceId, e.sessionId, e.lon, e.lat, e.speed, e.altitude, e.load, e.people])}\n`)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'close');
    return { rowsTotal: tally.rowsTotal, rowsStored: tally.rowsValid, rowsRejected: tally.rowsRejected, issues: tally.issues, sha256: hash.digest('hex'), file, dispose };
  } catch (error) {
    out.on('error', () => undefined); // a write still pending when destroyed must not crash the process
    out.destroy();
    await dispose();
    throw error;
  }
}

export const COPY_COLUMNS = ['project_id', 'upload_id', 'row_no', 'ts', 'device_id', 'session_id', 'lon', 'lat', 'speed', 'altitude', 'load', 'people'];
const PROGRESS_EVERY = 10_000;

const copyCell = (v: number | null): string => (v === null ? '\t\\N' : `\t${v}`);

/** One event as a line of COPY's text format (tab-separated, \N for null); `prefix` holds project and upload. */
export function copyLine(prefix: string, row: number, ts: number, rest: readonly (number | null)[]): string {
  let out = `${prefix}${row}\t${new Date(ts).toISOString()}`;
  for (const v of rest) out += copyCell(v);
  return `${out}\n`;
}

/** The spooled events as lines of COPY's text format (tab-separated, \N for null). */
async function* copyLines(spooled: Spooled, projectId: string, uploadId: string, count: { stored: number }, onProgress?: (stored: number) => void): AsyncGenerator<string> {
  const lines = createInterface({ input: createReadStream(spooled.file, 'utf8'), crlfDelay: Infinity });
  const prefix = `${projectId}\t${uploadId}\t`;
  for await (const line of lines) {
    if (line === '') continue;
    const [row, ts, ...rest] = JSON.parse(line) as [number, number, ...(number | null)[]];
    yield copyLine(prefix, row, ts, rest);
    count.stored += 1;
    if (count.stored % PROGRESS_EVERY === 0) onProgress?.(count.stored);
  }
}

/**
 * Phase 2, inside the caller's transaction: stores the spooled events — with COPY FROM STDIN on PostgreSQL,
 * in batched multi-row inserts on PGlite.
 */
export async function insertSpooled(trx: Database, spooled: Spooled, projectId: string, uploadId: string, onProgress?: (stored: number) => void): Promise<number> {
  const count = { stored: 0 };
  if (await copyFrom(trx, 'demonstration_event', COPY_COLUMNS, copyLines(spooled, projectId, uploadId, count, onProgress))) return count.stored;
  let pending: ReturnType<typeof eventValues>[] = [];
  let stored = 0;
  const lines = createInterface({ input: createReadStream(spooled.file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line === '') continue;
    const [row, ts, deviceId, sessionId, lon, lat, speed, altitude, load, people] = JSON.parse(line) as [number, number, ...(number | null)[]];
    pending.push(eventValues(projectId, uploadId, row, {
      ts, deviceId: deviceId ?? null, sessionId: sessionId ?? null, lon: lon ?? null, lat: lat ?? null, speed: speed ?? null,
      altitude: altitude ?? null, load: load ?? null, people: people ?? null,
    }));
    if (pending.length >= INSERT_BATCH) {
      await trx.insertInto('demonstration_event').values(pending).execute();
      stored += pending.length;
      pending = [];
      onProgress?.(stored);
    }
  }
  if (pending.length > 0) {
    await trx.insertInto('demonstration_event').values(pending).execute();
    stored += pending.length;
  }
  return stored;
}

const KEYWORD: Record<RowIssue['code'], FieldError['keyword']> = {
  required: 'required', type: 'type', outOfRange: 'outOfRange', outOfPeriod: 'outOfPeriod', unknown: 'unknown',
  duplicate: 'duplicate', columns: 'columns', header: 'header', invalid: 'invalid',
};

export const issuePath = (issue: RowIssue): string => `/body/row/${issue.row}/${issue.column}`;

export function issueFields(issues: readonly RowIssue[]): FieldError[] {
  return issues.map((issue) => ({ path: issuePath(issue), keyword: KEYWORD[issue.code], params: { ...issue.params } }));
}
