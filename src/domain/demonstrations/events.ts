/**
 * Demonstration data rows (CSV or NDJSON), parsed and validated one line at a time so an upload can be
 * streamed: every problem names its line (`row`, 1-based, the CSV header being line 1) and its column.
 *
 * Columns are the compliance engine's event fields: `ts` (required; ISO 8601 instant with an explicit
 * offset, or epoch milliseconds in NDJSON), `deviceId`, `sessionId` (integers 0 … 2³¹−1), `lon`, `lat`
 * (WGS84 degrees, given together), `speed` (km/h ≥ 0), `altitude` (m), `load` (kg ≥ 0), `people` (≥ 0).
 * Empty CSV cells and `null` in NDJSON are missing values. Timestamps must lie in the project period.
 */
import { daysInMonth, MAX_YEAR, MIN_YEAR } from '../calendar/civil-date.ts';
import { EVENT_FIELDS, parseInstant, type EventField } from '../compliance/rules.ts';
import { storable } from '../storable-text.ts';

export type UploadFormat = 'csv' | 'ndjson';

export interface StoredEvent {
  readonly ts: number;
  readonly deviceId: number | null;
  readonly sessionId: number | null;
  readonly lon: number | null;
  readonly lat: number | null;
  readonly speed: number | null;
  readonly altitude: number | null;
  readonly load: number | null;
  readonly people: number | null;
}

export type RowIssueCode = 'required' | 'type' | 'outOfRange' | 'outOfPeriod' | 'unknown' | 'duplicate' | 'columns' | 'header' | 'invalid';

export interface RowIssue {
  readonly row: number;
  /** A column name, or `*` for the whole line. */
  readonly column: string;
  readonly code: RowIssueCode;
  readonly params: Readonly<Record<string, string | number>>;
}

/** The period events must fall in: `[from, to)` in epoch ms. */
export interface RowContext {
  readonly from: number;
  readonly to: number;
  /** For messages: the project period as written (`YYYY-MM-DD`). */
  readonly fromLabel: string;
  readonly toLabel: string;
}

const RANGES: Record<Exclude<EventField, 'ts'>, readonly [number, number]> = {
  deviceId: [0, 0x7fffffff],
  sessionId: [0, 0x7fffffff],
  lon: [-180, 180],
  lat: [-90, 90],
  speed: [0, 1e6],
  altitude: [-1e5, 1e6],
  load: [0, 1e9],
  people: [0, 1e6],
};
const INTEGER_FIELDS = new Set<EventField>(['deviceId', 'sessionId']);
// The same by EVENT_FIELDS index, for the hot path (`ts`, index 0, unused).
const MIN = EVENT_FIELDS.map((f) => (f === 'ts' ? 0 : RANGES[f][0]));
const MAX = EVENT_FIELDS.map((f) => (f === 'ts' ? 0 : RANGES[f][1]));
const INTEGER = EVENT_FIELDS.map((f) => INTEGER_FIELDS.has(f));
const FIELD_INDEX = new Map<string, number>(EVENT_FIELDS.map((f, i) => [f, i]));
const LON = FIELD_INDEX.get('lon')!;
const LAT = FIELD_INDEX.get('lat')!;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
/** A value echoed in a row problem: shortened, and storable (row problems are kept in jsonb: no NUL, no lone surrogate). */
const shown = (value: unknown): string => {
  const text = storable(typeof value === 'string' ? value : JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

/**
 * A plain decimal `-?D+(.D+)?` of at most 15 digits, read exactly as `Number` reads it (an integer below 2⁵³
 * divided by an exact power of ten is one correctly rounded operation); NaN for any other form (and for −0).
 */
export function plainDecimal(text: string): number {
  const n = text.length;
  let i = text.charCodeAt(0) === 45 ? 1 : 0;
  const negative = i === 1;
  let m = 0;
  let digits = 0;
  let scale = -1;
  for (; i < n; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits += 1;
      if (scale >= 0) scale += 1;
    } else if (c === 46 && scale < 0 && digits > 0) scale = 0;
    else return NaN;
  }
  if (digits === 0 || digits > 15 || scale === 0) return NaN;
  const value = scale > 0 ? m / POW10[scale]! : m;
  if (negative) return value === 0 ? NaN : -value;
  return value;
}

const digit = (text: string, i: number): number => text.charCodeAt(i) - 48;
const two = (text: string, i: number): number => {
  const a = digit(text, i);
  const b = digit(text, i + 1);
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
};

/**
 * The common instant form `YYYY-MM-DDTHH:MM:SS[.f{1,3}](Z|±HH:MM)` read digit by digit, to the same epoch ms as
 * `parseInstant`; NaN for any other form (left to `parseInstant`).
 */
export function plainInstant(text: string): number {
  const n = text.length;
  if (n < 20 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return NaN;
  const hi = two(text, 0);
  const lo = two(text, 2);
  const month = two(text, 5);
  const day = two(text, 8);
  const hour = two(text, 11);
  const minute = two(text, 14);
  const second = two(text, 17);
  if (hi < 0 || lo < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return NaN;
  const year = hi * 100 + lo;
  if (year < MIN_YEAR || year > MAX_YEAR || day > daysInMonth(year, month)) return NaN;
  let i = 19;
  let ms = 0;
  if (text.charCodeAt(i) === 46) {
    let scale = 100;
    for (i += 1; i < n && scale >= 1; i += 1, scale /= 10) {
      const d = digit(text, i);
      if (d < 0 || d > 9) break;
      ms += d * scale;
    }
    if (scale === 100) return NaN;
  }
  let offset = 0;
  const sign = text.charCodeAt(i);
  if (sign === 90) {
    if (i + 1 !== n) return NaN;
  } else if (sign === 43 || sign === 45) {
    const oh = two(text, i + 1);
    const om = two(text, i + 4);
    if (i + 6 !== n || text.charCodeAt(i + 3) !== 58 || oh < 0 || oh > 14 || om < 0 || om > 59) return NaN;
    offset = (sign === 45 ? -1 : 1) * (oh * 60 + om);
  } else return NaN;
  return ((((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute - offset) * 60 + second) * 1000) + ms;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's `days_from_civil`); what Date.UTC counts. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Whether `text` needs `trim()` (its first or last character is not plain printable ASCII). */
const padded = (text: string): boolean => {
  const a = text.charCodeAt(0);
  const z = text.charCodeAt(text.length - 1);
  return a <= 32 || a >= 127 || z <= 32 || z >= 127;
};
const cellValue = (raw: string): string | null => {
  const cell = raw.length > 0 && padded(raw) ? raw.trim() : raw;
  return cell === '' ? null : cell;
};

/** Splits one CSV line (RFC 4180 quoting within the line); `null` when a quote is left open. */
export function splitCsvLine(line: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i += 1;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) return null;
        value += line.slice(i, q);
        if (line[q + 1] === '"') { value += '"'; i = q + 2; continue; }
        i = q + 1;
        break;
      }
      out.push(value);
      if (i < line.length && line[i] !== ',') return null;
    } else {
      const c = line.indexOf(',', i);
      out.push(c < 0 ? line.slice(i) : line.slice(i, c));
      i = c < 0 ? line.length : c;
    }
    if (i >= line.length) return out;
    i += 1; // the comma
    if (i === line.length) { out.push(''); return out; }
  }
}

export interface ParsedLine { event: StoredEvent | null; issues: readonly RowIssue[] }

const NONE: readonly RowIssue[] = Object.freeze([]);

/**
 * Parses and validates lines of one upload, in order. Hot path (millions of lines): CSV cells are found with
 * `indexOf` (quoted lines go through `splitCsvLine`), numbers and instants in their plain forms are read digit by
 * digit, and every other form falls back to the regular-expression readers, so all forms give the same results.
 */
export class RowParser {
  readonly format: UploadFormat;
  readonly context: RowContext;
  /** CSV: for each column, its index in EVENT_FIELDS; `[]` once a header was refused. */
  private header: number[] | null = null;
  /** The current line's values by EVENT_FIELDS index (`undefined`/`null`: missing). */
  private readonly values: unknown[] = new Array<unknown>(EVENT_FIELDS.length);
  /** The current line's numbers by EVENT_FIELDS index. */
  private readonly numbers: (number | null)[] = new Array<number | null>(EVENT_FIELDS.length).fill(null);

  constructor(format: UploadFormat, context: RowContext) {
    this.format = format;
    this.context = context;
  }

  /**
   * One line (without its line break). Returns the event, `null` for a line without data (blank, CSV
   * header), or the issues found (never both).
   */
  line(text: string, row: number): ParsedLine {
    const line = row === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    if (line.length === 0 || (padded(line) && line.trim() === '')) return { event: null, issues: [] };
    return this.format === 'csv' ? this.csv(line, row) : this.ndjson(line, row);
  }

  /** Issues of a CSV upload without a header at the end (an empty file). */
  finish(rowsSeen: number): RowIssue[] {
    if (this.format === 'csv' && this.header === null) {
      return [{ row: Math.max(rowsSeen, 1), column: '*', code: 'header', params: { header: 'ts,…' } }];
    }
    return [];
  }

  private csv(line: string, row: number): ParsedLine {
    if (this.header === null) return this.csvHeader(line, row);
    const header = this.header;
    const quoted = line.indexOf('"') >= 0;
    if (header.length === 0) { // the header was refused already: only unreadable lines are still reported
      return quoted && splitCsvLine(line) === null ? { event: null, issues: [{ row, column: '*', code: 'invalid', params: { value: shown(line) } }] } : { event: null, issues: [] };
    }
    const values = this.values.fill(undefined);
    if (!quoted) {
      let start = 0;
      const last = header.length - 1;
      for (let c = 0; c < last; c += 1) {
        const comma = line.indexOf(',', start);
        if (comma < 0) return this.columns(row);
        values[header[c]!] = cellValue(line.slice(start, comma));
        start = comma + 1;
      }
      if (line.indexOf(',', start) >= 0) return this.columns(row);
      values[header[last]!] = cellValue(line.slice(start));
    } else {
      const cells = splitCsvLine(line);
      if (cells === null) return { event: null, issues: [{ row, column: '*', code: 'invalid', params: { value: shown(line) } }] };
      if (cells.length !== header.length) return this.columns(row);
      for (let c = 0; c < cells.length; c += 1) values[header[c]!] = cellValue(cells[c]!);
    }
    return this.validate(row);
  }

  private columns(row: number): ParsedLine {
    return { event: null, issues: [{ row, column: '*', code: 'columns', params: { count: this.header!.length } }] };
  }

  private csvHeader(line: string, row: number): ParsedLine {
    const cells = splitCsvLine(line);
    if (cells === null) return { event: null, issues: [{ row, column: '*', code: 'invalid', params: { value: shown(line) } }] };
    const issues: RowIssue[] = [];
    const names: EventField[] = [];
    for (const raw of cells) {
      const name = raw.trim();
      if (!FIELD_INDEX.has(name)) issues.push({ row, column: storable(name) || '*', code: 'unknown', params: { value: shown(name) } });
      else if (names.includes(name as EventField)) issues.push({ row, column: name, code: 'duplicate', params: {} });
      else names.push(name as EventField);
    }
    if (!names.includes('ts')) issues.push({ row, column: 'ts', code: 'required', params: {} });
    this.header = issues.length > 0 ? [] : names.map((name) => FIELD_INDEX.get(name)!);
    return { event: null, issues };
  }

  private ndjson(line: string, row: number): ParsedLine {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      return { event: null, issues: [{ row, column: '*', code: 'invalid', params: { value: shown(line) } }] };
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return { event: null, issues: [{ row, column: '*', code: 'type', params: { type: 'object' } }] };
    }
    const issues: RowIssue[] = [];
    const values = this.values.fill(undefined);
    for (const [key, value] of Object.entries(parsed)) {
      const index = FIELD_INDEX.get(key);
      if (index === undefined) issues.push({ row, column: storable(key), code: 'unknown', params: { value: shown(key) } });
      else values[index] = value;
    }
    const result = this.validate(row);
    return issues.length > 0 ? { event: null, issues: [...issues, ...result.issues] } : result;
  }

  private validate(row: number): ParsedLine {
    const values = this.values;
    let issues: RowIssue[] | null = null;
    const numbers = this.numbers;
    // Timestamp: an ISO instant with offset (or epoch ms in NDJSON), within the project period.
    const rawTs = values[0];
    let ts: number | null = null;
    if (rawTs === undefined || rawTs === null) (issues ??= []).push({ row, column: 'ts', code: 'required', params: {} });
    else if (typeof rawTs === 'string') {
      const plain = plainInstant(rawTs);
      ts = plain === plain ? plain : parseInstant(rawTs);
      if (ts === null) (issues ??= []).push({ row, column: 'ts', code: 'type', params: { type: 'ISO 8601 date-time with offset', value: shown(rawTs) } });
    } else if (typeof rawTs === 'number' && this.format === 'ndjson' && Number.isInteger(rawTs)) ts = rawTs;
    else (issues ??= []).push({ row, column: 'ts', code: 'type', params: { type: 'ISO 8601 date-time with offset', value: shown(rawTs) } });
    if (ts !== null && (ts < this.context.from || ts >= this.context.to)) {
      (issues ??= []).push({ row, column: 'ts', code: 'outOfPeriod', params: { from: this.context.fromLabel, to: this.context.toLabel, value: shown(rawTs) } });
    }
    for (let f = 1; f < EVENT_FIELDS.length; f += 1) {
      const raw = values[f];
      if (raw === undefined || raw === null) { numbers[f] = null; continue; }
      let n: number;
      if (typeof raw === 'number') n = raw;
      else if (typeof raw === 'string') {
        n = plainDecimal(raw);
        if (n !== n && NUMBER.test(raw)) n = Number(raw);
      } else n = NaN;
      const integer = INTEGER[f]!;
      if (!Number.isFinite(n) || (integer && !Number.isInteger(n))) {
        (issues ??= []).push({ row, column: EVENT_FIELDS[f]!, code: 'type', params: { type: integer ? 'integer' : 'number', value: shown(raw) } });
        continue;
      }
      const min = MIN[f]!;
      const max = MAX[f]!;
      if (n < min || n > max) { (issues ??= []).push({ row, column: EVENT_FIELDS[f]!, code: 'outOfRange', params: { min, max, value: shown(raw) } }); continue; }
      numbers[f] = n;
    }
    // A position needs both coordinates.
    const noLon = values[LON] === undefined || values[LON] === null;
    if (noLon !== (values[LAT] === undefined || values[LAT] === null)) (issues ??= []).push({ row, column: noLon ? 'lon' : 'lat', code: 'required', params: {} });
    if (issues !== null) return { event: null, issues };
    return {
      event: {
        ts: ts!, deviceId: numbers[1]!, sessionId: numbers[2]!, lon: numbers[3]!, lat: numbers[4]!, speed: numbers[5]!, altitude: numbers[6]!,
        load: numbers[7]!, people: numbers[8]!,
      },
      issues: NONE,
    };
  }
}
