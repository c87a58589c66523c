// Valid demonstration events in the two binary forms an import writes: tuples of COPY's binary format for
// `demonstration_event (COPY_COLUMNS)` (PostgreSQL reads them without parsing text), and the spool's fixed
// records (ten float64: row, ts and the eight values, NaN when missing) that carry the valid events of an upload
// from its first phase to its second.
import type { StoredEvent } from '../../domain/demonstrations/events.ts';

export const COPY_COLUMNS = ['project_id', 'upload_id', 'row_no', 'ts', 'device_id', 'session_id', 'lon', 'lat', 'speed', 'altitude', 'load', 'people'];

const BLOCK_BYTES = 1 << 18;
/** The longest tuple: field count, two uuids, row_no, ts, two int4 and six float8 values. */
const TUPLE_MAX = 2 + 2 * (4 + 16) + (4 + 4) + (4 + 8) + 2 * (4 + 4) + 6 * (4 + 8);
/** PostgreSQL's timestamp epoch, 2000-01-01T00:00:00Z, in Unix ms. */
const PG_EPOCH_MS = 946_684_800_000;
const TWO_32 = 2 ** 32;

const int4 = (b: Buffer, o: number, v: number | null): number => (v === null ? b.writeInt32BE(-1, o) : b.writeInt32BE(v, b.writeInt32BE(4, o)));
// `v + 0`: −0 is stored as 0, as the text format and PGlite's inserts store it.
const float8 = (b: Buffer, o: number, v: number | null): number => (v === null ? b.writeInt32BE(-1, o) : b.writeDoubleBE(v + 0, b.writeInt32BE(8, o)));

/** Writes events of one upload as COPY binary tuples into 256 KB blocks. */
export class TupleWriter {
  private block = Buffer.allocUnsafe(BLOCK_BYTES);
  private start = 0;
  private at = 0;
  private done: Buffer[] = [];
  /** Field count, then the project and upload ids: the same 42 bytes at the start of every tuple. */
  private readonly head: Buffer;

  constructor(projectId: string, uploadId: string) {
    const head = Buffer.alloc(42);
    head.writeInt16BE(COPY_COLUMNS.length, 0);
    head.writeInt32BE(16, 2);
    Buffer.from(projectId.replaceAll('-', ''), 'hex').copy(head, 6);
    head.writeInt32BE(16, 22);
    Buffer.from(uploadId.replaceAll('-', ''), 'hex').copy(head, 26);
    this.head = head;
  }

  add(row: number, e: StoredEvent): void {
    if (this.at + TUPLE_MAX > BLOCK_BYTES) {
      if (this.at > this.start) this.done.push(this.block.subarray(this.start, this.at));
      this.block = Buffer.allocUnsafe(BLOCK_BYTES);
      this.start = 0;
      this.at = 0;
    }
    const b = this.block;
    b.set(this.head, this.at);
    let o = b.writeInt32BE(row, b.writeInt32BE(4, this.at + 42));
    const us = (e.ts - PG_EPOCH_MS) * 1000; // exact: |us| < 2⁵³
    const hi = Math.floor(us / TWO_32);
    o = b.writeUInt32BE(us - hi * TWO_32, b.writeInt32BE(hi, b.writeInt32BE(8, o)));
    o = int4(b, o, e.deviceId);
    o = int4(b, o, e.sessionId);
    o = float8(b, o, e.lon);
    o = float8(b, o, e.lat);
    o = float8(b, o, e.speed);
    o = float8(b, o, e.altitude);
    o = float8(b, o, e.load);
    this.at = float8(b, o, e.people);
  }

  /** The tuples written since the last call (the blocks are not written to again). */
  take(): Buffer[] {
    if (this.at > this.start) this.done.push(this.block.subarray(this.start, this.at));
    this.start = this.at;
    const done = this.done;
    this.done = [];
    return done;
  }
}

export const RECORD_BYTES = 80;
const RECORDS_PER_BLOCK = 4096;

/** Writes events as spool records (native byte order: the spool is read back by the same process). */
export class RecordWriter {
  private values = new Float64Array(RECORDS_PER_BLOCK * 10);
  private count = 0;
  private done: Buffer[] = [];

  add(row: number, e: StoredEvent): void {
    if (this.count === RECORDS_PER_BLOCK) this.seal();
    const v = this.values;
    const o = this.count * 10;
    v[o] = row;
    v[o + 1] = e.ts;
    v[o + 2] = e.deviceId ?? NaN;
    v[o + 3] = e.sessionId ?? NaN;
    v[o + 4] = e.lon ?? NaN;
    v[o + 5] = e.lat ?? NaN;
    v[o + 6] = e.speed ?? NaN;
    v[o + 7] = e.altitude ?? NaN;
    v[o + 8] = e.load ?? NaN;
    v[o + 9] = e.people ?? NaN;
    this.count += 1;
  }

  private seal(): void {
    if (this.count === 0) return;
    this.done.push(Buffer.from(this.values.buffer, 0, this.count * RECORD_BYTES));
    this.values = new Float64Array(RECORDS_PER_BLOCK * 10);
    this.count = 0;
  }

  /** The records written since the last call. */
  take(): Buffer[] {
    this.seal();
    const done = this.done;
    this.done = [];
    return done;
  }
}

const value = (v: number): number | null => (Number.isNaN(v) ? null : v);
const LITTLE_ENDIAN = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;

/** Calls `each` for every whole record in `buf` (a multiple of RECORD_BYTES long). */
export function readRecords(buf: Buffer, each: (row: number, event: StoredEvent) => void): void {
  const read = (o: number): number => (LITTLE_ENDIAN ? buf.readDoubleLE(o) : buf.readDoubleBE(o));
  for (let o = 0; o + RECORD_BYTES <= buf.length; o += RECORD_BYTES) {
    each(read(o), {
      ts: read(o + 8), deviceId: value(read(o + 16)), sessionId: value(read(o + 24)), lon: value(read(o + 32)), lat: value(read(o + 40)),
      speed: value(read(o + 48)), altitude: value(read(o + 56)), load: value(read(o + 64)), people: value(read(o + 72)),
    });
  }
}
