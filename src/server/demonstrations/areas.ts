// The polygons of municipalities (KOSTAT 2018 boundaries, data/geo) as one area: a project's sites, the
// geofence of the conditions of the exemptions it uses.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MultiPolygonGeometry, PolygonCoordinates } from '../../domain/compliance/rules.ts';

const FILE = fileURLToPath(new URL('../../../data/geo/skorea-municipalities-2018-topo-simple.json', import.meta.url));
let polygons: Map<string, PolygonCoordinates[]> | null = null;

function load(): Map<string, PolygonCoordinates[]> {
  const topology = JSON.parse(readFileSync(FILE, 'utf8')) as Topology;
  const collection = feature(topology, topology.objects.skorea_municipalities_2018_geo as GeometryCollection<{ code: string }>);
  const out = new Map<string, PolygonCoordinates[]>();
  for (const f of collection.features) {
    const g = f.geometry;
    const list = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    out.set(f.properties.code, list as unknown as PolygonCoordinates[]);
  }
  return out;
}

/** The municipalities' polygons as one MultiPolygon (null when none is known). */
export function municipalitiesArea(codes: readonly string[]): MultiPolygonGeometry | null {
  polygons ??= load();
  const coordinates = codes.flatMap((c) => polygons!.get(c) ?? []);
  return coordinates.length === 0 ? null : { type: 'MultiPolygon', coordinates };
}
