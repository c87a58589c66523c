/**
 * Demonstration data rows (CSV or NDJSON), parsed and validated one line at a time so an upload can be
 * streamed: every problem names its line (`row`, 1-based, the CSV header being line 1) and its column.
 *
 * Columns are the compliance engine's event fields: `ts` (required; ISO 8601 instant with an explicit
 * offset, or epoch milliseconds in NDJSON), `deviceId`, `sessionId` (integers 0 … 2³¹−1), `lon`, `lat`
 * (WGS84 degrees, given together), `speed` (km/h ≥ 0), `altitude` (m), `load` (kg ≥ 0), `people` (≥ 0).
 * Empty CSV cells and `null` in NDJSON are missing values. Timestamps must lie in the project period.
 */
import { EVENT_FIELDS, parseInstant, type EventField } from '../compliance/rules.ts';

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

const RANGES: Partial<Record<EventField, readonly [number, number]>> = {
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
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const shown = (value: unknown): string => {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
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

export class RowParser {
  readonly format: UploadFormat;
  readonly context: RowContext;
  private header: EventField[] | null = null;

  constructor(format: UploadFormat, context: RowContext) {
    this.format = format;
    this.context = context;
  }

  /**
   * One line (without its line break). Returns the event, `null` for a line without data (blank, CSV
   * header), or the issues found (never both).
   */
  line(text: string, row: number): { event: StoredEvent | null; issues: RowIssue[] } {
    const line = row === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    if (line.trim() === '') return { event: null, issues: [] };
    return this.format === 'csv' ? this.csv(line, row) : this.ndjson(line, row);
  }

  /** Issues of a CSV upload without a header at the end (an empty file). */
  finish(rowsSeen: number): RowIssue[] {
    if (this.format === 'csv' && this.header === null) {
      return [{ row: Math.max(rowsSeen, 1), column: '*', code: 'header', params: { header: 'ts,…' } }];
    }
    return [];
  }

  private csv(line: string, row: number): { event: StoredEvent | null; issues: RowIssue[] } {
    const cells = splitCsvLine(line);
    if (cells === null) return { event: null, issues: [{ row, column: '*', code: 'invalid', params: { value: shown(line) } }] };
    if (this.header === null) {
      const issues: RowIssue[] = [];
      const names: EventField[] = [];
      for (const raw of cells) {
        const name = raw.trim();
        if (!(EVENT_FIELDS as readonly string[]).includes(name)) issues.push({ row, column: name || '*', code: 'unknown', params: { value: shown(name) } });
        else if (names.includes(name as EventField)) issues.push({ row, column: name, code: 'duplicate', params: {} });
        else names.push(name as EventField);
      }
      if (!names.includes('ts')) issues.push({ row, column: 'ts', code: 'required', params: {} });
      if (issues.length > 0) {
        this.header = [];
        return { event: null, issues };
      }
      this.header = names;
      return { event: null, issues: [] };
    }
    if (this.header.length === 0) return { event: null, issues: [] }; // the header was refused already
    if (cells.length !== this.header.length) {
      return { event: null, issues: [{ row, column: '*', code: 'columns', params: { count: this.header.length } }] };
    }
    const values: Partial<Record<EventField, unknown>> = {};
    this.header.forEach((name, i) => {
      const cell = cells[i]!.trim();
      values[name] = cell === '' ? null : cell;
    });
    return this.validate(values, row);
  }

  private ndjson(line: string, row: number): { event: StoredEvent | null; issues: RowIssue[] } {
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
    const values: Partial<Record<EventField, unknown>> = {};
    for (const [key, value] of Object.entries(parsed)) {
      if (!(EVENT_FIELDS as readonly string[]).includes(key)) issues.push({ row, column: key, code: 'unknown', params: { value: shown(key) } });
      else values[key as EventField] = value;
    }
    const result = this.validate(values, row);
    return issues.length > 0 ? { event: null, issues: [...issues, ...result.issues] } : result;
  }

  private validate(values: Partial<Record<EventField, unknown>>, row: number): { event: StoredEvent | null; issues: RowIssue[] } {
    const issues: RowIssue[] = [];
    const out: Record<string, number | null> = {};
    // Timestamp: an ISO instant with offset (or epoch ms in NDJSON), within the project period.
    const rawTs = values.ts;
    let ts: number | null = null;
    if (rawTs === undefined || rawTs === null) issues.push({ row, column: 'ts', code: 'required', params: {} });
    else if (typeof rawTs === 'string') {
      ts = parseInstant(rawTs);
      if (ts === null) issues.push({ row, column: 'ts', code: 'type', params: { type: 'ISO 8601 date-time with offset', value: shown(rawTs) } });
    } else if (typeof rawTs === 'number' && this.format === 'ndjson' && Number.isInteger(rawTs)) ts = rawTs;
    else issues.push({ row, column: 'ts', code: 'type', params: { type: 'ISO 8601 date-time with offset', value: shown(rawTs) } });
    if (ts !== null && (ts < this.context.from || ts >= this.context.to)) {
      issues.push({ row, column: 'ts', code: 'outOfPeriod', params: { from: this.context.fromLabel, to: this.context.toLabel, value: shown(rawTs) } });
    }
    for (const field of EVENT_FIELDS) {
      if (field === 'ts') continue;
      const raw = values[field];
      if (raw === undefined || raw === null) { out[field] = null; continue; }
      let n: number;
      if (typeof raw === 'number') n = raw;
      else if (typeof raw === 'string' && NUMBER.test(raw)) n = Number(raw);
      else { issues.push({ row, column: field, code: 'type', params: { type: INTEGER_FIELDS.has(field) ? 'integer' : 'number', value: shown(raw) } }); continue; }
      if (!Number.isFinite(n) || (INTEGER_FIELDS.has(field) && !Number.isInteger(n))) {
        issues.push({ row, column: field, code: 'type', params: { type: INTEGER_FIELDS.has(field) ? 'integer' : 'number', value: shown(raw) } });
        continue;
      }
      const [min, max] = RANGES[field]!;
      if (n < min || n > max) { issues.push({ row, column: field, code: 'outOfRange', params: { min, max, value: shown(raw) } }); continue; }
      out[field] = n;
    }
    // A position needs both coordinates.
    if ((values.lon === undefined || values.lon === null) !== (values.lat === undefined || values.lat === null)) {
      const missing = values.lon === undefined || values.lon === null ? 'lon' : 'lat';
      issues.push({ row, column: missing, code: 'required', params: {} });
    }
    if (issues.length > 0) return { event: null, issues };
    return {
      event: {
        ts: ts!, deviceId: out.deviceId ?? null, sessionId: out.sessionId ?? null, lon: out.lon ?? null, lat: out.lat ?? null,
        speed: out.speed ?? null, altitude: out.altitude ?? null, load: out.load ?? null, people: out.people ?? null,
      },
      issues: [],
    };
  }
}
