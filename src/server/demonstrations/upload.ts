// Streaming ingestion of demonstration data in two phases: the request stream is read chunk by chunk, its lines
// parsed and validated and the valid events spooled to a temporary file as fixed binary records (no transaction
// open while the client sends); then the spooled events are stored inside one transaction (all or nothing):
// streamed into COPY on PostgreSQL, inserted in batches on PGlite.
import { createHash, type Hash } from 'node:crypto';
import { isAscii } from 'node:buffer';
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyFrom } from '../../db/copy.ts';
import type { Database } from '../../db/database.ts';
import { RowParser, type RowContext, type RowIssue, type StoredEvent, type UploadFormat } from '../../domain/demonstrations/events.ts';
import { DEFAULT_INPUT_LIMITS, InputLimitExceeded } from '../../domain/input-limits.ts';
import { AppError, type FieldError } from '../errors.ts';
import { COPY_COLUMNS, readRecords, RECORD_BYTES, RecordWriter, TupleWriter } from './event-encoding.ts';

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

/**
 * Whether a decoder reading `buf` may keep bytes back for the next chunk: `buf` ends inside a UTF-8 sequence, or
 * holds only continuation bytes (of a sequence begun in an earlier chunk, perhaps not yet complete).
 */
function endsInside(buf: Buffer): boolean {
  for (let i = buf.length - 1, back = 1; i >= 0 && back <= 4; i -= 1, back += 1) {
    const b = buf[i]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte
    const length = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return length > back;
  }
  return buf.length < 4;
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

export interface ParseInput {
  stream: AsyncIterable<Buffer | string>;
  format: UploadFormat;
  context: RowContext;
  /** Most bytes (UPLOAD_LIMIT_BYTES when not given). */
  limit?: number;
  /** Longest line in characters (INPUT_MAX_LINE_CHARS; the default limit when not given): a longer line is refused before it is read whole. */
  lineChars?: number;
}

/**
 * Reads a stream, splits it into lines (LF or CRLF) and parses and validates them chunk by chunk — synchronously
 * within a chunk, no await per line. Each valid event goes to `take` with its line number; the rest is tallied in
 * `tally` (complete once the iteration ends) and each problem, with its line, goes to `note` (every one, not only the first MAX_ERRORS). Yields once after each chunk, when the caller can pass on what
 * `take` collected.
 */
export async function* parseChunks(input: ParseInput, hash: Hash, tally: ParseTally, take: (row: number, event: StoredEvent) => void, note?: (issue: RowIssue, line: string) => void): AsyncGenerator<void> {
  const parser = new RowParser(input.format, input.context);
  const one = (line: string): void => {
    tally.row += 1;
    const { event, issues: found } = parser.line(line, tally.row);
    if (found.length > 0) {
      tally.rowsRejected += 1;
      tally.rowsTotal += 1;
      for (const issue of found) {
        if (tally.issues.length < MAX_ERRORS) tally.issues.push(issue);
        note?.(issue, line);
      }
      return;
    }
    if (event === null) return;
    tally.rowsTotal += 1;
    tally.rowsValid += 1;
    take(tally.row, event);
  };
  const lineChars = input.lineChars ?? DEFAULT_INPUT_LIMITS.lineChars;
  let rest = '';
  for await (const text of decodeChunks(input.stream, hash, input.limit ?? UPLOAD_LIMIT_BYTES)) {
    const chunk = rest === '' ? text : rest + text;
    let start = 0;
    // Only the new text is searched for line ends (what is kept from earlier chunks holds none).
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
      const end = rest.length + nl;
      if (end - start > lineChars + 1) throw new InputLimitExceeded('line-chars', lineChars);
      one(chunk.slice(start, end > start && chunk.charCodeAt(end - 1) === 13 ? end - 1 : end));
      start = end + 1;
    }
    rest = chunk.slice(start);
    if (rest.length > lineChars + 1) throw new InputLimitExceeded('line-chars', lineChars);
    yield;
  }
  if (rest !== '') {
    one(rest.endsWith('\r') ? rest.slice(0, -1) : rest);
    yield;
  }
  for (const issue of parser.finish(tally.row)) {
    note?.(issue, '');
    if (tally.issues.length < MAX_ERRORS) { tally.issues.push(issue); tally.rowsRejected += 1; }
  }
  if (tally.rowsTotal === 0 && tally.issues.length === 0) {
    const issue: RowIssue = { row: Math.max(tally.row, 1), column: '*', code: 'required', params: {} };
    tally.issues.push(issue);
    note?.(issue, '');
  }
}

export interface Spooled extends IngestResult {
  /** The valid events as spool records (see `RecordWriter`), in a temporary file. */
  readonly file: string;
  /** Every problem (not only the first MAX_ERRORS), one JSON `RowIssue` with its `line` of text a line, or null when there is none. */
  readonly issuesFile: string | null;
  dispose(): Promise<void>;
}

/**
 * Phase 1, outside any transaction (a slow client must not hold the database): reads and validates the whole
 * stream, spooling valid events to a temporary file so memory stays flat.
 */
export async function spool(input: ParseInput): Promise<Spooled> {
  const dir = await mkdtemp(join(tmpdir(), 'zonelink-upload-'));
  const file = join(dir, 'events.bin');
  const out = createWriteStream(file);
  const issuesFile = join(dir, 'issues.ndjson');
  const problems: { out: WriteStream | null } = { out: null }; // opened at the first problem: valid rows never touch it
  const note = (issue: RowIssue, line: string): void => {
    problems.out ??= createWriteStream(issuesFile);
    problems.out.write(`${JSON.stringify({ ...issue, line })}\n`);
  };
  const dispose = async () => { await rm(dir, { recursive: true, force: true }); };
  try {
    const hash = createHash('sha256');
    const tally = emptyTally();
    const records = new RecordWriter();
    for await (const chunk of parseChunks(input, hash, tally, (row, e) => records.add(row, e), note)) {
      void chunk;
      for (const buf of records.take()) if (!out.write(buf)) await once(out, 'drain');
      if (problems.out?.writableNeedDrain) await once(problems.out, 'drain');
    }
    out.end();
    await once(out, 'close');
    const written = problems.out;
    if (written) {
      written.end();
      await once(written, 'close');
    }
    return {
      rowsTotal: tally.rowsTotal, rowsStored: tally.rowsValid, rowsRejected: tally.rowsRejected, issues: tally.issues, sha256: hash.digest('hex'), file,
      issuesFile: written ? issuesFile : null, dispose,
    };
  } catch (error) {
    out.on('error', () => undefined); // a write still pending when destroyed must not crash the process
    out.destroy();
    problems.out?.on('error', () => undefined);
    problems.out?.destroy();
    await dispose();
    throw error;
  }
}

/** The spooled events, a block of records at a time. */
async function* spooledEvents(spooled: Spooled, each: (row: number, event: StoredEvent) => void): AsyncGenerator<void> {
  let rest: Buffer | null = null;
  for await (const chunk of createReadStream(spooled.file, { highWaterMark: RECORD_BYTES * 4096 }) as AsyncIterable<Buffer>) {
    const buf: Buffer = rest === null ? chunk : Buffer.concat([rest, chunk]);
    const whole = buf.length - (buf.length % RECORD_BYTES);
    readRecords(buf.subarray(0, whole), each);
    rest = whole < buf.length ? buf.subarray(whole) : null;
    yield;
  }
}

/**
 * Phase 2, inside the caller's transaction: stores the spooled events — with COPY FROM STDIN on PostgreSQL,
 * in batched multi-row inserts on PGlite.
 */
export async function insertSpooled(trx: Database, spooled: Spooled, projectId: string, uploadId: string, onProgress?: (stored: number) => void): Promise<number> {
  let stored = 0;
  let shown = 0;
  const tuples = new TupleWriter(projectId, uploadId);
  async function* batches(): AsyncGenerator<Buffer[]> {
    for await (const block of spooledEvents(spooled, (row, e) => { tuples.add(row, e); stored += 1; })) {
      void block;
      yield tuples.take();
      if (stored - shown >= PROGRESS_EVERY) { shown = stored; onProgress?.(stored); }
    }
  }
  if (await copyFrom(trx, 'demonstration_event', COPY_COLUMNS, batches())) return stored;
  let pending: EventRow[] = [];
  const flush = async () => {
    await trx.insertInto('demonstration_event').values(pending).execute();
    stored += pending.length;
    pending = [];
    onProgress?.(stored);
  };
  for await (const block of spooledEvents(spooled, (row, e) => {
    pending.push({
      project_id: projectId, upload_id: uploadId, row_no: row, ts: new Date(e.ts), device_id: e.deviceId, session_id: e.sessionId,
      lon: e.lon, lat: e.lat, speed: e.speed, altitude: e.altitude, load: e.load, people: e.people,
    });
  })) {
    void block;
    while (pending.length >= INSERT_BATCH) {
      const rest = pending.splice(INSERT_BATCH);
      await flush();
      pending = rest;
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
