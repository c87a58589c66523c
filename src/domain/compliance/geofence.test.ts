import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileArea } from './geofence.ts';
import { referenceEvaluate } from './reference.ts';
import type { AreaGeometry, LinearRing, Position } from './rules.ts';

const square = (x0: number, y0: number, x1: number, y1: number): LinearRing => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];

/** Checks the compiled area and the reference evaluator agree with the expectation. */
function check(area: AreaGeometry, cases: readonly [string, Position, boolean][]): void {
  const compiled = compileArea(area);
  for (const [name, [lon, lat], inside] of cases) {
    assert.equal(compiled.contains(lon, lat), inside, `engine: ${name}`);
    const report = referenceEvaluate([{ id: 'g', kind: 'geofence', area }], [{ lon, lat }]);
    assert.equal(report.rules[0]!.violations === 0, inside, `reference: ${name}`);
  }
}

describe('geofence (points on the boundary count as inside)', () => {
  const withHole: AreaGeometry = { type: 'Polygon', coordinates: [square(0, 0, 10, 10), square(4, 4, 6, 6)] };

  it('square with a hole: vertices, edges, hole boundary, inside the hole', () => {
    check(withHole, [
      ['outer vertex', [0, 0], true],
      ['opposite outer vertex', [10, 10], true],
      ['bottom edge', [5, 0], true],
      ['right edge', [10, 5], true],
      ['left edge', [0, 7.5], true],
      ['top edge', [3, 10], true],
      ['interior', [2, 2], true],
      ['hole vertex', [4, 4], true],
      ['hole edge', [5, 6], true],
      ['hole left edge', [4, 5], true],
      ['strictly inside the hole', [5, 5], false],
      ['just inside the hole', [4.000001, 5], false],
      ['just outside the outer ring', [10.000001, 5], false],
      ['west of the polygon, on the line of the top edge', [-1, 10], false],
      ['east, on the line of the bottom edge', [11, 0], false],
      ['far away', [127, 37], false],
    ]);
  });

  it('rays through vertices are counted once (diamond, triangle with a flat bottom)', () => {
    const diamond: AreaGeometry = { type: 'Polygon', coordinates: [[[0, 5], [5, 0], [10, 5], [5, 10], [0, 5]]] };
    check(diamond, [
      ['west of centre, ray through the east vertex', [2, 5], true],
      ['west of the west vertex', [-2, 5], false],
      ['on the west vertex', [0, 5], true],
      ['on the north vertex', [5, 10], true],
      ['north of the north vertex', [5, 10.5], false],
      ['on an edge', [2.5, 2.5], true],
    ]);
    const concave: AreaGeometry = { type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 10], [7, 10], [7, 3], [3, 3], [3, 10], [0, 10], [0, 0]]] };
    check(concave, [
      ['in the notch', [5, 6], false],
      ['in the left arm, ray through the notch', [1, 6], true],
      ['on the notch floor (a horizontal edge)', [5, 3], true],
      ['left of the notch floor', [1, 3], true],
      ['notch corner', [7, 3], true],
    ]);
  });

  it('multipolygons: a point in the second part is inside; parts may each have holes', () => {
    const multi: AreaGeometry = {
      type: 'MultiPolygon',
      coordinates: [[square(0, 0, 1, 1)], [square(5, 5, 8, 8), square(6, 6, 7, 7)]],
    };
    check(multi, [
      ['first part', [0.5, 0.5], true],
      ['second part', [5.5, 7.5], true],
      ['second part boundary', [8, 6], true],
      ['hole of the second part', [6.5, 6.5], false],
      ['hole boundary of the second part', [6.5, 7], true],
      ['between the parts', [3, 3], false],
    ]);
  });

  it('real coordinates around Sejong (lon/lat)', () => {
    const site: AreaGeometry = {
      type: 'Polygon',
      coordinates: [[[127.25, 36.47], [127.32, 36.47], [127.33, 36.52], [127.26, 36.53], [127.25, 36.47]]],
    };
    check(site, [
      ['government complex', [127.29, 36.5], true],
      ['south-west corner', [127.25, 36.47], true],
      ['south edge', [127.3, 36.47], true],
      ['Daejeon', [127.38, 36.35], false],
    ]);
  });

  it('agrees with the reference for random points near random polygons (any band layout)', () => {
    const coord = fc.integer({ min: -4, max: 24 }).map((k) => k / 2);
    const point = fc.tuple(coord, coord);
    const ringArb = fc.array(point, { minLength: 3, maxLength: 40 }).map((ps): LinearRing => [...ps, ps[0]!]);
    fc.assert(
      fc.property(fc.array(fc.array(ringArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }), fc.array(point, { maxLength: 40 }), (polygons, points) => {
        const area: AreaGeometry = { type: 'MultiPolygon', coordinates: polygons };
        const compiled = compileArea(area);
        const report = referenceEvaluate(
          [{ id: 'g', kind: 'geofence', area }],
          points.map(([lon, lat]) => ({ lon, lat })),
          points.length,
        );
        const outside = new Set(report.rules[0]!.examples.map((e) => e.index));
        points.forEach(([lon, lat], i) => assert.equal(compiled.contains(lon, lat), !outside.has(i)));
      }),
      { numRuns: 500 },
    );
  });
});
