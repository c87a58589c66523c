// Streaming ingestion of demonstration data in two phases: the request stream is read chunk by chunk, its lines
// parsed and validated and the valid events spooled to a temporary file as COPY text (no transaction open while
// the client sends); then the spooled events are stored inside one transaction (all or nothing): streamed into
// COPY on PostgreSQL, inserted in batches on PGlite.
import { createHash, type Hash } from 'node:crypto';
import { isAscii } from 'node:buffer';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyFrom } from '../../db/copy.ts';
import type { Database } from '../../db/database.ts';
import { RowParser, type ParsedEvent, type RowContext, type RowIssue, type UploadFormat } from '../../domain/demonstrations/events.ts';
import { AppError, type FieldError } from '../errors.ts';

/** Largest upload body (the JSON body limit does not apply to streamed uploads). */
export const UPLOAD_LIMIT_BYTES = 256 * 1024 * 1024;
/** Errors returned (and kept) per upload. */
export const MAX_ERRORS = 100;
const INSERT_BATCH = 1000;
const PROGRESS_EVERY = 10_000;

export interface IngestResult {
  rowsTotal: number;
  rowsStored: number;
  rowsRejected: number;
  issues: RowIssue[];
  sha256: string;
}

/** Whether `buf` ends inside a UTF-8 sequence (a decoder reading it keeps bytes back for the next chunk). */
function endsInside(buf: Buffer): boolean {
  for (let i = buf.length - 1, back = 1; i >= 0 && back <= 4; i -= 1, back += 1) {
    const b = buf[i]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte
    const length = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return length > back;
  }
  return false;
}

/**
 * Decodes a byte stream chunk by chunk (strict UTF-8; a byte order mark is kept, for the parser to drop), hashing
 * and counting bytes as it goes. An ASCII chunk after a whole sequence is read as Latin-1 (the same characters,
 * without the decoder's checks).
 */
async function* decodeChunks(stream: AsyncIterable<Buffer | string>, hash: Hash, limit: number): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let pending = false;
  let bytes = 0;
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
    if (!pending && isAscii(buf)) yield buf.toString('latin1');
    else {
      yield decode(buf);
      pending = endsInside(buf);
    }
  }
  yield decode();
}

/** Only hashes the stream (a replayed upload id: is it the same content?). */
export async function hashStream(stream: AsyncIterable<Buffer | string>): Promise<string> {
  const hash = createHash('sha256');
  for await (const text of decodeChunks(stream, hash, UPLOAD_LIMIT_BYTES)) void text;
  return hash.digest('hex');
}

/** Counts of a parse; `issues` holds the first MAX_ERRORS problems. */
export interface ParseTally { row: number; rowsTotal: number; rowsValid: number; rowsRejected: number; issues: RowIssue[] }

export const emptyTally = (): ParseTally => ({ row: 0, rowsTotal: 0, rowsValid: 0, rowsRejected: 0, issues: [] });

export interface ParseInput { stream: AsyncIterable<Buffer | string>; format: UploadFormat; context: RowContext; limit?: number }

/**
 * Reads a stream, splits it into lines (LF or CRLF) and parses and validates them chunk by chunk — synchronously
 * within a chunk, no await per line. Each valid event goes to `take` with its line number; the rest is tallied in
 * `tally` (complete once the iteration ends). Yields once after each chunk, when the caller can pass on what
 * `take` collected.
 */
export async function* parseChunks(input: ParseInput, hash: Hash, tally: ParseTally, take: (row: number, event: ParsedEvent) => void): AsyncGenerator<void> {
  const parser = new RowParser(input.format, input.context);
  const one = (line: string): void => {
    tally.row += 1;
    const { event, issues: found } = parser.line(line, tally.row);
    if (found.length > 0) {
      tally.rowsRejected += 1;
      tally.rowsTotal += 1;
      for (const issue of found) if (tally.issues.length < MAX_ERRORS) tally.issues.push(issue);
      return;
    }
    if (event === null) return;
    tally.rowsTotal += 1;
    tally.rowsValid += 1;
    take(tally.row, event);
  };
  let rest = '';
  for await (const text of decodeChunks(input.stream, hash, input.limit ?? UPLOAD_LIMIT_BYTES)) {
    const chunk = rest === '' ? text : rest + text;
    let start = 0;
    for (let nl = chunk.indexOf('\n'); nl >= 0; nl = chunk.indexOf('\n', start)) {
      one(chunk.slice(start, nl > start && chunk.charCodeAt(nl - 1) === 13 ? nl - 1 : nl));
      start = nl + 1;
    }
    rest = chunk.slice(start);
    yield;
  }
  if (rest !== '') {
    one(rest.endsWith('\r') ? rest.slice(0, -1) : rest);
    yield;
  }
  for (const issue of parser.finish(tally.row)) if (tally.issues.length < MAX_ERRORS) { tally.issues.push(issue); tally.rowsRejected += 1; }
  if (tally.rowsTotal === 0 && tally.issues.length === 0) tally.issues.push({ row: Math.max(tally.row, 1), column: '*', code: 'required', params: {} });
}

/**
 * One event as a line of COPY's text format (tab-separated, \N for null) from its line number on; `prefix`
 * holds what comes before (project and upload ids, each followed by a tab), if anything.
 */
export function copyLine(prefix: string, row: number, texts: readonly (string | null)[]): string {
  let out = `${prefix}${row}`;
  for (const t of texts) out += t === null ? '\t\\N' : `\t${t}`;
  return `${out}\n`;
}

export interface Spooled extends IngestResult {
  /** The valid events as COPY text lines from `row_no` on (see `copyLine`), in a temporary file. */
  readonly file: string;
  dispose(): Promise<void>;
}

/**
 * Phase 1, outside any transaction (a slow client must not hold the database): reads and validates the whole
 * stream, spooling valid events to a temporary file so memory stays flat.
 */
export async function spool(input: ParseInput): Promise<Spooled> {
  const dir = await mkdtemp(join(tmpdir(), 'zonelink-upload-'));
  const file = join(dir, 'events.tsv');
  const out = createWriteStream(file);
  const dispose = async () => { await rm(dir, { recursive: true, force: true }); };
  try {
    const hash = createHash('sha256');
    const tally = emptyTally();
    let batch = '';
    for await (const chunk of parseChunks(input, hash, tally, (row, e) => { batch += copyLine('', row, e.texts); })) {
      void chunk;
      if (batch !== '' && !out.write(batch)) await once(out, 'drain');
      batch = '';
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

/** The spooled lines in batches of whole lines, each line behind `prefix`. */
async function* spooledBatches(spooled: Spooled, prefix: string): AsyncGenerator<string> {
  let rest = '';
  for await (const text of createReadStream(spooled.file, { encoding: 'utf8', highWaterMark: 1 << 18 }) as AsyncIterable<string>) {
    const chunk = rest + text;
    const cut = chunk.lastIndexOf('\n') + 1;
    rest = chunk.slice(cut);
    if (cut > 0) yield prefix === '' ? chunk.slice(0, cut) : `${prefix}${chunk.slice(0, cut - 1).replaceAll('\n', `\n${prefix}`)}\n`;
  }
}

const nullable = (text: string | undefined): number | null => (text === undefined || text === '\\N' ? null : Number(text));

/**
 * Phase 2, inside the caller's transaction: stores the spooled events — with COPY FROM STDIN on PostgreSQL,
 * in batched multi-row inserts on PGlite.
 */
export async function insertSpooled(trx: Database, spooled: Spooled, projectId: string, uploadId: string, onProgress?: (stored: number) => void): Promise<number> {
  let stored = 0;
  let shown = 0;
  async function* counted(): AsyncGenerator<string> {
    for await (const batch of spooledBatches(spooled, `${projectId}\t${uploadId}\t`)) {
      yield batch;
      for (let i = batch.indexOf('\n'); i >= 0; i = batch.indexOf('\n', i + 1)) stored += 1;
      if (stored - shown >= PROGRESS_EVERY) { shown = stored; onProgress?.(stored); }
    }
  }
  if (await copyFrom(trx, 'demonstration_event', COPY_COLUMNS, counted())) return stored;
  let pending: EventRow[] = [];
  const flush = async () => {
    await trx.insertInto('demonstration_event').values(pending).execute();
    stored += pending.length;
    pending = [];
  };
  for await (const batch of spooledBatches(spooled, '')) {
    for (const line of batch.split('\n')) {
      if (line === '') continue;
      const [row, ts, deviceId, sessionId, lon, lat, speed, altitude, load, people] = line.split('\t');
      pending.push({
        project_id: projectId, upload_id: uploadId, row_no: Number(row), ts: new Date(ts!), device_id: nullable(deviceId), session_id: nullable(sessionId),
        lon: nullable(lon), lat: nullable(lat), speed: nullable(speed), altitude: nullable(altitude), load: nullable(load), people: nullable(people),
      });
      if (pending.length >= INSERT_BATCH) {
        await flush();
        onProgress?.(stored);
      }
    }
  }
  if (pending.length > 0) await flush();
  return stored;
}

interface EventRow {
  project_id: string; upload_id: string; row_no: number; ts: Date; device_id: number | null; session_id: number | null;
  lon: number | null; lat: number | null; speed: number | null; altitude: number | null; load: number | null; people: number | null;
}

const KEYWORD: Record<RowIssue['code'], FieldError['keyword']> = {
  required: 'required', type: 'type', outOfRange: 'outOfRange', outOfPeriod: 'outOfPeriod', unknown: 'unknown',
  duplicate: 'duplicate', columns: 'columns', header: 'header', invalid: 'invalid',
};

export const issuePath = (issue: RowIssue): string => `/body/row/${issue.row}/${issue.column}`;

export function issueFields(issues: readonly RowIssue[]): FieldError[] {
  return issues.map((issue) => ({ path: issuePath(issue), keyword: KEYWORD[issue.code], params: { ...issue.params } }));
}
