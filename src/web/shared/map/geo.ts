// Loads the KOSTAT 2018 boundaries (TopoJSON) served at /geo and turns them into GeoJSON
// features d3-geo can draw.
import { feature } from 'topojson-client';
import { geoArea } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';

export interface BoundaryProps {
  name: string;
  name_eng: string;
  code: string;
}

export type Boundary = Feature<Polygon | MultiPolygon, BoundaryProps>;

export const PROVINCES = { url: '/geo/provinces.topo.json', object: 'skorea_provinces_2018_geo' } as const;
export const MUNICIPALITIES = { url: '/geo/municipalities.topo.json', object: 'skorea_municipalities_2018_geo' } as const;

const cache = new Map<string, Promise<Boundary[]>>();

function reverseRings(rings: Position[][]): Position[][] {
  return rings.map((ring) => [...ring].reverse());
}

/**
 * d3-geo works on the sphere and expects exterior rings clockwise; a ring wound the other way
 * means "the whole globe except this area". Rewind any feature that covers more than a hemisphere.
 */
export function rewind(boundary: Boundary): Boundary {
  if (geoArea(boundary) <= 2 * Math.PI) return boundary;
  const geometry = boundary.geometry;
  const rewound: Polygon | MultiPolygon =
    geometry.type === 'Polygon'
      ? { type: 'Polygon', coordinates: reverseRings(geometry.coordinates) }
      : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(reverseRings) };
  return { ...boundary, geometry: rewound };
}

export function toBoundaries(topology: Topology, objectName: string): Boundary[] {
  const object = topology.objects[objectName];
  if (!object || object.type !== 'GeometryCollection') throw new Error(`no ${objectName} in topology`);
  const collection = feature(topology, object as GeometryCollection<BoundaryProps>);
  return collection.features
    .filter((f): f is Boundary => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon')
    .map((f) => rewind({ ...f, properties: { ...f.properties, code: String(f.properties.code) } }));
}

export function loadBoundaries(source: { url: string; object: string }): Promise<Boundary[]> {
  let pending = cache.get(source.url);
  if (!pending) {
    pending = fetch(source.url, { credentials: 'same-origin' })
      .then((response) => {
        if (!response.ok) throw new Error(`${source.url}: HTTP ${response.status}`);
        return response.json() as Promise<Topology>;
      })
      .then((topology) => toBoundaries(topology, source.object));
    pending.catch(() => cache.delete(source.url));
    cache.set(source.url, pending);
  }
  return pending;
}
