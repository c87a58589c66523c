/**
 * The compliance engine: compiles a rule set once, then checks columnar batches of demonstration
 * events against it and aggregates a report (per rule, per Seoul day, first examples).
 *
 * Every rule runs as its own tight loop over the batch columns and marks violations in a bit mask
 * per event (one bit per rule); one final pass turns the masks into per-day counts. Precomputed:
 * banded polygon edges (geofence.ts), a minute-of-week table for time windows, merged policy
 * intervals, plain number comparisons for maxima.
 *
 * A rule whose input is missing from an event (no position for a geofence, no timestamp for a time
 * window…) does not judge that event: it counts it as `unchecked`. Only `requiredFields` turns a
 * missing value into a violation. An event is compliant when it violates no rule.
 */
import { fromDayNumber, toDayNumber, type CivilDate } from '../calendar/civil-date.ts';
import { compileArea, type CompiledArea } from './geofence.ts';
import {
  DAY_MS,
  FLOAT_FIELDS,
  MINUTE_MS,
  SEOUL_OFFSET_MS,
  TS_MAX,
  TS_MIN,
  checkBatch,
  rowsToBatch,
  type EventBatch,
  type EventRow,
  type FloatField,
} from './events.ts';
import {
  InvalidRulesError,
  coverShortfall,
  parseClock,
  parseInstant,
  validateRules,
  type DailyCountRule,
  type EventField,
  type InsuranceRule,
  type MaximumRule,
  type RequiredFieldsRule,
  type Rule,
  type RuleKind,
  type SuspensionRule,
  type TimeWindowRule,
} from './rules.ts';

export interface ViolationExample {
  /** Position of the event in everything pushed to the run (0-based). */
  readonly index: number;
  readonly ts: number | null;
  readonly deviceId: number | null;
  readonly lon: number | null;
  readonly lat: number | null;
  /** The offending value: the measure for `maximum`, the event's or session's rank that day for `dailyCount`, else null. */
  readonly value: number | null;
  /** For `requiredFields`: the missing fields, in the rule's order. */
  readonly missing?: readonly EventField[];
}

export interface RuleReport {
  readonly id: string;
  readonly kind: RuleKind;
  readonly violations: number;
  /** Events the rule could not judge because its input was missing. */
  readonly unchecked: number;
  /** The first violations, in event order. */
  readonly examples: readonly ViolationExample[];
}

export interface DayCounts {
  readonly events: number;
  readonly violatingEvents: number;
  /** Violations per rule, in rule order. */
  readonly violations: readonly number[];
}

export interface DayReport extends DayCounts {
  /** Local (Asia/Seoul) calendar day, `YYYY-MM-DD`. */
  readonly day: string;
}

export interface ComplianceReport {
  readonly totalEvents: number;
  readonly compliantEvents: number;
  readonly violatingEvents: number;
  readonly rules: readonly RuleReport[];
  /** Days with events, ascending. */
  readonly days: readonly DayReport[];
  /** Events without a (valid) timestamp. */
  readonly undated: DayCounts;
}

export interface RunOptions {
  /** Examples kept per rule (default 10). */
  readonly examplesPerRule?: number;
}

export interface ComplianceRun {
  /** Checks a batch; counts (daily limits) carry over from earlier batches. */
  push(batch: EventBatch): void;
  pushRows(rows: readonly EventRow[]): void;
  finish(): ComplianceReport;
}

export interface ComplianceChecker {
  readonly rules: readonly Rule[];
  start(options?: RunOptions): ComplianceRun;
  evaluate(batch: EventBatch, options?: RunOptions): ComplianceReport;
  evaluateRows(rows: readonly EventRow[], options?: RunOptions): ComplianceReport;
}

/** Day column value for events without a valid timestamp. */
const NO_DAY = -1;

/** Per-batch inputs shared by the rule loops. */
interface BatchContext {
  readonly n: number;
  readonly offset: number;
  readonly ts: Float64Array;
  readonly day: Int32Array;
  readonly deviceId: Int32Array;
  readonly sessionId: Int32Array;
  readonly float: Readonly<Record<FloatField, Float64Array>>;
  readonly mask: Int32Array;
  readonly words: number;
  readonly scratch: Uint8Array;
}

const present = (v: number): number | null => (v - v === 0 ? v : null);

function example(ctx: BatchContext, i: number, value: number | null, missing?: readonly EventField[]): ViolationExample {
  const t = ctx.ts[i]!;
  const d = ctx.deviceId[i]!;
  const ex: ViolationExample = {
    index: ctx.offset + i,
    ts: present(t),
    deviceId: d >= 0 ? d : null,
    lon: present(ctx.float.lon[i]!),
    lat: present(ctx.float.lat[i]!),
    value,
  };
  return missing === undefined ? ex : { ...ex, missing };
}

/** The mutable part of one rule during a run. */
abstract class RuleRunner {
  violations = 0;
  unchecked = 0;
  readonly examples: ViolationExample[] = [];
  protected readonly word: number;
  protected readonly bit: number;

  constructor(
    readonly rule: Rule,
    index: number,
    protected readonly limit: number,
  ) {
    this.word = index >>> 5;
    this.bit = 1 << (index & 31);
  }

  abstract run(ctx: BatchContext): void;

  report(): RuleReport {
    return { id: this.rule.id, kind: this.rule.kind, violations: this.violations, unchecked: this.unchecked, examples: this.examples };
  }
}

/** Compiled, immutable form of a rule; `begin` makes a runner with fresh counters. */
interface CompiledRule {
  begin(index: number, limit: number): RuleRunner;
}

// --- geofence ---------------------------------------------------------------------------------

class GeofenceRunner extends RuleRunner {
  constructor(rule: Rule, index: number, limit: number, private readonly area: CompiledArea) {
    super(rule, index, limit);
  }
  run(ctx: BatchContext): void {
    const { n, mask, words } = ctx;
    const lon = ctx.float.lon;
    const lat = ctx.float.lat;
    const area = this.area;
    const w = this.word;
    const bit = this.bit;
    let violations = 0;
    let unchecked = 0;
    for (let i = 0; i < n; i += 1) {
      const x = lon[i]!;
      const y = lat[i]!;
      if (!(x - x === 0 && y - y === 0)) {
        unchecked += 1;
        continue;
      }
      if (!area.contains(x, y)) {
        mask[i * words + w]! |= bit;
        violations += 1;
        if (this.examples.length < this.limit) this.examples.push(example(ctx, i, null));
      }
    }
    this.violations += violations;
    this.unchecked += unchecked;
  }
}

// --- time windows -----------------------------------------------------------------------------

const MINUTES_PER_WEEK = 7 * 1440;
/** 1970-01-01 was a Thursday: minute-of-week (0 = Sunday 00:00) of epoch minute 0. */
const EPOCH_MINUTE_OF_WEEK = 4 * 1440;

/** Allowed minutes of the week (local time) for a rule's windows; all minutes when none given. */
export function minuteOfWeekTable(rule: TimeWindowRule): Uint8Array {
  const table = new Uint8Array(MINUTES_PER_WEEK);
  if (rule.windows === undefined) return table.fill(1);
  for (const w of rule.windows) {
    const start = parseClock(w.start, false)!;
    let end = parseClock(w.end, true)!;
    if (end <= start) end += 1440; // runs past midnight
    for (const d of w.days) {
      for (let m = start; m < end; m += 1) table[(d * 1440 + m) % MINUTES_PER_WEEK] = 1;
    }
  }
  return table;
}

class TimeWindowRunner extends RuleRunner {
  constructor(rule: Rule, index: number, limit: number, private readonly table: Uint8Array, private readonly fromDay: number, private readonly toDay: number) {
    super(rule, index, limit);
  }
  run(ctx: BatchContext): void {
    const { n, mask, words, ts, day } = ctx;
    const table = this.table;
    const fromDay = this.fromDay;
    const toDay = this.toDay;
    const w = this.word;
    const bit = this.bit;
    let violations = 0;
    let unchecked = 0;
    for (let i = 0; i < n; i += 1) {
      const d = day[i]!;
      if (d === NO_DAY) {
        unchecked += 1;
        continue;
      }
      const minute = (Math.floor((Math.floor(ts[i]!) + SEOUL_OFFSET_MS) / MINUTE_MS) + EPOCH_MINUTE_OF_WEEK) % MINUTES_PER_WEEK;
      if (d < fromDay || d > toDay || table[minute] === 0) {
        mask[i * words + w]! |= bit;
        violations += 1;
        if (this.examples.length < this.limit) this.examples.push(example(ctx, i, null));
      }
    }
    this.violations += violations;
    this.unchecked += unchecked;
  }
}

// --- maxima -----------------------------------------------------------------------------------

class MaximumRunner extends RuleRunner {
  constructor(rule: MaximumRule, index: number, limit: number) {
    super(rule, index, limit);
  }
  run(ctx: BatchContext): void {
    const rule = this.rule as MaximumRule;
    const { n, mask, words } = ctx;
    const col = ctx.float[rule.measure];
    const max = rule.max;
    const w = this.word;
    const bit = this.bit;
    let violations = 0;
    let unchecked = 0;
    for (let i = 0; i < n; i += 1) {
      const v = col[i]!;
      if (v - v !== 0) {
        unchecked += 1;
        continue;
      }
      if (v > max) {
        mask[i * words + w]! |= bit;
        violations += 1;
        if (this.examples.length < this.limit) this.examples.push(example(ctx, i, v));
      }
    }
    this.violations += violations;
    this.unchecked += unchecked;
  }
}

// --- daily counts -----------------------------------------------------------------------------

/** Ranks of events or sessions per (device, local day), in the order events arrive. */
class DailyCounter {
  private readonly dense = new Map<number, number>();
  private lastRaw = -1;
  private lastDense = -1;
  private readonly day: number[] = [];
  private readonly count: number[] = [];
  private readonly lastSession: number[] = [];
  private readonly lastRank: number[] = [];
  private readonly sessions: Map<number, number>[] = [];
  private readonly storedCounts = new Map<number, number>();
  private readonly storedSessions = new Map<number, Map<number, number>>();

  private denseOf(raw: number): number {
    if (raw === this.lastRaw) return this.lastDense;
    let k = this.dense.get(raw);
    if (k === undefined) {
      k = this.dense.size;
      this.dense.set(raw, k);
      this.day.push(NO_DAY);
      this.count.push(0);
      this.lastSession.push(-1);
      this.lastRank.push(0);
      this.sessions.push(new Map());
    }
    this.lastRaw = raw;
    this.lastDense = k;
    return k;
  }

  /** Rank of this event among the device's events that day (1-based). */
  eventRank(device: number, d: number): number {
    const k = this.denseOf(device);
    if (this.day[k] !== d) {
      const old = this.day[k]!;
      if (old !== NO_DAY) this.storedCounts.set(old * 0x80000000 + k, this.count[k]!);
      this.day[k] = d;
      this.count[k] = this.storedCounts.get(d * 0x80000000 + k) ?? 0;
    }
    const c = this.count[k]! + 1;
    this.count[k] = c;
    return c;
  }

  /** Rank of this event's session among the device's sessions that day (1-based, by first event). */
  sessionRank(device: number, d: number, session: number): number {
    const k = this.denseOf(device);
    if (this.day[k] === d && this.lastSession[k] === session) return this.lastRank[k]!;
    if (this.day[k] !== d) {
      this.day[k] = d;
      const key = d * 0x80000000 + k;
      let m = this.storedSessions.get(key);
      if (m === undefined) {
        m = new Map();
        this.storedSessions.set(key, m);
      }
      this.sessions[k] = m;
    }
    const m = this.sessions[k]!;
    let r = m.get(session);
    if (r === undefined) {
      r = m.size + 1;
      m.set(session, r);
    }
    this.lastSession[k] = session;
    this.lastRank[k] = r;
    return r;
  }
}

class DailyCountRunner extends RuleRunner {
  private readonly counter = new DailyCounter();
  constructor(rule: DailyCountRule, index: number, limit: number) {
    super(rule, index, limit);
  }
  run(ctx: BatchContext): void {
    const rule = this.rule as DailyCountRule;
    const { n, mask, words, day, deviceId, sessionId } = ctx;
    const perDevice = rule.per === 'device';
    const sessions = rule.unit === 'sessions';
    const max = rule.max;
    const counter = this.counter;
    const w = this.word;
    const bit = this.bit;
    let violations = 0;
    let unchecked = 0;
    for (let i = 0; i < n; i += 1) {
      const d = day[i]!;
      const device = perDevice ? deviceId[i]! : 0;
      const session = sessions ? sessionId[i]! : 0;
      if (d === NO_DAY || device < 0 || session < 0) {
        unchecked += 1;
        continue;
      }
      const rank = sessions ? counter.sessionRank(device, d, session) : counter.eventRank(device, d);
      if (rank > max) {
        mask[i * words + w]! |= bit;
        violations += 1;
        if (this.examples.length < this.limit) this.examples.push(example(ctx, i, rank));
      }
    }
    this.violations += violations;
    this.unchecked += unchecked;
  }
}

// --- required fields --------------------------------------------------------------------------

function isPresent(ctx: BatchContext, field: EventField, i: number): boolean {
  switch (field) {
    case 'ts':
      return ctx.day[i] !== NO_DAY;
    case 'deviceId':
    case 'sessionId':
      return ctx[field][i]! >= 0;
    case 'lon':
    case 'lat':
    case 'speed':
    case 'altitude':
    case 'load':
    case 'people': {
      const v = ctx.float[field][i]!;
      return v - v === 0;
    }
  }
}

class RequiredFieldsRunner extends RuleRunner {
  constructor(rule: RequiredFieldsRule, index: number, limit: number) {
    super(rule, index, limit);
  }
  run(ctx: BatchContext): void {
    const rule = this.rule as RequiredFieldsRule;
    const { n, mask, words, scratch } = ctx;
    const missing = scratch.subarray(0, n).fill(0);
    for (const field of rule.fields) {
      if (field === 'ts') {
        const day = ctx.day;
        for (let i = 0; i < n; i += 1) if (day[i] === NO_DAY) missing[i] = 1;
      } else if (field === 'deviceId' || field === 'sessionId') {
        const col = ctx[field];
        for (let i = 0; i < n; i += 1) if (col[i]! < 0) missing[i] = 1;
      } else {
        const col = ctx.float[field];
        for (let i = 0; i < n; i += 1) {
          const v = col[i]!;
          if (v - v !== 0) missing[i] = 1;
        }
      }
    }
    const w = this.word;
    const bit = this.bit;
    let violations = 0;
    for (let i = 0; i < n; i += 1) {
      if (missing[i] === 0) continue;
      mask[i * words + w]! |= bit;
      violations += 1;
      if (this.examples.length < this.limit) this.examples.push(example(ctx, i, null, rule.fields.filter((f) => !isPresent(ctx, f, i))));
    }
    this.violations += violations;
  }
}

// --- insurance and suspension: intervals of time -------------------------------------------------

/** Merges `[start, end)` intervals into sorted, disjoint ones (empty intervals dropped). */
function mergeIntervals(intervals: (readonly [number, number])[]): { starts: Float64Array; ends: Float64Array } {
  const sorted = intervals.filter(([s, e]) => e > s).sort((x, y) => x[0] - y[0]);
  const starts: number[] = [];
  const ends: number[] = [];
  for (const [s, e] of sorted) {
    const last = ends.length - 1;
    if (last >= 0 && s <= ends[last]!) ends[last] = Math.max(ends[last]!, e);
    else {
      starts.push(s);
      ends.push(e);
    }
  }
  return { starts: Float64Array.from(starts), ends: Float64Array.from(ends) };
}

/** Merged, sorted, disjoint `[start, end)` intervals of the policies that meet Decree Art. 60. */
export function insuredIntervals(rule: InsuranceRule): { starts: Float64Array; ends: Float64Array } {
  return mergeIntervals(rule.policies
    .filter((p) => p.cover === undefined || coverShortfall(p.cover) === null)
    .map((p) => [parseInstant(p.from)!, parseInstant(p.to)!] as const));
}

/** Merged, sorted, disjoint `[start, end)` intervals in which the exemption was suspended (open ones end at +Infinity). */
export function suspendedIntervals(rule: SuspensionRule): { starts: Float64Array; ends: Float64Array } {
  return mergeIntervals(rule.periods.map((p) => [parseInstant(p.from)!, p.to === undefined ? Infinity : parseInstant(p.to)!] as const));
}

/**
 * Checks each event's time against merged intervals: insurance violates outside every insured interval, a
 * suspension inside a suspended one (`violatesInside`). An event without a valid time is unchecked.
 */
class IntervalRunner extends RuleRunner {
  constructor(rule: Rule, index: number, limit: number, private readonly starts: Float64Array, private readonly ends: Float64Array, private readonly violatesInside: boolean) {
    super(rule, index, limit);
  }
  run(ctx: BatchContext): void {
    const { n, mask, words, ts, day } = ctx;
    const starts = this.starts;
    const ends = this.ends;
    const count = starts.length;
    const violatesInside = this.violatesInside;
    // the interval the previous event fell in: consecutive events mostly share it
    let curStart = Infinity;
    let curEnd = -Infinity;
    const w = this.word;
    const bit = this.bit;
    let violations = 0;
    let unchecked = 0;
    for (let i = 0; i < n; i += 1) {
      if (day[i] === NO_DAY) {
        unchecked += 1;
        continue;
      }
      const t = ts[i]!;
      let inside = t >= curStart && t < curEnd;
      if (!inside) {
        // last interval starting at or before t
        let lo = 0;
        let hi = count;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (starts[mid]! <= t) lo = mid + 1;
          else hi = mid;
        }
        if (lo > 0 && t < ends[lo - 1]!) {
          inside = true;
          curStart = starts[lo - 1]!;
          curEnd = ends[lo - 1]!;
        }
      }
      if (inside !== violatesInside) continue;
      mask[i * words + w]! |= bit;
      violations += 1;
      if (this.examples.length < this.limit) this.examples.push(example(ctx, i, null));
    }
    this.violations += violations;
    this.unchecked += unchecked;
  }
}

// --- compilation ------------------------------------------------------------------------------

function compileRule(rule: Rule): CompiledRule {
  switch (rule.kind) {
    case 'geofence': {
      const area = compileArea(rule.area);
      return { begin: (i, limit) => new GeofenceRunner(rule, i, limit, area) };
    }
    case 'timeWindow': {
      const table = minuteOfWeekTable(rule);
      const from = rule.validFrom === undefined ? -Infinity : toDayNumber(rule.validFrom as CivilDate);
      const to = rule.validTo === undefined ? Infinity : toDayNumber(rule.validTo as CivilDate);
      return { begin: (i, limit) => new TimeWindowRunner(rule, i, limit, table, from, to) };
    }
    case 'maximum':
      return { begin: (i, limit) => new MaximumRunner(rule, i, limit) };
    case 'dailyCount':
      return { begin: (i, limit) => new DailyCountRunner(rule, i, limit) };
    case 'requiredFields':
      return { begin: (i, limit) => new RequiredFieldsRunner(rule, i, limit) };
    case 'insurance': {
      const { starts, ends } = insuredIntervals(rule);
      return { begin: (i, limit) => new IntervalRunner(rule, i, limit, starts, ends, false) };
    }
    case 'suspension': {
      const { starts, ends } = suspendedIntervals(rule);
      return { begin: (i, limit) => new IntervalRunner(rule, i, limit, starts, ends, true) };
    }
  }
}

class DayAccumulator {
  events = 0;
  violatingEvents = 0;
  readonly violations: Float64Array;
  constructor(rules: number) {
    this.violations = new Float64Array(rules);
  }
  counts(): DayCounts {
    return { events: this.events, violatingEvents: this.violatingEvents, violations: Array.from(this.violations) };
  }
}

class Run implements ComplianceRun {
  private readonly runners: RuleRunner[];
  private readonly words: number;
  private readonly days = new Map<number, DayAccumulator>();
  private readonly undated: DayAccumulator;
  private total = 0;
  private violating = 0;
  private mask = new Int32Array(0);
  private dayCol = new Int32Array(0);
  private scratch = new Uint8Array(0);
  private nanCol = new Float64Array(0);
  private noIdCol = new Int32Array(0);
  private finished = false;

  constructor(compiled: readonly CompiledRule[], limit: number) {
    this.runners = compiled.map((c, i) => c.begin(i, limit));
    this.words = Math.max(1, Math.ceil(compiled.length / 32));
    this.undated = new DayAccumulator(compiled.length);
  }

  pushRows(rows: readonly EventRow[]): void {
    this.push(rowsToBatch(rows));
  }

  push(batch: EventBatch): void {
    if (this.finished) throw new Error('this compliance run is finished');
    const n = checkBatch(batch);
    if (n === 0) return;
    const words = this.words;
    if (this.dayCol.length < n) {
      const cap = Math.max(n, this.dayCol.length * 2);
      this.mask = new Int32Array(cap * words);
      this.dayCol = new Int32Array(cap);
      this.scratch = new Uint8Array(cap);
      this.nanCol = new Float64Array(cap).fill(NaN);
      this.noIdCol = new Int32Array(cap).fill(-1);
    }
    const mask = this.mask.subarray(0, n * words).fill(0);
    const day = this.dayCol.subarray(0, n);
    const ts = batch.ts;
    for (let i = 0; i < n; i += 1) {
      const t = ts[i]!;
      day[i] = t >= TS_MIN && t < TS_MAX ? Math.floor((Math.floor(t) + SEOUL_OFFSET_MS) / DAY_MS) : NO_DAY;
    }
    const nan = this.nanCol.subarray(0, n);
    const noId = this.noIdCol.subarray(0, n);
    const float = {} as Record<FloatField, Float64Array>;
    for (const f of FLOAT_FIELDS) float[f] = batch[f] ?? nan;
    const ctx: BatchContext = {
      n,
      offset: this.total,
      ts,
      day,
      deviceId: batch.deviceId ?? noId,
      sessionId: batch.sessionId ?? noId,
      float,
      mask,
      words,
      scratch: this.scratch,
    };
    for (const r of this.runners) r.run(ctx);
    this.aggregate(mask, day, n);
    this.total += n;
  }

  private aggregate(mask: Int32Array, day: Int32Array, n: number): void {
    const words = this.words;
    let lastDay = NaN;
    let acc = this.undated;
    let violating = 0;
    for (let i = 0; i < n; i += 1) {
      const d = day[i]!;
      if (d !== lastDay) {
        lastDay = d;
        if (d === NO_DAY) acc = this.undated;
        else {
          let a = this.days.get(d);
          if (a === undefined) {
            a = new DayAccumulator(this.runners.length);
            this.days.set(d, a);
          }
          acc = a;
        }
      }
      acc.events += 1;
      let any = false;
      for (let w = 0; w < words; w += 1) {
        let m = mask[i * words + w]!;
        if (m === 0) continue;
        any = true;
        while (m !== 0) {
          const low = m & -m;
          acc.violations[w * 32 + 31 - Math.clz32(low)]! += 1;
          m ^= low;
        }
      }
      if (any) {
        acc.violatingEvents += 1;
        violating += 1;
      }
    }
    this.violating += violating;
  }

  finish(): ComplianceReport {
    this.finished = true;
    const days = [...this.days.entries()].sort((a, b) => a[0] - b[0]).map(([d, acc]): DayReport => ({ day: fromDayNumber(d), ...acc.counts() }));
    return {
      totalEvents: this.total,
      compliantEvents: this.total - this.violating,
      violatingEvents: this.violating,
      rules: this.runners.map((r) => r.report()),
      days,
      undated: this.undated.counts(),
    };
  }
}

/**
 * Validates and compiles a rule set. Throws {@link InvalidRulesError} (with structured errors)
 * when the rules are invalid.
 */
export function compileRules(rules: readonly Rule[]): ComplianceChecker {
  const validation = validateRules(rules);
  if (!validation.ok) throw new InvalidRulesError(validation.errors);
  const compiled = rules.map(compileRule);
  const start = (options: RunOptions = {}): ComplianceRun => new Run(compiled, Math.max(0, Math.floor(options.examplesPerRule ?? 10)));
  return {
    rules,
    start,
    evaluate(batch, options) {
      const run = start(options);
      run.push(batch);
      return run.finish();
    },
    evaluateRows(rows, options) {
      const run = start(options);
      run.pushRows(rows);
      return run.finish();
    },
  };
}
