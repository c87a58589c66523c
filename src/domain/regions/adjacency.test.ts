import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { arcId, sharedArcPairs } from './adjacency.ts';

// A | B | C side by side, C also owns a detached island, D is a lone island, E (a nested
// GeometryCollection) touches C on its east side, P is a point.
//   arc 0: A|B   arc 3: B|C   arc 5: C|E   others: outer boundaries used once
function tinyTopology(): Topology {
  return {
    type: 'Topology',
    arcs: [
      [[1, 0], [1, 1]], // 0 A|B
      [[1, 1], [0, 1], [0, 0], [1, 0]], // 1 A outer
      [[1, 1], [2, 1]], // 2 B top
      [[2, 1], [2, 0]], // 3 B|C
      [[2, 0], [1, 0]], // 4 B bottom
      [[3, 0], [3, 1]], // 5 C|E
      [[2, 1], [3, 1]], // 6 C top
      [[3, 0], [2, 0]], // 7 C bottom
      [[9, 9], [9, 10], [10, 10], [9, 9]], // 8 C island
      [[20, 20], [20, 21], [21, 21], [20, 20]], // 9 D island
      [[3, 1], [4, 1], [4, 0], [3, 0]], // 10 E outer
    ],
    objects: {
      zones: {
        type: 'GeometryCollection',
        geometries: [
          { type: 'Polygon', arcs: [[0, 1]], properties: { code: 'A' } },
          { type: 'Polygon', arcs: [[2, 3, 4, ~0]], properties: { code: 'B' } },
          { type: 'MultiPolygon', arcs: [[[~3, 6, ~5, 7]], [[8]]], properties: { code: 'C' } },
          { type: 'Polygon', arcs: [[9]], properties: { code: 'D' } },
          {
            type: 'GeometryCollection',
            properties: { code: 'E' },
            geometries: [{ type: 'Polygon', arcs: [[5, 10]] }],
          } as GeometryObject,
          { type: 'Point', coordinates: [5, 5], properties: { code: 'P' } },
        ],
      },
      single: { type: 'Polygon', arcs: [[0, 1]] },
    },
  };
}

test('arcId maps a reversed index ~i back to i', () => {
  assert.equal(arcId(0), 0);
  assert.equal(arcId(~0), 0);
  assert.equal(arcId(-1), 0);
  assert.equal(arcId(~7), 7);
  assert.equal(arcId(7), 7);
});

test('tiny topology: pairs sharing an arc, sorted, reversed arcs included', () => {
  assert.deepEqual(sharedArcPairs(tinyTopology(), 'zones'), [
    ['A', 'B'],
    ['B', 'C'],
    ['C', 'E'],
  ]);
});

test('tiny topology: custom key and geometries merged under one key', () => {
  const names: Record<string, string> = { A: 'west', B: 'west', C: 'east', D: 'isle', E: 'east', P: 'pt' };
  const pairs = sharedArcPairs(tinyTopology(), 'zones', {
    key: (g) => names[String((g as { properties?: { code?: string } }).properties?.code)] ?? '?',
  });
  // A|B and C|E become internal; only B|C crosses west|east.
  assert.deepEqual(pairs, [['east', 'west']]);
});

test('tiny topology: errors for a missing object, a non-collection, a geometry without code', () => {
  const t = tinyTopology();
  assert.throws(() => sharedArcPairs(t, 'nope'), /no object "nope"/);
  assert.throws(() => sharedArcPairs(t, 'single'), /not a GeometryCollection/);
  const zones = t.objects['zones'] as GeometryCollection;
  zones.geometries.push({ type: 'Polygon', arcs: [[9]] });
  assert.throws(() => sharedArcPairs(t, 'zones'), /no properties\.code/);
});

test('property: result is independent of geometry order and arc direction', () => {
  fc.assert(
    fc.property(fc.array(fc.boolean(), { minLength: 32, maxLength: 32 }), fc.integer({ min: 0, max: 1000 }), (flips, seed) => {
      const t = tinyTopology();
      const zones = t.objects['zones'] as GeometryCollection;
      let k = 0;
      const flip = (i: number): number => (flips[k++ % flips.length] ? ~arcId(i) : arcId(i));
      for (const g of zones.geometries) {
        if (g.type === 'Polygon') g.arcs = g.arcs.map((ring) => ring.map(flip));
        if (g.type === 'MultiPolygon') g.arcs = g.arcs.map((p) => p.map((ring) => ring.map(flip)));
      }
      // deterministic shuffle
      const order = zones.geometries.map((g, i) => ({ g, r: (i * 7919 + seed * 104729) % 997 }));
      zones.geometries = order.sort((x, y) => x.r - y.r).map((x) => x.g);
      assert.deepEqual(sharedArcPairs(t, 'zones'), [
        ['A', 'B'],
        ['B', 'C'],
        ['C', 'E'],
      ]);
    }),
    { numRuns: 100 },
  );
});

function load(file: string): Topology {
  return JSON.parse(readFileSync(new URL(`../../../data/geo/${file}`, import.meta.url), 'utf8')) as Topology;
}

function has(pairs: readonly (readonly [string, string])[], x: string, y: string): boolean {
  const [a, b] = x < y ? [x, y] : [y, x];
  return pairs.some(([p, q]) => p === a && q === b);
}

test('real provinces: known borders, Jeju alone, pairs well-formed', () => {
  const pairs = sharedArcPairs(load('skorea-provinces-2018-topo-simple.json'), 'skorea_provinces_2018_geo');
  assert.equal(pairs.length, 29);
  for (const [a, b] of pairs) assert.ok(a < b, `${a} < ${b}`);
  assert.equal(new Set(pairs.map((p) => p.join('|'))).size, pairs.length, 'no duplicate pairs');
  for (const [x, y] of [['25', '29'], ['21', '26'], ['21', '38'], ['22', '37'], ['11', '31'], ['31', '32'], ['11', '23']] as const) {
    assert.ok(has(pairs, x, y), `${x}–${y} share a border`);
  }
  assert.ok(!has(pairs, '11', '21'), 'Seoul–Busan are not adjacent');
  assert.ok(!pairs.some((p) => p.includes('39')), 'Jeju has no land border');
});

test('real municipalities: the islands without a shared boundary', () => {
  const topology = load('skorea-municipalities-2018-topo-simple.json');
  const pairs = sharedArcPairs(topology, 'skorea_municipalities_2018_geo');
  assert.equal(pairs.length, 639);
  const codes = (topology.objects['skorea_municipalities_2018_geo'] as GeometryCollection<{ code: string }>).geometries.map(
    (g) => (g as { properties: { code: string } }).properties.code,
  );
  const touched = new Set(pairs.flat());
  assert.deepEqual(
    codes.filter((c) => !touched.has(c)).sort(),
    ['21040', '23310', '23320', '36460', '36470', '37430', '38090', '38350'],
  );
  assert.ok(has(pairs, '25040', '29010'), 'Daejeon Yuseong-gu – Sejong');
  assert.ok(has(pairs, '21310', '26310'), 'Busan Gijang-gun – Ulsan Ulju-gun');
  assert.ok(has(pairs, '39010', '39020'), 'Jeju-si – Seogwipo-si');
});
