// Compliance engine throughput on seeded drone-flight telemetry around Donghae-si (동해시), against
// json-rules-engine evaluating the same rules (custom operators for geofence, time windows,
// insurance, missing fields; a dynamic fact for daily counts) on a sample, in the same run.
// `node --import tsx bench/compliance.ts [--smoke]`. The smoke run is small and writes no results.
// Boundary data: © Statistics Korea (KOSTAT), SGIS, KOGL type 1 (data/geo/LICENSE.md).
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Engine, type RuleProperties } from 'json-rules-engine';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { metric, writeResult, type Metric } from './lib/result.ts';
import { compileRules, insuredIntervals, minuteOfWeekTable, suspendedIntervals, type ComplianceReport } from '../src/domain/compliance/engine.ts';
import { compileArea } from '../src/domain/compliance/geofence.ts';
import { sliceBatch, type EventBatch, type EventRow } from '../src/domain/compliance/events.ts';
import { validateRules, type AreaGeometry, type EventField, type Rule, type TimeWindowRule } from '../src/domain/compliance/rules.ts';

const KST = (local: string): number => Date.parse(`${local}+09:00`);

/** Deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Donghae-si: a multipolygon whose main part has ~180 vertices and a hole. */
export function donghae(): AreaGeometry {
  const topo = JSON.parse(readFileSync(new URL('../data/geo/skorea-municipalities-2018-topo-simple.json', import.meta.url), 'utf8')) as Topology;
  const object = topo.objects.skorea_municipalities_2018_geo as GeometryCollection<{ code: string }>;
  const collection = feature(topo, object);
  const f = collection.features.find((x) => x.properties.code === '32040');
  if (f === undefined) throw new Error('Donghae-si (32040) not found');
  const g = f.geometry as { type: string; coordinates: unknown };
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates as [number, number][][] }
    : { type: 'MultiPolygon', coordinates: g.coordinates as [number, number][][][] };
}

/** A realistic rule set for a drone-delivery demonstration exemption. */
export function benchRules(area: AreaGeometry): Rule[] {
  return [
    { id: 'area', kind: 'geofence', label: 'inside Donghae-si', area },
    {
      id: 'hours',
      kind: 'timeWindow',
      label: 'weekdays 09–18, Saturdays 10–16, during the exemption',
      windows: [
        { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' },
        { days: [6], start: '10:00', end: '16:00' },
      ],
      validFrom: '2026-03-01',
      validTo: '2027-02-28',
    },
    { id: 'speed', kind: 'maximum', measure: 'speed', max: 60 },
    { id: 'altitude', kind: 'maximum', measure: 'altitude', max: 150 },
    { id: 'load', kind: 'maximum', measure: 'load', max: 5 },
    { id: 'people', kind: 'maximum', measure: 'people', max: 2 },
    { id: 'flights', kind: 'dailyCount', label: 'at most 8 flights per drone per day', per: 'device', unit: 'sessions', max: 8 },
    { id: 'fields', kind: 'requiredFields', fields: ['ts', 'deviceId', 'lon', 'lat', 'altitude'] },
    {
      id: 'insurance',
      kind: 'insurance',
      policies: [
        { id: 'P-2026-1', from: '2026-03-01T00:00:00+09:00', to: '2026-04-01T00:00:00+09:00' },
        {
          id: 'P-2026-2',
          from: '2026-04-03T00:00:00+09:00',
          to: '2027-03-31T00:00:00+09:00',
          cover: { deathPerPerson: 150_000_000, injuryPerPerson: 30_000_000, disabilityPerPerson: 150_000_000, propertyPerAccident: 1_000_000_000 },
        },
      ],
    },
  ];
}

/**
 * Seeded flights: per day and drone 0–10 flights (fewer at weekends), 4 s telemetry, contiguous
 * per flight, each within about 0.5–2 km of one of 40 sites inside the area (some stray outside).
 */
export function generateEvents(n: number, area: AreaGeometry, seed = 20260302): EventBatch {
  const rnd = prng(seed);
  const compiled = compileArea(area);
  const [minX, minY, maxX, maxY] = compiled.bbox;
  // launch sites well inside the area: the site and 8 points 1.5 km around it are inside
  const sites: [number, number][] = [];
  while (sites.length < 40) {
    const x = minX + rnd() * (maxX - minX);
    const y = minY + rnd() * (maxY - minY);
    let inside = compiled.contains(x, y);
    for (let a = 0; a < 8 && inside; a += 1) inside = compiled.contains(x + (1500 * Math.cos((a * Math.PI) / 4)) / 89_000, y + (1500 * Math.sin((a * Math.PI) / 4)) / 111_000);
    if (inside) sites.push([x, y]);
  }
  const batch = {
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
  const devices = 60;
  let i = 0;
  let session = 0;
  for (let day = 0; i < n; day += 1) {
    const midnight = KST('2026-03-02T00:00:00') + day * 86_400_000; // a Monday
    const weekday = (day + 1) % 7;
    const flights: { device: number; start: number }[] = [];
    for (let device = 0; device < devices; device += 1) {
      const k = weekday === 0 ? Math.floor(rnd() * 2) : weekday === 6 ? Math.floor(rnd() * 5) : Math.floor(rnd() * 11);
      for (let f = 0; f < k; f += 1) {
        const inHours = rnd() < 0.96;
        const hour = inHours ? (weekday === 6 ? 10 + rnd() * 5.5 : 9 + rnd() * 8.5) : 5 + rnd() * 17;
        flights.push({ device, start: midnight + Math.floor(hour * 3_600_000) });
      }
    }
    flights.sort((a, b) => a.start - b.start);
    for (const flight of flights) {
      if (i >= n) break;
      const [sx, sy] = sites[Math.floor(rnd() * sites.length)]!;
      let x = sx;
      let y = sy;
      let heading = rnd() * 2 * Math.PI;
      const cruise = 20 + rnd() * 35;
      const radius = 500 + rnd() * 1500; // metres around the site
      const load = rnd() < 0.01 ? 5.5 : Math.round(rnd() * 50) / 10;
      const people = rnd() < 0.02 ? 3 : Math.floor(rnd() * 3);
      const points = 150 + Math.floor(rnd() * 200);
      session += 1;
      for (let p = 0; p < points && i < n; p += 1, i += 1) {
        const speed = cruise * (0.8 + rnd() * 0.4) + (rnd() < 0.005 ? 20 : 0);
        heading += (rnd() - 0.5) * 0.3;
        const dx = (sx - x) * 89_000;
        const dy = (sy - y) * 111_000;
        if (dx * dx + dy * dy > radius * radius) heading = Math.atan2(dy, dx) + (rnd() - 0.5) * 0.5; // turn back towards the site
        const step = (speed / 3.6) * 4; // metres in 4 s
        x += (step * Math.cos(heading)) / 89_000;
        y += (step * Math.sin(heading)) / 111_000;
        batch.ts[i] = flight.start + p * 4000;
        batch.deviceId[i] = flight.device;
        batch.sessionId[i] = session;
        const dropout = rnd() < 0.001;
        batch.lon[i] = dropout ? NaN : x;
        batch.lat[i] = dropout ? NaN : y;
        batch.speed[i] = rnd() < 0.002 ? NaN : Math.round(speed * 10) / 10;
        batch.altitude[i] = rnd() < 0.003 ? NaN : 60 + rnd() * 80 + (rnd() < 0.004 ? 40 : 0);
        batch.load[i] = load;
        batch.people[i] = people;
      }
    }
  }
  return batch;
}

// --- json-rules-engine: the same rules --------------------------------------------------------

const present = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const validTs = (v: unknown): v is number => present(v) && v >= KST('2000-01-01T00:00:00') && v < KST('2300-01-01T00:00:00');

function jsonRulesEngine(rules: readonly Rule[]): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  const areas = new Map<string, ReturnType<typeof compileArea>>();
  const windows = new Map<string, { table: Uint8Array; from: number; to: number }>();
  const insured = new Map<string, ReturnType<typeof insuredIntervals>>();
  const counters = new Map<string, Map<string, string[]>>();
  for (const rule of rules) {
    if (rule.kind === 'geofence') areas.set(rule.id, compileArea(rule.area));
    if (rule.kind === 'timeWindow') {
      const r: TimeWindowRule = rule;
      windows.set(r.id, {
        table: minuteOfWeekTable(r),
        from: r.validFrom === undefined ? -Infinity : KST(`${r.validFrom}T00:00:00`),
        to: r.validTo === undefined ? Infinity : KST(`${r.validTo}T00:00:00`) + 86_400_000,
      });
    }
    if (rule.kind === 'insurance') insured.set(rule.id, insuredIntervals(rule));
    if (rule.kind === 'suspension') insured.set(rule.id, suspendedIntervals(rule));
    if (rule.kind === 'dailyCount') counters.set(rule.id, new Map());
  }
  engine.addOperator<[number, number], string>('outsideArea', (pos, id) => present(pos[0]) && present(pos[1]) && !areas.get(id)!.contains(pos[0], pos[1]));
  engine.addOperator<number, string>('outsideTimeWindow', (ts, id) => {
    if (!validTs(ts)) return false;
    const w = windows.get(id)!;
    const minute = (Math.floor((Math.floor(ts) + 9 * 3_600_000) / 60_000) + 4 * 1440) % (7 * 1440);
    return ts < w.from || ts >= w.to || w.table[minute] === 0;
  });
  engine.addOperator<number, string>('uninsured', (ts, id) => {
    if (!validTs(ts)) return false;
    const { starts, ends } = insured.get(id)!;
    for (let k = 0; k < starts.length; k += 1) if (ts >= starts[k]! && ts < ends[k]!) return false;
    return true;
  });
  engine.addOperator<number, string>('suspended', (ts, id) => {
    if (!validTs(ts)) return false;
    const { starts, ends } = insured.get(id)!;
    for (let k = 0; k < starts.length; k += 1) if (ts >= starts[k]! && ts < ends[k]!) return true;
    return false;
  });
  engine.addOperator<unknown, EventField>('missing', (v, field) =>
    field === 'ts' ? !validTs(v) : field === 'deviceId' || field === 'sessionId' ? !(typeof v === 'number' && v >= 0) : !present(v),
  );
  engine.addFact('dailyRank', async (params: Record<string, unknown>, almanac) => {
    const rule = rules.find((r) => r.id === params.rule);
    if (rule?.kind !== 'dailyCount') return NaN;
    const [ts, device, session] = await Promise.all([almanac.factValue<number>('ts'), almanac.factValue<number>('deviceId'), almanac.factValue<number>('sessionId')]);
    if (!validTs(ts) || (rule.per === 'device' && !(device >= 0)) || (rule.unit === 'sessions' && !(session >= 0))) return NaN;
    const day = Math.floor((Math.floor(ts) + 9 * 3_600_000) / 86_400_000);
    const key = `${rule.per === 'device' ? device : 'project'}|${day}`;
    const counter = counters.get(rule.id)!;
    const seen = counter.get(key) ?? [];
    counter.set(key, seen);
    if (rule.unit === 'events') {
      seen.push('');
      return seen.length;
    }
    let rank = seen.indexOf(String(session)) + 1;
    if (rank === 0) rank = seen.push(String(session));
    return rank;
  });
  for (const rule of rules) {
    const event = { type: rule.id };
    let conditions: RuleProperties['conditions'];
    switch (rule.kind) {
      case 'geofence':
        conditions = { all: [{ fact: 'position', operator: 'outsideArea', value: rule.id }] };
        break;
      case 'timeWindow':
        conditions = { all: [{ fact: 'ts', operator: 'outsideTimeWindow', value: rule.id }] };
        break;
      case 'maximum':
        conditions = { all: [{ fact: rule.measure, operator: 'greaterThan', value: rule.max }] };
        break;
      case 'dailyCount':
        conditions = { all: [{ fact: 'dailyRank', params: { rule: rule.id }, operator: 'greaterThan', value: rule.max }] };
        break;
      case 'requiredFields':
        conditions = { any: rule.fields.map((f) => ({ fact: f, operator: 'missing', value: f })) };
        break;
      case 'insurance':
        conditions = { all: [{ fact: 'ts', operator: 'uninsured', value: rule.id }] };
        break;
      case 'suspension':
        conditions = { all: [{ fact: 'ts', operator: 'suspended', value: rule.id }] };
        break;
    }
    engine.addRule({ name: rule.id, conditions, event });
  }
  return engine;
}

function rowAt(b: EventBatch, i: number): EventRow & { position: [number, number] } {
  return {
    ts: b.ts[i]!,
    deviceId: b.deviceId![i]!,
    sessionId: b.sessionId![i]!,
    lon: b.lon![i]!,
    lat: b.lat![i]!,
    speed: b.speed![i]!,
    altitude: b.altitude![i]!,
    load: b.load![i]!,
    people: b.people![i]!,
    position: [b.lon![i]!, b.lat![i]!],
  };
}

/** `count` events evenly spread over the batch, copied into a new batch. */
function strided(b: EventBatch, count: number): EventBatch {
  const n = b.ts.length;
  const idx = Array.from({ length: Math.min(count, n) }, (_, k) => Math.floor((k * n) / Math.min(count, n)));
  const f64 = (col: Float64Array | undefined): Float64Array => Float64Array.from(idx, (i) => col![i]!);
  const i32 = (col: Int32Array | undefined): Int32Array => Int32Array.from(idx, (i) => col![i]!);
  return {
    ts: f64(b.ts),
    deviceId: i32(b.deviceId),
    sessionId: i32(b.sessionId),
    lon: f64(b.lon),
    lat: f64(b.lat),
    speed: f64(b.speed),
    altitude: f64(b.altitude),
    load: f64(b.load),
    people: f64(b.people),
  };
}

interface BaselineResult {
  seconds: number;
  violations: Record<string, number>;
  compliant: number;
}

async function runBaseline(rules: readonly Rule[], sample: EventBatch): Promise<BaselineResult> {
  const engine = jsonRulesEngine(rules);
  const violations: Record<string, number> = Object.fromEntries(rules.map((r) => [r.id, 0]));
  let compliant = 0;
  const n = sample.ts.length;
  const started = performance.now();
  for (let i = 0; i < n; i += 1) {
    const { events } = await engine.run(rowAt(sample, i));
    for (const e of events) violations[e.type]! += 1;
    if (events.length === 0) compliant += 1;
  }
  return { seconds: (performance.now() - started) / 1000, violations, compliant };
}

// --- the benchmark ----------------------------------------------------------------------------

export interface ComplianceBenchResult {
  metrics: Metric[];
  extra: Record<string, unknown>;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function runComplianceBench(options: { smoke: boolean }): Promise<ComplianceBenchResult> {
  const total = options.smoke ? 200_000 : 5_000_000;
  const sampleSize = options.smoke ? 3_000 : 30_000;
  const repeats = options.smoke ? 2 : 5;
  const area = donghae();
  const rules = benchRules(area);
  const validation = validateRules(rules);
  if (!validation.ok) throw new Error(`bench rules invalid: ${JSON.stringify(validation.errors)}`);
  const events = generateEvents(total, area);
  const checker = compileRules(rules);
  const chunk = 65_536;
  const evaluateAll = (upTo: number): ComplianceReport => {
    const run = checker.start();
    for (let s = 0; s < upTo; s += chunk) run.push(sliceBatch(events, s, Math.min(upTo, s + chunk)));
    return run.finish();
  };

  evaluateAll(Math.min(total, 500_000)); // warm-up
  const rates: number[] = [];
  let report: ComplianceReport | undefined;
  for (let k = 0; k < repeats; k += 1) {
    const started = performance.now();
    report = evaluateAll(total);
    rates.push(total / ((performance.now() - started) / 1000));
  }
  const zonelinkRate = median(rates);

  // Baseline sample: every (total / sampleSize)-th event, so it spans all days (the insurance gap,
  // weekends) and sees many flights per drone and day.
  const sample = strided(events, sampleSize);
  const baseline = await runBaseline(rules, sample);
  const baselineRate = sampleSize / baseline.seconds;
  const ours = checker.evaluate(sample);
  const ourViolations = Object.fromEntries(ours.rules.map((r) => [r.id, r.violations]));
  const identical = JSON.stringify(ourViolations) === JSON.stringify(baseline.violations) && ours.compliantEvents === baseline.compliant;
  if (!identical) {
    throw new Error(`json-rules-engine and ZoneLink disagree on the sample: ${JSON.stringify({ ours: ourViolations, theirs: baseline.violations, compliant: [ours.compliantEvents, baseline.compliant] })}`);
  }

  const rounded = Math.round(zonelinkRate);
  const baselineRounded = Math.round(baselineRate);
  const speedup = Number((zonelinkRate / baselineRate).toFixed(1));
  const metrics = [
    metric({ metric: 'events_per_second', value: rounded, baseline: 'json-rules-engine', baseline_value: baselineRounded, target: '>= 2000000', met: rounded >= 2_000_000 }),
    metric({ metric: 'speedup_vs_json_rules_engine', value: speedup, baseline: 'json-rules-engine', baseline_value: 1, target: '>= 100', met: speedup >= 100 }),
  ];
  const extra = {
    dataset: {
      events: total,
      area: 'Donghae-si (32040), KOSTAT 2018 boundaries, MultiPolygon with a hole',
      areaEdges: compileArea(area).edgeCount,
      rules: rules.map((r) => r.id),
      batch: chunk,
      violatingEvents: report?.violatingEvents,
      violationsPerRule: Object.fromEntries(report?.rules.map((r) => [r.id, r.violations]) ?? []),
    },
    zonelink: { runs_events_per_second: rates.map(Math.round), single_thread: true },
    baseline: { sample: sampleSize, seconds: Number(baseline.seconds.toFixed(2)), identical_violation_counts: identical, violationsPerRule: baseline.violations },
  };
  return { metrics, extra };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const smoke = process.argv.includes('--smoke');
  const { metrics, extra } = await runComplianceBench({ smoke });
  if (smoke) {
    console.table(metrics.map((m) => ({ metric: m.metric, value: m.value, baseline: `${m.baseline} ${m.baseline_value}`, ratio: m.ratio, target: m.target, met: m.met })));
    console.log(JSON.stringify(extra, null, 1));
    console.log('smoke run: results not written');
  } else writeResult('compliance', metrics, extra);
}
