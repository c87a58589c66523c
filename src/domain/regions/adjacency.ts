// Region adjacency from a TopoJSON topology: two geometries are neighbours when they share
// at least one arc (a common stretch of boundary). Pure: no I/O.
import type { GeometryObject, Topology } from 'topojson-specification';

/** An unordered pair of geometry keys, stored with a < b. */
export type KeyPair = readonly [a: string, b: string];

export interface SharedArcOptions {
  /** Key of a top-level geometry; defaults to `properties.code`. */
  key?: (geometry: GeometryObject<Record<string, unknown>>, index: number) => string;
}

/** Arc index i and its reversal ~i (= -i - 1) both refer to arc i. */
export function arcId(index: number): number {
  return index < 0 ? ~index : index;
}

function defaultKey(geometry: GeometryObject<Record<string, unknown>>, index: number): string {
  const properties = (geometry as { properties?: Record<string, unknown> | null }).properties;
  const code = properties?.['code'];
  if (typeof code !== 'string' && typeof code !== 'number') {
    throw new Error(`geometry #${index} has no properties.code`);
  }
  return String(code);
}

/** Visits every arc index referenced by a geometry (any nesting depth, any geometry type). */
function collectArcs(geometry: GeometryObject<Record<string, unknown>>, visit: (arc: number) => void): void {
  switch (geometry.type) {
    case 'LineString':
      for (const i of geometry.arcs) visit(arcId(i));
      return;
    case 'MultiLineString':
    case 'Polygon':
      for (const ring of geometry.arcs) for (const i of ring) visit(arcId(i));
      return;
    case 'MultiPolygon':
      for (const polygon of geometry.arcs) for (const ring of polygon) for (const i of ring) visit(arcId(i));
      return;
    case 'GeometryCollection':
      for (const member of geometry.geometries) collectArcs(member, visit);
      return;
    case 'Point':
    case 'MultiPoint':
    case null:
      // Points and null geometries reference no arcs.
      return;
  }
}

function compareStrings(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The sorted list of unordered pairs of geometry keys (by default `properties.code`) of the
 * members of `topology.objects[objectName]` that share at least one arc. Geometries that share
 * the same key are treated as one; a geometry is never paired with itself.
 */
export function sharedArcPairs(
  topology: Topology,
  objectName: string,
  options: SharedArcOptions = {},
): KeyPair[] {
  const object = topology.objects[objectName];
  if (object === undefined) throw new Error(`topology has no object "${objectName}"`);
  if (object.type !== 'GeometryCollection') {
    throw new Error(`object "${objectName}" is a ${String(object.type)}, not a GeometryCollection`);
  }
  const keyOf = options.key ?? defaultKey;

  // arc id -> keys of the geometries that use it
  const users = new Map<number, Set<string>>();
  object.geometries.forEach((geometry, index) => {
    const key = keyOf(geometry as GeometryObject<Record<string, unknown>>, index);
    collectArcs(geometry as GeometryObject<Record<string, unknown>>, (arc) => {
      let set = users.get(arc);
      if (set === undefined) users.set(arc, (set = new Set()));
      set.add(key);
    });
  });

  const pairs = new Map<string, KeyPair>();
  for (const set of users.values()) {
    if (set.size < 2) continue;
    const keys = [...set].sort(compareStrings);
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++) {
        const a = keys[i]!;
        const b = keys[j]!;
        pairs.set(`${a}\u0000${b}`, [a, b]);
      }
    }
  }
  return [...pairs.values()].sort((p, q) => compareStrings(p[0], q[0]) || compareStrings(p[1], q[1]));
}
