/**
 * Demonstration events as the compliance engine reads them: a columnar batch (typed arrays, one
 * entry per event) or, for convenience, row objects.
 *
 * Missing values: NaN (or any non-finite number) in a Float64Array column, a negative number in an
 * id column, an absent column, or `undefined` / `null` in a row. A timestamp counts as present
 * only within 2000-01-01T00:00+09:00 … 2300-01-01T00:00+09:00 (exclusive); fractional
 * milliseconds are ignored when placing an event on a local day or minute.
 */
import type { EventField } from './rules.ts';

export interface EventBatch {
  /** Epoch milliseconds (UTC). Its length is the batch length. */
  readonly ts: Float64Array;
  readonly deviceId?: Int32Array;
  /** A flight, trip or other session, for `dailyCount` rules counting sessions. */
  readonly sessionId?: Int32Array;
  readonly lon?: Float64Array;
  readonly lat?: Float64Array;
  readonly speed?: Float64Array;
  readonly altitude?: Float64Array;
  readonly load?: Float64Array;
  readonly people?: Float64Array;
}

export type EventRow = { readonly [F in EventField]?: number | null };

export const SEOUL_OFFSET_MS = 9 * 3_600_000;
export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
/** 2000-01-01T00:00:00+09:00 */
export const TS_MIN = Date.UTC(2000, 0, 1) - SEOUL_OFFSET_MS;
/** 2300-01-01T00:00:00+09:00 (exclusive) */
export const TS_MAX = Date.UTC(2300, 0, 1) - SEOUL_OFFSET_MS;

export const FLOAT_FIELDS = ['lon', 'lat', 'speed', 'altitude', 'load', 'people'] as const;
export type FloatField = (typeof FLOAT_FIELDS)[number];
export const ID_FIELDS = ['deviceId', 'sessionId'] as const;
export type IdField = (typeof ID_FIELDS)[number];

const idOf = (v: number | null | undefined): number => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 0x7fffffff ? v : -1);
const floatOf = (v: number | null | undefined): number => (typeof v === 'number' ? v : NaN);

/** Converts row objects to a columnar batch (missing values become NaN / -1). */
export function rowsToBatch(rows: readonly EventRow[]): EventBatch {
  const n = rows.length;
  const cols = {
    ts: new Float64Array(n),
    deviceId: new Int32Array(n),
    sessionId: new Int32Array(n),
    lon: new Float64Array(n),
    lat: new Float64Array(n),
    speed: new Float64Array(n),
    altitude: new Float64Array(n),
    load: new Float64Array(n),
    people: new Float64Array(n),
  };
  for (let i = 0; i < n; i += 1) {
    const r = rows[i]!;
    cols.ts[i] = floatOf(r.ts);
    cols.deviceId[i] = idOf(r.deviceId);
    cols.sessionId[i] = idOf(r.sessionId);
    for (const f of FLOAT_FIELDS) cols[f][i] = floatOf(r[f]);
  }
  return cols;
}

/** Throws when a column's length differs from `ts`'s. */
export function checkBatch(batch: EventBatch): number {
  const n = batch.ts.length;
  for (const f of [...ID_FIELDS, ...FLOAT_FIELDS]) {
    const col = batch[f];
    if (col !== undefined && col.length !== n) throw new RangeError(`column ${f} has ${col.length} values, ts has ${n}`);
  }
  return n;
}

/** A batch restricted to events [start, end) — views, no copy. */
export function sliceBatch(batch: EventBatch, start: number, end: number): EventBatch {
  const out: { -readonly [K in keyof EventBatch]: EventBatch[K] } = { ts: batch.ts.subarray(start, end) };
  for (const f of ID_FIELDS) {
    const col = batch[f];
    if (col !== undefined) out[f] = col.subarray(start, end);
  }
  for (const f of FLOAT_FIELDS) {
    const col = batch[f];
    if (col !== undefined) out[f] = col.subarray(start, end);
  }
  return out;
}
