import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseInstant, validateRules, type RuleIssue } from './rules.ts';

const closed = [[127, 36], [128, 36], [128, 37], [127, 36]];
const issues = (input: unknown): [string, readonly (string | number)[], Record<string, unknown>][] => {
  const v = validateRules(input);
  return (v.ok ? [] : v.errors).map((e: RuleIssue) => [e.code, e.path, e.params]);
};

describe('rule validation', () => {
  // [case, input, expected errors]
  const rows: [string, unknown, ReturnType<typeof issues>][] = [
    ['not an array', { kind: 'geofence' }, [['not-an-array', [], { actual: 'object' }]]],
    ['unknown kind', [{ id: 'a', kind: 'altitudeBand' }], [['unknown-kind', [0, 'kind'], { kind: 'altitudeBand' }]]],
    ['missing id and max', [{ kind: 'maximum', measure: 'speed' }], [['missing-property', [0], { property: 'id' }], ['missing-property', [0], { property: 'max' }]]],
    ['duplicate id', [{ id: 'a', kind: 'maximum', measure: 'load', max: 5 }, { id: 'a', kind: 'maximum', measure: 'load', max: 6 }], [['duplicate-id', [1, 'id'], { id: 'a' }]]],
    ['unknown property (typo)', [{ id: 'a', kind: 'maximum', measure: 'speed', max: 60, maxx: 1 }], [['unknown-property', [0, 'maxx'], { property: 'maxx' }]]],
    ['negative maximum', [{ id: 'a', kind: 'maximum', measure: 'speed', max: -1 }], [['negative-maximum', [0, 'max'], { max: -1 }]]],
    ['maximum not a number', [{ id: 'a', kind: 'maximum', measure: 'speed', max: '60' }], [['wrong-type', [0, 'max'], { expected: 'number', actual: 'string' }]]],
    ['unknown measure', [{ id: 'a', kind: 'maximum', measure: 'weight', max: 1 }], [['unknown-measure', [0, 'measure'], { measure: 'weight' }]]],
    ['ring not closed', [{ id: 'g', kind: 'geofence', area: { type: 'Polygon', coordinates: [[[127, 36], [128, 36], [128, 37], [127, 37]]] } }], [['ring-not-closed', [0, 'area', 'coordinates', 0], { count: 4 }]]],
    ['ring with 3 points', [{ id: 'g', kind: 'geofence', area: { type: 'Polygon', coordinates: [[[127, 36], [128, 36], [127, 36]]] } }], [['ring-too-few-points', [0, 'area', 'coordinates', 0], { count: 3, min: 4 }]]],
    ['hole of a multipolygon not closed', [{ id: 'g', kind: 'geofence', area: { type: 'MultiPolygon', coordinates: [[closed], [closed, [[127.1, 36.1], [127.2, 36.1], [127.2, 36.2], [127.1, 36.2]]]] } }], [['ring-not-closed', [0, 'area', 'coordinates', 1, 1], { count: 4 }]]],
    ['bad position', [{ id: 'g', kind: 'geofence', area: { type: 'Polygon', coordinates: [[[127, 36], [128, 'x'], [128, 37], [127, 36]]] } }], [['invalid-position', [0, 'area', 'coordinates', 0, 1], {}]]],
    ['latitude out of range', [{ id: 'g', kind: 'geofence', area: { type: 'Polygon', coordinates: [[[127, 36], [128, 91], [128, 37], [127, 36]]] } }], [['position-out-of-range', [0, 'area', 'coordinates', 0, 1], { lon: 128, lat: 91 }]]],
    ['unknown geometry', [{ id: 'g', kind: 'geofence', area: { type: 'LineString', coordinates: [] } }], [['unknown-geometry-type', [0, 'area', 'type'], { type: 'LineString' }]]],
    ['25:00', [{ id: 't', kind: 'timeWindow', windows: [{ days: [1], start: '25:00', end: '18:00' }] }], [['invalid-time', [0, 'windows', 0, 'start'], { value: '25:00' }]]],
    ['09:60 and 24:00 as a start', [{ id: 't', kind: 'timeWindow', windows: [{ days: [1], start: '24:00', end: '09:60' }] }], [['invalid-time', [0, 'windows', 0, 'start'], { value: '24:00' }], ['invalid-time', [0, 'windows', 0, 'end'], { value: '09:60' }]]],
    ['empty window (start = end)', [{ id: 't', kind: 'timeWindow', windows: [{ days: [1], start: '09:00', end: '09:00' }] }], [['empty-window', [0, 'windows', 0], { start: '09:00', end: '09:00' }]]],
    ['day 7 and no days', [{ id: 't', kind: 'timeWindow', windows: [{ days: [7], start: '09:00', end: '10:00' }, { days: [], start: '09:00', end: '10:00' }] }], [['invalid-day', [0, 'windows', 0, 'days', 0], { value: '7' }], ['no-days', [0, 'windows', 1, 'days'], {}]]],
    ['validity ends before it starts', [{ id: 't', kind: 'timeWindow', validFrom: '2026-05-01', validTo: '2026-04-30' }], [['end-before-start', [0, 'validTo'], { start: '2026-05-01', end: '2026-04-30' }]]],
    ['invalid date', [{ id: 't', kind: 'timeWindow', validFrom: '2026-02-30' }], [['invalid-date', [0, 'validFrom'], { value: '2026-02-30' }]]],
    ['no windows', [{ id: 't', kind: 'timeWindow', windows: [] }], [['no-windows', [0, 'windows'], {}]]],
    ['daily count: fraction and bad option', [{ id: 'c', kind: 'dailyCount', per: 'zone', unit: 'events', max: 2.5 }], [['invalid-option', [0, 'per'], { value: 'zone', allowed: 'device|project' }], ['not-an-integer', [0, 'max'], { value: 2.5 }]]],
    ['required fields: unknown and duplicate', [{ id: 'f', kind: 'requiredFields', fields: ['lon', 'heading', 'lon'] }], [['unknown-field', [0, 'fields', 1], { field: 'heading' }], ['duplicate-field', [0, 'fields', 2], { field: 'lon' }]]],
    ['policy ends before it starts', [{ id: 'i', kind: 'insurance', policies: [{ id: 'p', from: '2026-03-01T00:00:00+09:00', to: '2026-02-01T00:00:00+09:00' }] }], [['end-before-start', [0, 'policies', 0, 'to'], { start: '2026-03-01T00:00:00+09:00', end: '2026-02-01T00:00:00+09:00' }]]],
    ['policy instant without offset', [{ id: 'i', kind: 'insurance', policies: [{ id: 'p', from: '2026-03-01T00:00:00', to: '2026-04-01T00:00:00Z' }] }], [['invalid-instant', [0, 'policies', 0, 'from'], { value: '2026-03-01T00:00:00' }]]],
  ];
  for (const [name, input, expected] of rows) {
    it(name, () => assert.deepEqual(issues(input), expected));
  }

  it('accepts a full rule set and warns about cover below the Decree Art. 60 minimums', () => {
    const v = validateRules([
      { id: 'g', kind: 'geofence', label: 'Demonstration area (부가조건 1)', area: { type: 'MultiPolygon', coordinates: [[closed]] } },
      { id: 't', kind: 'timeWindow', windows: [{ days: [1, 2, 3, 4, 5], start: '22:00', end: '06:00' }], validFrom: '2026-03-01', validTo: '2028-02-29' },
      { id: 'm', kind: 'maximum', measure: 'people', max: 0 },
      { id: 'c', kind: 'dailyCount', per: 'device', unit: 'sessions', max: 8 },
      { id: 'f', kind: 'requiredFields', fields: ['ts', 'lon', 'lat'] },
      {
        id: 'i',
        kind: 'insurance',
        policies: [
          { id: 'p1', from: '2026-03-01T00:00:00+09:00', to: '2027-03-01T00:00:00+09:00' },
          { id: 'p2', from: '2027-03-01T00:00:00.5+09:00', to: '2028-03-01T00:00Z', cover: { deathPerPerson: 150_000_000, injuryPerPerson: 30_000_000, disabilityPerPerson: 150_000_000, propertyPerAccident: 500_000_000 } },
        ],
      },
    ]);
    assert.equal(v.ok, true);
    assert.deepEqual(v.warnings, [
      { code: 'cover-below-minimum', path: [5, 'policies', 1, 'cover', 'propertyPerAccident'], params: { policy: 'p2', item: 'propertyPerAccident', cover: 500_000_000, minimum: 1_000_000_000 } },
    ]);
  });

  it('parses ISO instants with an offset', () => {
    assert.equal(parseInstant('2026-03-01T00:00:00+09:00'), Date.parse('2026-02-28T15:00:00Z'));
    assert.equal(parseInstant('2026-03-01T00:00Z'), Date.parse('2026-03-01T00:00:00Z'));
    assert.equal(parseInstant('2026-03-01T00:00:00.25-05:30'), Date.parse('2026-03-01T05:30:00.250Z'));
    assert.equal(parseInstant('2026-02-29T00:00:00Z'), null);
    assert.equal(parseInstant('2026-03-01T24:00:00Z'), null);
    assert.equal(parseInstant('2026-03-01'), null);
  });
});
