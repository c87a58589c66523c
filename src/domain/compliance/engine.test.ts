import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileRules, type ComplianceReport } from './engine.ts';
import { rowsToBatch, sliceBatch, type EventRow } from './events.ts';
import { referenceEvaluate } from './reference.ts';
import { EVENT_FIELDS, InvalidRulesError, MEASURES, type AreaGeometry, type InsurancePolicy, type LinearRing, type Position, type Rule, type TimeWindow } from './rules.ts';

const KST = (local: string): number => Date.parse(`${local}+09:00`);
const evaluate = (rules: Rule[], rows: EventRow[], examplesPerRule = 10): ComplianceReport => compileRules(rules).evaluateRows(rows, { examplesPerRule });
const violationsOf = (report: ComplianceReport): Record<string, number> => Object.fromEntries(report.rules.map((r) => [r.id, r.violations]));
const violatedIndices = (report: ComplianceReport, id: string): number[] => report.rules.find((r) => r.id === id)!.examples.map((e) => e.index);

// --- random rules and events (coordinates on a quarter-degree grid, so geometry is exact) -------

const gridLon = fc.integer({ min: 0, max: 16 }).map((k) => 127 + k / 4);
const gridLat = fc.integer({ min: 0, max: 16 }).map((k) => 36 + k / 4);
const gridPoint: fc.Arbitrary<Position> = fc.tuple(gridLon, gridLat);
const ring: fc.Arbitrary<LinearRing> = fc.array(gridPoint, { minLength: 3, maxLength: 8 }).map((ps) => [...ps, ps[0]!]);
const polygon = fc.tuple(ring, fc.array(ring, { maxLength: 2 })).map(([outer, holes]) => [outer, ...holes]);
const area: fc.Arbitrary<AreaGeometry> = fc.oneof(
  polygon.map((coordinates): AreaGeometry => ({ type: 'Polygon', coordinates })),
  fc.array(polygon, { minLength: 1, maxLength: 3 }).map((coordinates): AreaGeometry => ({ type: 'MultiPolygon', coordinates })),
);

const T0 = KST('2026-03-01T00:00:00'); // a Sunday
const CLOCKS = ['00:00', '00:30', '06:00', '08:59', '09:00', '12:00', '17:59', '18:00', '22:00', '23:59'];
const window: fc.Arbitrary<TimeWindow> = fc
  .record({
    days: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }) as fc.Arbitrary<TimeWindow['days']>,
    start: fc.constantFrom(...CLOCKS),
    end: fc.constantFrom(...CLOCKS, '24:00'),
  })
  .filter((w) => w.start !== w.end);
const date = fc.integer({ min: 1, max: 15 }).map((d) => `2026-03-${String(d).padStart(2, '0')}`);
const instant = fc
  .tuple(fc.integer({ min: -2 * 1440, max: 16 * 1440 }), fc.boolean())
  .map(([m, zulu]) => {
    const ms = T0 + m * 60_000;
    return zulu ? new Date(ms).toISOString() : `${new Date(ms + 9 * 3_600_000).toISOString().slice(0, 19)}+09:00`;
  });
const policy: fc.Arbitrary<Omit<InsurancePolicy, 'id'>> = fc
  .record({
    from: instant,
    to: instant,
    cover: fc.option(
      fc.record({
        deathPerPerson: fc.constantFrom(100_000_000, 150_000_000, 200_000_000),
        injuryPerPerson: fc.constantFrom(30_000_000, 50_000_000),
        disabilityPerPerson: fc.constantFrom(150_000_000),
        propertyPerAccident: fc.constantFrom(500_000_000, 1_000_000_000),
      }),
      { nil: undefined },
    ),
  })
  .filter((p) => Date.parse(p.to) > Date.parse(p.from))
  .map(({ cover, ...p }) => (cover === undefined ? p : { ...p, cover }));

type RuleBody = Rule extends infer R ? (R extends Rule ? Omit<R, 'id'> : never) : never;
const ruleBody: fc.Arbitrary<RuleBody> = fc.oneof(
  area.map((a): RuleBody => ({ kind: 'geofence', area: a })),
  fc
    .record({ windows: fc.option(fc.array(window, { minLength: 1, maxLength: 3 }), { nil: undefined }), from: fc.option(date, { nil: undefined }), span: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }) })
    .map(({ windows, from, span }): RuleBody => {
      const to = span === undefined ? undefined : `2026-03-${String(Math.min(28, (from === undefined ? 1 : Number(from.slice(8))) + span)).padStart(2, '0')}`;
      return { kind: 'timeWindow', ...(windows && { windows }), ...(from && { validFrom: from }), ...(to && { validTo: to }) };
    }),
  fc.record({ measure: fc.constantFrom(...MEASURES), max: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true })) }).map((r): RuleBody => ({ kind: 'maximum', ...r })),
  fc.record({ per: fc.constantFrom('device' as const, 'project' as const), unit: fc.constantFrom('events' as const, 'sessions' as const), max: fc.integer({ min: 0, max: 5 }) }).map((r): RuleBody => ({ kind: 'dailyCount', ...r })),
  fc.uniqueArray(fc.constantFrom(...EVENT_FIELDS), { minLength: 1 }).map((fields): RuleBody => ({ kind: 'requiredFields', fields })),
  fc.array(policy, { maxLength: 3 }).map((ps): RuleBody => ({ kind: 'insurance', policies: ps.map((p, i) => ({ ...p, id: `p${i}` })) })),
  fc.array(fc.tuple(instant, fc.option(instant, { nil: undefined })), { maxLength: 3 }).map((ps): RuleBody => ({
    kind: 'suspension',
    periods: ps.map(([from, to], i) => (to === undefined || Date.parse(to) < Date.parse(from) ? { id: `s${i}`, from } : { id: `s${i}`, from, to })),
  })),
);
const rules = (maxLength: number, minLength = 1): fc.Arbitrary<Rule[]> => fc.array(ruleBody, { minLength, maxLength }).map((bodies) => bodies.map((b, i) => ({ id: `r${i}`, ...b }) as Rule));

const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | number | null | undefined> => fc.oneof({ weight: 8, arbitrary: arb }, { weight: 1, arbitrary: fc.constantFrom(NaN, null, undefined, Infinity) });
const coordinate = (grid: fc.Arbitrary<number>, lo: number): fc.Arbitrary<number> => fc.oneof({ weight: 3, arbitrary: grid }, { weight: 1, arbitrary: fc.double({ min: lo - 0.5, max: lo + 4.5, noNaN: true }) });
const timestamp = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.integer({ min: 0, max: 15 * 1440 }), fc.constantFrom(0, -1, 1, 59_999, 30_000)).map(([m, ms]) => T0 + m * 60_000 + ms) },
  { weight: 1, arbitrary: fc.double({ min: T0, max: T0 + 15 * 86_400_000, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(NaN, 0, 1e15, -1, Infinity) },
);
const row: fc.Arbitrary<EventRow> = fc.record({
  ts: maybe(timestamp),
  deviceId: maybe(fc.integer({ min: -1, max: 3 })),
  sessionId: maybe(fc.integer({ min: 0, max: 4 })),
  lon: maybe(coordinate(gridLon, 127)),
  lat: maybe(coordinate(gridLat, 36)),
  speed: maybe(fc.double({ min: 0, max: 120, noNaN: true })),
  altitude: maybe(fc.integer({ min: 0, max: 120 })),
  load: maybe(fc.constantFrom(0, 5, 50, 99.5, 100, 100.5)),
  people: maybe(fc.integer({ min: 0, max: 8 })),
});

describe('compliance engine', () => {
  it('equals the reference evaluator on random rules and events, whatever the batching', () => {
    fc.assert(
      fc.property(rules(6), fc.array(row, { maxLength: 80 }), fc.array(fc.nat(80), { maxLength: 4 }), fc.nat(4), (rs, rows, cuts, n) => {
        const expected = referenceEvaluate(rs, rows, n);
        assert.deepEqual(compileRules(rs).evaluateRows(rows, { examplesPerRule: n }), expected);
        // same result when the events arrive in several batches (daily counts carry over)
        const batch = rowsToBatch(rows);
        const bounds = [0, ...cuts.map((c) => Math.min(c, rows.length)).sort((a, b) => a - b), rows.length];
        const run = compileRules(rs).start({ examplesPerRule: n });
        for (let i = 0; i + 1 < bounds.length; i += 1) run.push(sliceBatch(batch, bounds[i]!, bounds[i + 1]!));
        assert.deepEqual(run.finish(), expected);
      }),
      { numRuns: 400 },
    );
  });

  it('equals the reference with more than 32 rules (several mask words)', () => {
    fc.assert(
      fc.property(rules(40, 33), fc.array(row, { maxLength: 30 }), (rs, rows) => {
        assert.deepEqual(evaluate(rs, rows, 2), referenceEvaluate(rs, rows, 2));
      }),
      { numRuns: 20 },
    );
  });

  it('refuses invalid rules with structured errors', () => {
    assert.throws(
      () => compileRules([{ id: 'a', kind: 'maximum', measure: 'speed', max: -1 }]),
      (e: unknown) => e instanceof InvalidRulesError && e.errors[0]?.code === 'negative-maximum',
    );
  });
});

describe('time windows (Asia/Seoul, UTC+9, no DST)', () => {
  const weekdays: Rule = { id: 'hours', kind: 'timeWindow', windows: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' }] };
  it('is half-open [start, end) at minute precision', () => {
    // 2026-03-02 is a Monday
    const ts = ['2026-03-02T08:59:59.999', '2026-03-02T09:00:00', '2026-03-02T17:59:59.999', '2026-03-02T18:00:00', '2026-03-01T12:00:00'].map(KST);
    const report = evaluate([weekdays], ts.map((t) => ({ ts: t })));
    assert.deepEqual(violatedIndices(report, 'hours'), [0, 3, 4]);
  });

  it('runs past midnight into the next day, and from Saturday into Sunday', () => {
    const night: Rule = {
      id: 'night',
      kind: 'timeWindow',
      windows: [
        { days: [5], start: '22:00', end: '02:00' },
        { days: [6], start: '23:00', end: '00:00' },
      ],
    };
    const ts = [
      '2026-03-06T21:59:00', // Fri, before → violation
      '2026-03-06T22:00:00', // Fri evening → ok
      '2026-03-07T01:59:59', // Sat early morning, from Friday's window → ok
      '2026-03-07T02:00:00', // end → violation
      '2026-03-05T23:00:00', // Thursday is not listed → violation
      '2026-03-07T23:30:00', // Sat 23:00–24:00 → ok
      '2026-03-08T00:00:00', // Sunday 00:00 → violation
    ].map(KST);
    assert.deepEqual(violatedIndices(evaluate([night], ts.map((t) => ({ ts: t }))), 'night'), [0, 3, 4, 6]);
    const weekend: Rule = { id: 'w', kind: 'timeWindow', windows: [{ days: [6], start: '22:00', end: '06:00' }] };
    const ts2 = ['2026-03-08T05:59:00', '2026-03-08T06:00:00', '2026-03-02T05:00:00'].map(KST); // Sun, Sun, Mon
    assert.deepEqual(violatedIndices(evaluate([weekend], ts2.map((t) => ({ ts: t }))), 'w'), [1, 2]);
  });

  it('checks the validity dates inclusively on the local day', () => {
    const rule: Rule = { id: 'valid', kind: 'timeWindow', validFrom: '2026-03-02', validTo: '2026-03-31' };
    const ts = ['2026-03-01T23:59:59', '2026-03-02T00:00:00', '2026-03-31T23:59:59', '2026-04-01T00:00:00'].map(KST);
    assert.deepEqual(violatedIndices(evaluate([rule], ts.map((t) => ({ ts: t }))), 'valid'), [0, 3]);
  });

  it('puts events on Seoul calendar days (15:00 UTC is midnight) for histograms and daily counts', () => {
    const rule: Rule = { id: 'once', kind: 'dailyCount', per: 'device', unit: 'events', max: 1 };
    const rows: EventRow[] = [
      { ts: Date.parse('2026-03-02T14:59:59.999Z'), deviceId: 7 }, // Monday 23:59:59.999 KST
      { ts: Date.parse('2026-03-02T15:00:00.000Z'), deviceId: 7 }, // Tuesday 00:00 KST
      { ts: Date.parse('2026-03-02T23:00:00.000Z'), deviceId: 7 }, // Tuesday 08:00 KST → second that day
      { ts: Date.parse('2026-03-02T23:00:00.000Z'), deviceId: 8 }, // another device
    ];
    const report = evaluate([rule], rows);
    assert.deepEqual(report.rules[0]!.examples.map((e) => [e.index, e.value]), [[2, 2]]);
    assert.deepEqual(
      report.days.map((d) => [d.day, d.events, d.violatingEvents]),
      [
        ['2026-03-02', 1, 0],
        ['2026-03-03', 3, 1],
      ],
    );
  });
});

describe('rules', () => {
  it('daily counts of sessions rank sessions by their first event, per device or project', () => {
    const rows: EventRow[] = [1, 2, 1, 3, 2, 3].map((s, i) => ({ ts: KST('2026-03-02T10:00:00') + i * 60_000, deviceId: s === 3 ? 2 : 1, sessionId: s }));
    const perDevice = evaluate([{ id: 'f', kind: 'dailyCount', per: 'device', unit: 'sessions', max: 1 }], rows);
    assert.deepEqual(perDevice.rules[0]!.examples.map((e) => [e.index, e.value]), [[1, 2], [4, 2]]);
    const perProject = evaluate([{ id: 'f', kind: 'dailyCount', per: 'project', unit: 'sessions', max: 2 }], rows);
    assert.deepEqual(perProject.rules[0]!.examples.map((e) => [e.index, e.value]), [[3, 3], [5, 3]]);
  });

  it('insurance: [from, to), any policy, policies below the Decree Art. 60 minimums do not count', () => {
    const rule: Rule = {
      id: 'ins',
      kind: 'insurance',
      policies: [
        { id: 'a', from: '2026-03-01T00:00:00+09:00', to: '2026-03-10T00:00:00+09:00' },
        { id: 'b', from: '2026-03-12T00:00:00+09:00', to: '2026-04-01T00:00:00+09:00' },
        {
          id: 'cheap',
          from: '2026-03-10T00:00:00+09:00',
          to: '2026-03-12T00:00:00+09:00',
          cover: { deathPerPerson: 100_000_000, injuryPerPerson: 30_000_000, disabilityPerPerson: 150_000_000, propertyPerAccident: 1_000_000_000 },
        },
      ],
    };
    const ts = ['2026-02-28T23:59:59.999', '2026-03-01T00:00:00', '2026-03-09T23:59:59.999', '2026-03-10T00:00:00', '2026-03-11T12:00:00', '2026-03-12T00:00:00', '2026-04-01T00:00:00'].map(KST);
    assert.deepEqual(violatedIndices(evaluate([rule], ts.map((t) => ({ ts: t }))), 'ins'), [0, 3, 4, 6]);
  });

  it('suspension: an event in [from, to) of any period violates, an open period runs on, an empty period suspends nothing', () => {
    const rule: Rule = {
      id: 'susp',
      kind: 'suspension',
      periods: [
        { id: 'a', from: '2026-03-05T12:00:00+09:00', to: '2026-03-07T00:00:00+09:00' },
        { id: 'none', from: '2026-03-08T00:00:00+09:00', to: '2026-03-08T00:00:00+09:00' },
        { id: 'open', from: '2026-03-20T00:00:00+09:00' },
      ],
    };
    const ts = ['2026-03-05T11:59:59.999', '2026-03-05T12:00:00', '2026-03-06T23:59:59.999', '2026-03-07T00:00:00', '2026-03-08T00:00:00', '2026-03-19T23:59:59.999', '2026-03-20T00:00:00', '2027-01-01T00:00:00'].map(KST);
    assert.deepEqual(violatedIndices(evaluate([rule], [...ts.map((t) => ({ ts: t })), { ts: NaN }]), 'susp'), [1, 2, 6, 7]);
    assert.equal(evaluate([rule], [{ ts: NaN }]).rules[0]!.unchecked, 1);
  });

  it('maxima allow the limit itself', () => {
    const report = evaluate([{ id: 'alt', kind: 'maximum', measure: 'altitude', max: 150 }], [{ altitude: 150 }, { altitude: 150.5 }, { altitude: 149 }]);
    assert.deepEqual(report.rules[0]!.examples.map((e) => [e.index, e.value]), [[1, 150.5]]);
  });

  it('missing values leave a rule unchecked; only requiredFields counts them as violations', () => {
    const rules: Rule[] = [
      { id: 'speed', kind: 'maximum', measure: 'speed', max: 60 },
      { id: 'area', kind: 'geofence', area: { type: 'Polygon', coordinates: [[[127, 36], [128, 36], [128, 37], [127, 37], [127, 36]]] } },
      { id: 'hours', kind: 'timeWindow', windows: [{ days: [1], start: '09:00', end: '18:00' }] },
      { id: 'need', kind: 'requiredFields', fields: ['ts', 'lat', 'speed', 'deviceId'] },
    ];
    const rows: EventRow[] = [
      { ts: KST('2026-03-02T10:00:00'), deviceId: 1, lon: 127.5, lat: 36.5, speed: 50 },
      { ts: NaN, deviceId: -3, lon: 127.5, lat: null, speed: Infinity },
      {},
    ];
    const report = evaluate(rules, rows);
    assert.deepEqual(
      report.rules.map((r) => [r.id, r.violations, r.unchecked]),
      [
        ['speed', 0, 2],
        ['area', 0, 2],
        ['hours', 0, 2],
        ['need', 2, 0],
      ],
    );
    assert.deepEqual(report.rules[3]!.examples.map((e) => e.missing), [['ts', 'lat', 'speed', 'deviceId'], ['ts', 'lat', 'speed', 'deviceId']]);
    assert.deepEqual(report.undated, { events: 2, violatingEvents: 2, violations: [0, 0, 0, 2] });
    assert.equal(report.compliantEvents, 1);
  });

  it('reports per rule, per day, first examples with their values', () => {
    const rules: Rule[] = [{ id: 'speed', kind: 'maximum', measure: 'speed', max: 60 }];
    const rows: EventRow[] = [61, 10, 70, 80, 90].map((speed, i) => ({ ts: KST('2026-03-02T10:00:00') + i * 43_200_000, speed, deviceId: 4, lon: 127.1, lat: 36.2 }));
    const report = evaluate(rules, rows, 2);
    assert.deepEqual(violationsOf(report), { speed: 4 });
    assert.deepEqual(report.rules[0]!.examples, [
      { index: 0, ts: rows[0]!.ts, deviceId: 4, lon: 127.1, lat: 36.2, value: 61 },
      { index: 2, ts: rows[2]!.ts, deviceId: 4, lon: 127.1, lat: 36.2, value: 70 },
    ]);
    assert.deepEqual(
      report.days.map((d) => [d.day, d.events, d.violations]),
      [
        ['2026-03-02', 2, [1]],
        ['2026-03-03', 2, [2]],
        ['2026-03-04', 1, [1]],
      ],
    );
  });
});
