// The fast row parser against the reference it replaced (the regular-expression parser of the first version,
// kept here verbatim as the oracle): the same events and the same issues for random lines of every shape. Plus a
// table of edge cases.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { EVENT_FIELDS, parseInstant, type EventField } from '../compliance/rules.ts';
import { plainDecimal, plainInstant, RowParser, type RowContext, type RowIssue, type StoredEvent, type UploadFormat } from './events.ts';
import { periodInstants } from './project.ts';

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
function splitCsvLine(line: string): string[] | null {
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

class ReferenceRowParser {
  readonly format: UploadFormat;
  readonly context: RowContext;
  header: EventField[] | null = null;

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

  csv(line: string, row: number): { event: StoredEvent | null; issues: RowIssue[] } {
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

  ndjson(line: string, row: number): { event: StoredEvent | null; issues: RowIssue[] } {
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

  validate(values: Partial<Record<EventField, unknown>>, row: number): { event: StoredEvent | null; issues: RowIssue[] } {
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

const period: RowContext = { ...periodInstants('2026-01-01', '2026-12-31'), fromLabel: '2026-01-01', toLabel: '2026-12-31' };

/** Both parsers over the same lines: equal issues, equal events. */
function same(format: UploadFormat, lines: readonly string[]): void {
  const fast = new RowParser(format, period);
  const reference = new ReferenceRowParser(format, period);
  lines.forEach((line, i) => {
    const got = fast.line(line, i + 1);
    const want = reference.line(line, i + 1);
    assert.deepEqual(got.issues, want.issues, `line ${i + 1}: ${JSON.stringify(line)}`);
    if (want.event === null) { assert.equal(got.event, null, line); return; }
    assert.deepEqual(got.event, want.event, line);
  });
  assert.deepEqual(fast.finish(lines.length), reference.finish(lines.length));
}

const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^\\d{${min},${max}}$`));
const number = fc.oneof(
  fc.double({ noNaN: true }).map(String),
  fc.integer({ min: -200, max: 3_000_000_000 }).map(String),
  fc.tuple(fc.constantFrom('', '-', '+'), digits(0, 9), fc.constantFrom('', '.'), digits(0, 9), fc.constantFrom('', 'e3', 'E-2', 'e')).map((p) => p.join('')),
  fc.constantFrom('', ' ', ' 7 ', '-0', '0.0', '1.', '.5', '7.0', 'NaN', 'Infinity', '1e999', '0x10', '١٢', '\u00a012', '12\u00a0', '"5"'),
);
const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
const instant = fc.oneof(
  fc.date({ min: new Date('2025-12-01T00:00:00Z'), max: new Date('2027-02-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.tuple(fc.constantFrom('2025', '2026', '2027', '1899', '0050'), two(13), two(32), two(25), two(60), two(61),
    fc.constantFrom('', '.', '.1', '.12', '.123', '.1234', '.x'), fc.constantFrom('Z', 'z', '+09:00', '-05:30', '+14:59', '+15:00', '+09:60', '+0900', '', '+09:00:00'))
    .map(([y, mo, d, h, mi, s, f, z]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${f}${z}`),
  fc.tuple(two(12), two(28), two(23), two(59)).map(([mo, d, h, mi]) => `2026-${mo}-${d}T${h}:${mi}+09:00`),
  fc.constantFrom('', '2026-02-29T00:00:00Z', '2028-02-29T00:00:00Z', '2026-06-01 00:00:00Z', '2026-06-01T00:00:00', ' 2026-06-01T00:00:00Z '),
);
const csvCell = (cell: fc.Arbitrary<string>) => fc.oneof({ weight: 5, arbitrary: cell }, { weight: 1, arbitrary: cell.map((c) => `"${c.replaceAll('"', '""')}"`) });

describe('fast row parser = reference parser', () => {
  test('random CSV rows under random headers', () => {
    const header = fc.shuffledSubarray([...EVENT_FIELDS] as EventField[], { minLength: 1 }).chain((names) => fc.constant(names));
    fc.assert(fc.property(header, fc.array(fc.array(fc.oneof(number, instant), { minLength: 0, maxLength: 10 }), { maxLength: 8 }), (names, rows) => {
      const lines = [names.join(',')];
      for (const cells of rows) {
        const line = names.map((name, k) => (name === 'ts' ? cells[k] ?? '' : cells[k] ?? ''));
        lines.push(line.join(','));
      }
      same('csv', lines);
    }), { numRuns: 300 });
  });

  test('random CSV rows with the full header, quoting and line noise', () => {
    const row = fc.tuple(csvCell(instant), ...EVENT_FIELDS.slice(1).map(() => csvCell(number))).map((cells) => cells.join(','));
    const noisy = fc.oneof({ weight: 8, arbitrary: row }, { weight: 1, arbitrary: fc.string() }, { weight: 1, arbitrary: row.map((r) => `${r},`) }, { weight: 1, arbitrary: fc.constantFrom('', '   ', '"open', '"a"b,1') });
    fc.assert(fc.property(fc.array(noisy, { maxLength: 12 }), (rows) => same('csv', [EVENT_FIELDS.join(','), ...rows])), { numRuns: 300 });
  });

  test('random NDJSON objects', () => {
    const value = fc.oneof(number, instant, fc.double(), fc.integer(), fc.constant(null), fc.boolean(), fc.constant([]));
    const object = fc.dictionary(fc.oneof(fc.constantFrom(...EVENT_FIELDS), fc.string()), value, { maxKeys: 10 });
    const line = fc.oneof({ weight: 8, arbitrary: object.map((o) => JSON.stringify(o)) }, { weight: 1, arbitrary: fc.string() });
    fc.assert(fc.property(fc.array(line, { maxLength: 10 }), (lines) => same('ndjson', lines)), { numRuns: 300 });
  });
});

describe('fast row parser: edge cases', () => {
  test('the same results as the reference on a table of awkward lines', () => {
    same('csv', [
      '\uFEFFts, deviceId ,lon,lat,speed,people',
      '2026-03-01T12:00:00.5+09:00,1,129.5,35.25,,0', // one fraction digit
      '"2026-03-01T12:00:00Z","0","-0.000001","35","1e3","1E0"', // quoted cells, exponents
      '2026-03-01T12:00Z,7.0,129,35,0.0,-0', // minutes only, integer written as 7.0, −0
      '2026-03-01T12:00:00+09:00,,,,,', // empty cells
      '2026-03-01T12:00:00+09:00,1,129,35,12abc,1', // bad number
      '2026-03-01T12:00:00+09:00,1,129,35,1.,.5', // unusual numbers
      '2025-12-31T14:59:59.999Z,1,,,,', // one ms before the period (Seoul)
      '2025-12-31T15:00:00.000Z,1,,,,', // its first ms
      '2026-12-31T23:59:59.999+09:00,1,,,,', // its last ms
      '2026-12-31T15:00:00Z,1,,,,', // the end, excluded
      '2026-06-01T00:00:00-14:00,1,,,,',
      '2026-02-30T00:00:00Z,1,,,,', // no such day
      '2026-06-01T24:00:00Z,1,,,,',
      '2026-06-01T00:00:00.1234Z,1,,,,',
      '2026-06-01T00:00:00+09:00 ,1, 129.1 ,\t35.1,,', // padded cells are trimmed
      '2026-06-01T00:00:00+09:00,1,129,35,1', // too few columns
      '2026-06-01T00:00:00+09:00,1,129,35,1,1,1', // too many
      '2026-06-01T00:00:00+09:00,"1,2",129,35,1,1', // a quoted comma
      '2026-06-01T00:00:00+09:00,"1""",129,35,1,1', // an escaped quote
      '2026-06-01T00:00:00+09:00,"1,129,35,1,1', // an open quote
      '2026-06-01T00:00:00+09:00,1234567890123456,129.123456789012345,35.1234567890123,1,1', // beyond 15 digits
      '2026-06-01T00:00:00+09:00,2147483648,180.0000000000001,-90,1000000,1000000.1',
    ]);
  });

  test('a refused header: only unreadable lines are still reported', () => {
    same('csv', ['ts,colour', '2026-06-01T00:00:00Z,red', '"open', '']);
    same('csv', ['"ts', 'ts,lon,lat', '2026-06-01T00:00:00Z,1,2']);
  });

  test('plain decimals and instants are read as Number and parseInstant read them', () => {
    for (const text of ['0', '7', '-1', '128.80010', '0.1', '999999999999999', '0.00000000000001', '-35.050001']) assert.equal(plainDecimal(text), Number(text), text);
    for (const text of ['', '-', '-0', '-0.0', '+1', '1.', '.5', '1e3', '1234567890123456', '0.000000000000001', ' 1', '1 ']) assert.ok(Number.isNaN(plainDecimal(text)), text);
    for (const text of ['2026-01-01T00:00:00Z', '2026-01-01T00:00:00.1Z', '2026-01-01T00:00:00.12+09:00', '2024-02-29T23:59:59.999-14:00']) assert.equal(plainInstant(text), parseInstant(text), text);
    for (const text of ['2026-01-01T00:00Z', '2026-01-01T00:00:00', '2026-01-01T00:00:00.Z', '2026-13-01T00:00:00Z', '1899-12-31T00:00:00Z', '2026-01-01T00:00:00+0900']) assert.ok(Number.isNaN(plainInstant(text)), text);
  });
});

// Keeps the reference's types honest against the fast parser's.
void ((e: StoredEvent, i: RowIssue) => [e, i]);
