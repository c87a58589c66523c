/**
 * The rule language for exemption conditions (부가조건) checked against demonstration data.
 *
 * Rules are plain JSON (a discriminated union on `kind`) so they can be stored with an exemption,
 * edited in the UI and sent over the API. {@link validateRules} turns untrusted JSON into typed
 * rules or a list of structured errors `{ code, path, params }` that a UI can translate.
 *
 * Units of the event fields: `ts` epoch milliseconds, `lon`/`lat` WGS84 degrees, `speed` km/h,
 * `altitude` metres, `load` kg, `people` persons carried. Local time is Korea Standard Time
 * (Asia/Seoul, UTC+9, no daylight saving since 1988).
 */
import { tryCivilDate, type Weekday } from '../calendar/civil-date.ts';

export const MEASURES = ['speed', 'altitude', 'load', 'people'] as const;
export type Measure = (typeof MEASURES)[number];

export const EVENT_FIELDS = ['ts', 'deviceId', 'sessionId', 'lon', 'lat', 'speed', 'altitude', 'load', 'people'] as const;
export type EventField = (typeof EVENT_FIELDS)[number];

export type Position = readonly [lon: number, lat: number];
/** A closed ring: first position equals the last, at least 4 positions. */
export type LinearRing = readonly Position[];
/** First ring is the outer boundary, the others are holes. */
export type PolygonCoordinates = readonly LinearRing[];
export interface PolygonGeometry {
  readonly type: 'Polygon';
  readonly coordinates: PolygonCoordinates;
}
export interface MultiPolygonGeometry {
  readonly type: 'MultiPolygon';
  readonly coordinates: readonly PolygonCoordinates[];
}
export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

interface RuleBase {
  /** Unique within a rule set; reports refer to rules by id. */
  readonly id: string;
  /** Optional human-readable text (for example the condition's wording in the exemption). */
  readonly label?: string;
}

/** Events must lie inside the area; points on its boundary (outer ring or hole) count as inside. */
export interface GeofenceRule extends RuleBase {
  readonly kind: 'geofence';
  readonly area: AreaGeometry;
}

/**
 * A weekly window in local time. `start` is `HH:MM` (00:00–23:59), `end` is `HH:MM` (00:00–24:00),
 * half-open `[start, end)`. When `end` ≤ `start` the window runs past midnight into the next day;
 * `days` (0 = Sunday … 6 = Saturday) name the day on which the window starts.
 */
export interface TimeWindow {
  readonly days: readonly Weekday[];
  readonly start: string;
  readonly end: string;
}

/**
 * Events must fall in one of the windows (any time when `windows` is omitted) and on a local day
 * within `validFrom`–`validTo` (inclusive `YYYY-MM-DD`, each optional).
 */
export interface TimeWindowRule extends RuleBase {
  readonly kind: 'timeWindow';
  readonly windows?: readonly TimeWindow[];
  readonly validFrom?: string;
  readonly validTo?: string;
}

/** `measure` must not exceed `max` (equal is allowed). */
export interface MaximumRule extends RuleBase {
  readonly kind: 'maximum';
  readonly measure: Measure;
  readonly max: number;
}

/**
 * At most `max` events (unit `events`) or sessions — flights, trips (unit `sessions`, by
 * `sessionId`) — per device (or for the whole project) per local calendar day. Counting follows
 * the order in which events are given: the first `max` comply, later ones violate.
 */
export interface DailyCountRule extends RuleBase {
  readonly kind: 'dailyCount';
  readonly per: 'device' | 'project';
  readonly unit: 'events' | 'sessions';
  readonly max: number;
}

/** Every listed field must be present (a finite number; a non-negative id). */
export interface RequiredFieldsRule extends RuleBase {
  readonly kind: 'requiredFields';
  readonly fields: readonly EventField[];
}

/** Liability cover per policy in KRW (Decree Art. 60). */
export interface InsuranceCover {
  readonly deathPerPerson: number;
  readonly injuryPerPerson: number;
  readonly disabilityPerPerson: number;
  readonly propertyPerAccident: number;
}

/** Minimum pay-outs required by the Enforcement Decree Art. 60 (DOMAIN.md §3). */
export const DECREE_60_MINIMUM_COVER: InsuranceCover = {
  deathPerPerson: 150_000_000,
  injuryPerPerson: 30_000_000,
  disabilityPerPerson: 150_000_000,
  propertyPerAccident: 1_000_000_000,
};

/**
 * A policy is valid over `[from, to)`; both are ISO 8601 instants with an explicit offset
 * (`2026-03-01T00:00:00+09:00`). A policy whose stated `cover` is below the Decree Art. 60
 * minimums does not count as insurance (validation warns about it).
 */
export interface InsurancePolicy {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly cover?: InsuranceCover;
}

/** Each event's time must fall in a valid policy. */
export interface InsuranceRule extends RuleBase {
  readonly kind: 'insurance';
  readonly policies: readonly InsurancePolicy[];
}

/**
 * A period `[from, to)` in which an exemption was suspended for the project after a serious incident (ISO 8601
 * instants with an explicit offset); `to` absent while the suspension is not lifted.
 */
export interface SuspensionPeriod {
  readonly id: string;
  readonly from: string;
  readonly to?: string;
}

/** No event at a time the exemption was suspended (the mirror of {@link InsuranceRule}). */
export interface SuspensionRule extends RuleBase {
  readonly kind: 'suspension';
  readonly periods: readonly SuspensionPeriod[];
}

export type Rule = GeofenceRule | TimeWindowRule | MaximumRule | DailyCountRule | RequiredFieldsRule | InsuranceRule | SuspensionRule;
export type RuleKind = Rule['kind'];
export const RULE_KINDS: readonly RuleKind[] = ['geofence', 'timeWindow', 'maximum', 'dailyCount', 'requiredFields', 'insurance', 'suspension'];

export type RuleIssueCode =
  | 'not-an-array'
  | 'not-an-object'
  | 'missing-property'
  | 'unknown-property'
  | 'wrong-type'
  | 'unknown-kind'
  | 'empty-id'
  | 'duplicate-id'
  | 'unknown-geometry-type'
  | 'no-polygon'
  | 'invalid-position'
  | 'position-out-of-range'
  | 'ring-too-few-points'
  | 'ring-not-closed'
  | 'no-windows'
  | 'no-days'
  | 'invalid-day'
  | 'duplicate-day'
  | 'invalid-time'
  | 'empty-window'
  | 'invalid-date'
  | 'end-before-start'
  | 'unknown-measure'
  | 'invalid-number'
  | 'negative-maximum'
  | 'not-an-integer'
  | 'invalid-option'
  | 'no-fields'
  | 'unknown-field'
  | 'duplicate-field'
  | 'invalid-instant'
  | 'duplicate-policy'
  | 'cover-below-minimum';

export type IssuePath = readonly (string | number)[];
export interface RuleIssue {
  readonly code: RuleIssueCode;
  /** Location in the input, e.g. `[2, 'area', 'coordinates', 0, 1]`. */
  readonly path: IssuePath;
  readonly params: Readonly<Record<string, string | number>>;
}

export type RulesValidation =
  | { readonly ok: true; readonly rules: readonly Rule[]; readonly warnings: readonly RuleIssue[] }
  | { readonly ok: false; readonly errors: readonly RuleIssue[]; readonly warnings: readonly RuleIssue[] };

export class InvalidRulesError extends Error {
  constructor(readonly errors: readonly RuleIssue[]) {
    super(`invalid compliance rules: ${errors.map((e) => `${e.code} at ${JSON.stringify(e.path)}`).join('; ')}`);
    this.name = 'InvalidRulesError';
  }
}

/** Local time of an ISO instant's offset, and the Seoul day; see {@link parseInstant}. */
const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|([+-])(\d{2}):(\d{2}))$/;

/** Parses an ISO 8601 instant with an explicit offset to epoch ms; `null` when malformed. */
export function parseInstant(input: string): number | null {
  const m = INSTANT.exec(input);
  if (!m) return null;
  const date = tryCivilDate(m[1]!);
  if (date === null) return null;
  const hour = Number(m[2]);
  const minute = Number(m[3]);
  const second = m[4] === undefined ? 0 : Number(m[4]);
  const ms = m[5] === undefined ? 0 : Number(m[5].padEnd(3, '0'));
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offset = 0;
  if (m[6] !== 'Z') {
    const oh = Number(m[8]);
    const om = Number(m[9]);
    if (oh > 14 || om > 59) return null;
    offset = (m[7] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const [y, mo, d] = m[1]!.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, mo - 1, d, hour, minute, second, ms) - offset * 60_000;
}

const HHMM = /^(\d{2}):(\d{2})$/;

/** Minutes since midnight of an `HH:MM` string; `24:00` only when `allow24`; `null` when invalid. */
export function parseClock(input: string, allow24: boolean): number | null {
  const m = HHMM.exec(input);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59) return null;
  if (h === 24 && min === 0 && allow24) return 1440;
  if (h > 23) return null;
  return h * 60 + min;
}

/** Whether a cover meets every Decree Art. 60 minimum; returns the first shortfall otherwise. */
export function coverShortfall(cover: InsuranceCover): keyof InsuranceCover | null {
  for (const key of Object.keys(DECREE_60_MINIMUM_COVER) as (keyof InsuranceCover)[]) {
    if (cover[key] < DECREE_60_MINIMUM_COVER[key]) return key;
  }
  return null;
}

// --- validation -------------------------------------------------------------------------------

type Obj = Record<string, unknown>;

class Collector {
  readonly errors: RuleIssue[] = [];
  readonly warnings: RuleIssue[] = [];
  error(code: RuleIssueCode, path: IssuePath, params: Record<string, string | number> = {}): void {
    this.errors.push({ code, path, params });
  }
  warn(code: RuleIssueCode, path: IssuePath, params: Record<string, string | number> = {}): void {
    this.warnings.push({ code, path, params });
  }
}

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const typeName = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

const ALLOWED_PROPERTIES: Record<RuleKind, readonly string[]> = {
  geofence: ['area'],
  timeWindow: ['windows', 'validFrom', 'validTo'],
  maximum: ['measure', 'max'],
  dailyCount: ['per', 'unit', 'max'],
  requiredFields: ['fields'],
  insurance: ['policies'],
  suspension: ['periods'],
};
const REQUIRED_PROPERTIES: Record<RuleKind, readonly string[]> = {
  geofence: ['area'],
  timeWindow: [],
  maximum: ['measure', 'max'],
  dailyCount: ['per', 'unit', 'max'],
  requiredFields: ['fields'],
  insurance: ['policies'],
  suspension: ['periods'],
};

function checkProperties(c: Collector, o: Obj, path: IssuePath, required: readonly string[], allowed: readonly string[]): boolean {
  let ok = true;
  for (const key of required) {
    if (!(key in o)) {
      c.error('missing-property', path, { property: key });
      ok = false;
    }
  }
  for (const key of Object.keys(o)) {
    if (!allowed.includes(key) && !required.includes(key)) c.error('unknown-property', [...path, key], { property: key });
  }
  return ok;
}

function expectString(c: Collector, v: unknown, path: IssuePath): v is string {
  if (typeof v === 'string') return true;
  c.error('wrong-type', path, { expected: 'string', actual: typeName(v) });
  return false;
}

function expectArray(c: Collector, v: unknown, path: IssuePath): v is unknown[] {
  if (Array.isArray(v)) return true;
  c.error('wrong-type', path, { expected: 'array', actual: typeName(v) });
  return false;
}

function expectFiniteNumber(c: Collector, v: unknown, path: IssuePath): v is number {
  if (typeof v === 'number' && Number.isFinite(v)) return true;
  if (typeof v === 'number') c.error('invalid-number', path, { value: String(v) });
  else c.error('wrong-type', path, { expected: 'number', actual: typeName(v) });
  return false;
}

function validateRing(c: Collector, ring: unknown, path: IssuePath): void {
  if (!expectArray(c, ring, path)) return;
  let positionsOk = true;
  ring.forEach((p, i) => {
    if (!Array.isArray(p) || p.length !== 2 || typeof p[0] !== 'number' || typeof p[1] !== 'number' || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
      c.error('invalid-position', [...path, i]);
      positionsOk = false;
    } else if (p[0] < -180 || p[0] > 180 || p[1] < -90 || p[1] > 90) {
      c.error('position-out-of-range', [...path, i], { lon: p[0], lat: p[1] });
      positionsOk = false;
    }
  });
  if (ring.length < 4) c.error('ring-too-few-points', path, { count: ring.length, min: 4 });
  if (positionsOk && ring.length >= 2) {
    const first = ring[0] as Position;
    const last = ring[ring.length - 1] as Position;
    if (first[0] !== last[0] || first[1] !== last[1]) c.error('ring-not-closed', path, { count: ring.length });
  }
}

function validatePolygon(c: Collector, polygon: unknown, path: IssuePath): void {
  if (!expectArray(c, polygon, path)) return;
  if (polygon.length === 0) c.error('no-polygon', path);
  polygon.forEach((ring, i) => validateRing(c, ring, [...path, i]));
}

function validateArea(c: Collector, area: unknown, path: IssuePath): void {
  if (!isObject(area)) {
    c.error('not-an-object', path, { actual: typeName(area) });
    return;
  }
  if (!checkProperties(c, area, path, ['type', 'coordinates'], ['type', 'coordinates'])) return;
  const coords = area.coordinates;
  if (area.type === 'Polygon') validatePolygon(c, coords, [...path, 'coordinates']);
  else if (area.type === 'MultiPolygon') {
    if (!expectArray(c, coords, [...path, 'coordinates'])) return;
    if (coords.length === 0) c.error('no-polygon', [...path, 'coordinates']);
    coords.forEach((polygon, i) => validatePolygon(c, polygon, [...path, 'coordinates', i]));
  } else c.error('unknown-geometry-type', [...path, 'type'], { type: String(area.type) });
}

function validateWindow(c: Collector, w: unknown, path: IssuePath): void {
  if (!isObject(w)) {
    c.error('not-an-object', path, { actual: typeName(w) });
    return;
  }
  if (!checkProperties(c, w, path, ['days', 'start', 'end'], ['days', 'start', 'end'])) return;
  if (expectArray(c, w.days, [...path, 'days'])) {
    if (w.days.length === 0) c.error('no-days', [...path, 'days']);
    const seen = new Set<unknown>();
    w.days.forEach((d, i) => {
      if (typeof d !== 'number' || !Number.isInteger(d) || d < 0 || d > 6) c.error('invalid-day', [...path, 'days', i], { value: String(d) });
      else if (seen.has(d)) c.error('duplicate-day', [...path, 'days', i], { value: d });
      seen.add(d);
    });
  }
  let start: number | null = null;
  let end: number | null = null;
  if (expectString(c, w.start, [...path, 'start'])) {
    start = parseClock(w.start, false);
    if (start === null) c.error('invalid-time', [...path, 'start'], { value: w.start });
  }
  if (expectString(c, w.end, [...path, 'end'])) {
    end = parseClock(w.end, true);
    if (end === null) c.error('invalid-time', [...path, 'end'], { value: w.end });
  }
  // end < start crosses midnight; end = start is ambiguous (nothing or all day) and refused.
  if (start !== null && end !== null && start === end) c.error('empty-window', path, { start: w.start as string, end: w.end as string });
}

function validateRule(c: Collector, raw: unknown, index: number, ids: Set<string>): void {
  const path: IssuePath = [index];
  if (!isObject(raw)) {
    c.error('not-an-object', path, { actual: typeName(raw) });
    return;
  }
  const kind = raw.kind;
  if (typeof kind !== 'string' || !(RULE_KINDS as readonly string[]).includes(kind)) {
    c.error('unknown-kind', [index, 'kind'], { kind: String(kind) });
    return;
  }
  const k = kind as RuleKind;
  if (!checkProperties(c, raw, path, ['id', 'kind', ...REQUIRED_PROPERTIES[k]], ['label', ...ALLOWED_PROPERTIES[k]])) return;
  if (expectString(c, raw.id, [index, 'id'])) {
    if (raw.id.trim() === '') c.error('empty-id', [index, 'id']);
    else if (ids.has(raw.id)) c.error('duplicate-id', [index, 'id'], { id: raw.id });
    ids.add(raw.id);
  }
  if ('label' in raw) expectString(c, raw.label, [index, 'label']);
  switch (k) {
    case 'geofence':
      validateArea(c, raw.area, [index, 'area']);
      break;
    case 'timeWindow': {
      if ('windows' in raw && expectArray(c, raw.windows, [index, 'windows'])) {
        if (raw.windows.length === 0) c.error('no-windows', [index, 'windows']);
        raw.windows.forEach((w, i) => validateWindow(c, w, [index, 'windows', i]));
      }
      let from: string | null = null;
      let to: string | null = null;
      if ('validFrom' in raw && expectString(c, raw.validFrom, [index, 'validFrom'])) {
        from = tryCivilDate(raw.validFrom);
        if (from === null) c.error('invalid-date', [index, 'validFrom'], { value: raw.validFrom });
      }
      if ('validTo' in raw && expectString(c, raw.validTo, [index, 'validTo'])) {
        to = tryCivilDate(raw.validTo);
        if (to === null) c.error('invalid-date', [index, 'validTo'], { value: raw.validTo });
      }
      if (from !== null && to !== null && to < from) c.error('end-before-start', [index, 'validTo'], { start: from, end: to });
      break;
    }
    case 'maximum':
      if (typeof raw.measure !== 'string' || !(MEASURES as readonly string[]).includes(raw.measure)) {
        c.error('unknown-measure', [index, 'measure'], { measure: String(raw.measure) });
      }
      if (expectFiniteNumber(c, raw.max, [index, 'max']) && raw.max < 0) c.error('negative-maximum', [index, 'max'], { max: raw.max });
      break;
    case 'dailyCount':
      if (raw.per !== 'device' && raw.per !== 'project') c.error('invalid-option', [index, 'per'], { value: String(raw.per), allowed: 'device|project' });
      if (raw.unit !== 'events' && raw.unit !== 'sessions') c.error('invalid-option', [index, 'unit'], { value: String(raw.unit), allowed: 'events|sessions' });
      if (expectFiniteNumber(c, raw.max, [index, 'max'])) {
        if (raw.max < 0) c.error('negative-maximum', [index, 'max'], { max: raw.max });
        else if (!Number.isInteger(raw.max)) c.error('not-an-integer', [index, 'max'], { value: raw.max });
      }
      break;
    case 'requiredFields':
      if (expectArray(c, raw.fields, [index, 'fields'])) {
        if (raw.fields.length === 0) c.error('no-fields', [index, 'fields']);
        const seen = new Set<unknown>();
        raw.fields.forEach((f, i) => {
          if (typeof f !== 'string' || !(EVENT_FIELDS as readonly string[]).includes(f)) c.error('unknown-field', [index, 'fields', i], { field: String(f) });
          else if (seen.has(f)) c.error('duplicate-field', [index, 'fields', i], { field: f });
          seen.add(f);
        });
      }
      break;
    case 'insurance':
      if (expectArray(c, raw.policies, [index, 'policies'])) {
        const policyIds = new Set<string>();
        raw.policies.forEach((p, i) => validatePolicy(c, p, [index, 'policies', i], policyIds));
      }
      break;
    case 'suspension':
      if (expectArray(c, raw.periods, [index, 'periods'])) {
        const periodIds = new Set<string>();
        raw.periods.forEach((p, i) => validatePeriod(c, p, [index, 'periods', i], periodIds));
      }
      break;
  }
}

function validatePeriod(c: Collector, p: unknown, path: IssuePath, ids: Set<string>): void {
  if (!isObject(p)) {
    c.error('not-an-object', path, { actual: typeName(p) });
    return;
  }
  if (!checkProperties(c, p, path, ['id', 'from'], ['to'])) return;
  if (expectString(c, p.id, [...path, 'id'])) {
    if (p.id.trim() === '') c.error('empty-id', [...path, 'id']);
    else if (ids.has(p.id)) c.error('duplicate-policy', [...path, 'id'], { id: p.id });
    ids.add(p.id);
  }
  let from: number | null = null;
  let to: number | null = null;
  if (expectString(c, p.from, [...path, 'from'])) {
    from = parseInstant(p.from);
    if (from === null) c.error('invalid-instant', [...path, 'from'], { value: p.from });
  }
  if ('to' in p && expectString(c, p.to, [...path, 'to'])) {
    to = parseInstant(p.to);
    if (to === null) c.error('invalid-instant', [...path, 'to'], { value: p.to });
  }
  if (from !== null && to !== null && to < from) c.error('end-before-start', [...path, 'to'], { start: p.from as string, end: p.to as string });
}

function validatePolicy(c: Collector, p: unknown, path: IssuePath, ids: Set<string>): void {
  if (!isObject(p)) {
    c.error('not-an-object', path, { actual: typeName(p) });
    return;
  }
  if (!checkProperties(c, p, path, ['id', 'from', 'to'], ['cover'])) return;
  if (expectString(c, p.id, [...path, 'id'])) {
    if (p.id.trim() === '') c.error('empty-id', [...path, 'id']);
    else if (ids.has(p.id)) c.error('duplicate-policy', [...path, 'id'], { id: p.id });
    ids.add(p.id);
  }
  let from: number | null = null;
  let to: number | null = null;
  if (expectString(c, p.from, [...path, 'from'])) {
    from = parseInstant(p.from);
    if (from === null) c.error('invalid-instant', [...path, 'from'], { value: p.from });
  }
  if (expectString(c, p.to, [...path, 'to'])) {
    to = parseInstant(p.to);
    if (to === null) c.error('invalid-instant', [...path, 'to'], { value: p.to });
  }
  if (from !== null && to !== null && to <= from) c.error('end-before-start', [...path, 'to'], { start: p.from as string, end: p.to as string });
  if ('cover' in p) {
    const cover = p.cover;
    if (!isObject(cover)) {
      c.error('not-an-object', [...path, 'cover'], { actual: typeName(cover) });
      return;
    }
    const keys = Object.keys(DECREE_60_MINIMUM_COVER);
    if (!checkProperties(c, cover, [...path, 'cover'], keys, keys)) return;
    let numbersOk = true;
    for (const key of keys) numbersOk = expectFiniteNumber(c, cover[key], [...path, 'cover', key]) && numbersOk;
    if (!numbersOk) return;
    for (const key of keys as (keyof InsuranceCover)[]) {
      const value = cover[key] as number;
      if (value < DECREE_60_MINIMUM_COVER[key]) {
        c.warn('cover-below-minimum', [...path, 'cover', key], { policy: String(p.id), item: key, cover: value, minimum: DECREE_60_MINIMUM_COVER[key] });
      }
    }
  }
}

/**
 * Validates untrusted JSON as a rule set. Errors make the set unusable; warnings (a policy below
 * the Decree Art. 60 minimum cover, which then does not count as insurance) do not.
 */
export function validateRules(input: unknown): RulesValidation {
  const c = new Collector();
  if (!Array.isArray(input)) {
    c.error('not-an-array', [], { actual: typeName(input) });
    return { ok: false, errors: c.errors, warnings: c.warnings };
  }
  const ids = new Set<string>();
  input.forEach((raw, i) => validateRule(c, raw, i, ids));
  if (c.errors.length > 0) return { ok: false, errors: c.errors, warnings: c.warnings };
  return { ok: true, rules: input as Rule[], warnings: c.warnings };
}
