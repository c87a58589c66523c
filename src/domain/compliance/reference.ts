/**
 * A deliberately simple evaluator of compliance rules, used only by tests to check the engine.
 * Plain loops over row objects; no precomputation. Local time comes from `Intl` (the IANA
 * Asia/Seoul zone) rather than from arithmetic, and policy instants from `Date.parse`, so the
 * engine's calendar arithmetic is checked against independent code.
 */
import type { ComplianceReport, DayCounts, DayReport, RuleReport, ViolationExample } from './engine.ts';
import type { EventRow } from './events.ts';
import { coverShortfall, type EventField, type PolygonCoordinates, type Position, type Rule, type TimeWindow } from './rules.ts';

const TS_MIN = Date.parse('2000-01-01T00:00:00+09:00');
const TS_MAX = Date.parse('2300-01-01T00:00:00+09:00');

function has(row: EventRow, field: EventField): boolean {
  const v = row[field];
  if (typeof v !== 'number') return false;
  if (field === 'ts') return v >= TS_MIN && v < TS_MAX;
  if (field === 'deviceId' || field === 'sessionId') return Number.isInteger(v) && v >= 0 && v <= 2147483647;
  return Number.isFinite(v);
}

const seoul = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Seoul',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

interface LocalTime {
  date: string;
  weekday: number;
  minute: number;
}

function localTime(ts: number): LocalTime {
  const parts: Record<string, string> = {};
  for (const p of seoul.formatToParts(new Date(ts))) parts[p.type] = p.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS.indexOf(parts.weekday!),
    minute: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

const clock = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function inWindow(w: TimeWindow, t: LocalTime): boolean {
  const start = clock(w.start);
  const end = clock(w.end);
  const days = w.days as readonly number[];
  if (start < end) return days.includes(t.weekday) && t.minute >= start && t.minute < end;
  // past midnight: the evening part on a listed day, the morning part on the day after one
  const yesterday = (t.weekday + 6) % 7;
  return (days.includes(t.weekday) && t.minute >= start) || (days.includes(yesterday) && t.minute < end);
}

function onSegment(p: Position, a: Position, b: Position): boolean {
  const cross = (b[0] - a[0]) * (p[1] - a[1]) - (p[0] - a[0]) * (b[1] - a[1]);
  return (
    cross === 0 &&
    Math.min(a[0], b[0]) <= p[0] &&
    p[0] <= Math.max(a[0], b[0]) &&
    Math.min(a[1], b[1]) <= p[1] &&
    p[1] <= Math.max(a[1], b[1])
  );
}

/** Number of ring edges crossing the ray from p towards east (half-open in latitude). */
function crossings(p: Position, ring: readonly Position[]): number {
  let count = 0;
  for (let i = 0; i + 1 < ring.length; i += 1) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    if (a[1] > p[1] === b[1] > p[1]) continue;
    const cross = (b[0] - a[0]) * (p[1] - a[1]) - (p[0] - a[0]) * (b[1] - a[1]);
    const eastOfPoint = b[1] > a[1] ? cross > 0 : cross < 0;
    if (eastOfPoint) count += 1;
  }
  return count;
}

function inPolygon(p: Position, polygon: PolygonCoordinates): boolean {
  for (const ring of polygon) {
    for (let i = 0; i + 1 < ring.length; i += 1) if (onSegment(p, ring[i]!, ring[i + 1]!)) return true;
  }
  const [outer, ...holes] = polygon;
  if (outer === undefined || crossings(p, outer) % 2 === 0) return false;
  return holes.every((h) => crossings(p, h) % 2 === 0);
}

type Verdict = { kind: 'ok' } | { kind: 'unchecked' } | { kind: 'violation'; value: number | null; missing?: EventField[] };

export function referenceEvaluate(rules: readonly Rule[], rows: readonly EventRow[], examplesPerRule = 10): ComplianceReport {
  const ruleReports = rules.map((r) => ({ id: r.id, kind: r.kind, violations: 0, unchecked: 0, examples: [] as ViolationExample[] }));
  const byDay = new Map<string, { events: number; violatingEvents: number; violations: number[] }>();
  const undated = { events: 0, violatingEvents: 0, violations: rules.map(() => 0) };
  const dailyCounts = rules.map(() => new Map<string, number>());
  const dailySessions = rules.map(() => new Map<string, string[]>());
  let compliant = 0;

  rows.forEach((row, index) => {
    const local = has(row, 'ts') ? localTime(Math.floor(row.ts!)) : null;
    let violated = false;
    const dayEntry = local === null ? undated : byDay.get(local.date) ?? { events: 0, violatingEvents: 0, violations: rules.map(() => 0) };
    if (local !== null) byDay.set(local.date, dayEntry);
    dayEntry.events += 1;

    rules.forEach((rule, r) => {
      const verdict = judge(rule, r, row, local);
      const report = ruleReports[r]!;
      if (verdict.kind === 'unchecked') report.unchecked += 1;
      if (verdict.kind !== 'violation') return;
      violated = true;
      report.violations += 1;
      dayEntry.violations[r]! += 1;
      if (report.examples.length < examplesPerRule) {
        const ex: ViolationExample = {
          index,
          ts: typeof row.ts === 'number' && Number.isFinite(row.ts) ? row.ts : null,
          deviceId: has(row, 'deviceId') ? row.deviceId! : null,
          lon: has(row, 'lon') ? row.lon! : null,
          lat: has(row, 'lat') ? row.lat! : null,
          value: verdict.value,
        };
        report.examples.push(verdict.missing === undefined ? ex : { ...ex, missing: verdict.missing });
      }
    });
    if (violated) dayEntry.violatingEvents += 1;
    else compliant += 1;
  });

  function judge(rule: Rule, r: number, row: EventRow, local: LocalTime | null): Verdict {
    switch (rule.kind) {
      case 'geofence': {
        if (!has(row, 'lon') || !has(row, 'lat')) return { kind: 'unchecked' };
        const p: Position = [row.lon!, row.lat!];
        const polygons = rule.area.type === 'Polygon' ? [rule.area.coordinates] : rule.area.coordinates;
        return polygons.some((poly) => inPolygon(p, poly)) ? { kind: 'ok' } : { kind: 'violation', value: null };
      }
      case 'timeWindow': {
        if (local === null) return { kind: 'unchecked' };
        const inDates = (rule.validFrom === undefined || local.date >= rule.validFrom) && (rule.validTo === undefined || local.date <= rule.validTo);
        const inWindows = rule.windows === undefined || rule.windows.some((w) => inWindow(w, local));
        return inDates && inWindows ? { kind: 'ok' } : { kind: 'violation', value: null };
      }
      case 'maximum': {
        if (!has(row, rule.measure)) return { kind: 'unchecked' };
        const v = row[rule.measure]!;
        return v > rule.max ? { kind: 'violation', value: v } : { kind: 'ok' };
      }
      case 'dailyCount': {
        if (local === null) return { kind: 'unchecked' };
        if (rule.per === 'device' && !has(row, 'deviceId')) return { kind: 'unchecked' };
        if (rule.unit === 'sessions' && !has(row, 'sessionId')) return { kind: 'unchecked' };
        const key = `${rule.per === 'device' ? row.deviceId : 'project'}|${local.date}`;
        let rank: number;
        if (rule.unit === 'events') {
          rank = (dailyCounts[r]!.get(key) ?? 0) + 1;
          dailyCounts[r]!.set(key, rank);
        } else {
          const seen = dailySessions[r]!.get(key) ?? [];
          const session = String(row.sessionId);
          if (!seen.includes(session)) seen.push(session);
          dailySessions[r]!.set(key, seen);
          rank = seen.indexOf(session) + 1;
        }
        return rank > rule.max ? { kind: 'violation', value: rank } : { kind: 'ok' };
      }
      case 'requiredFields': {
        const missing = rule.fields.filter((f) => !has(row, f));
        return missing.length > 0 ? { kind: 'violation', value: null, missing } : { kind: 'ok' };
      }
      case 'insurance': {
        if (local === null) return { kind: 'unchecked' };
        const ts = row.ts!;
        const insured = rule.policies.some(
          (p) => (p.cover === undefined || coverShortfall(p.cover) === null) && Date.parse(p.from) <= ts && ts < Date.parse(p.to),
        );
        return insured ? { kind: 'ok' } : { kind: 'violation', value: null };
      }
      case 'suspension': {
        if (local === null) return { kind: 'unchecked' };
        const ts = row.ts!;
        const suspended = rule.periods.some((p) => Date.parse(p.from) <= ts && (p.to === undefined || ts < Date.parse(p.to)));
        return suspended ? { kind: 'violation', value: null } : { kind: 'ok' };
      }
    }
  }

  const days: DayReport[] = [...byDay.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, c]) => ({ day, ...c }));
  const rulesOut: RuleReport[] = ruleReports;
  const undatedOut: DayCounts = undated;
  return {
    totalEvents: rows.length,
    compliantEvents: compliant,
    violatingEvents: rows.length - compliant,
    rules: rulesOut,
    days,
    undated: undatedOut,
  };
}
