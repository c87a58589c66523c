/**
 * Point-in-area tests for geofence rules, precompiled for speed.
 *
 * Boundary rule: a point ON the boundary — a vertex or an edge of the outer ring or of a hole —
 * counts as INSIDE the area. Strictly inside a hole is outside. A multipolygon contains a point
 * when any of its polygons does. Coordinates are planar lon/lat (no antimeridian handling; Korea
 * does not need it).
 *
 * For each polygon the edges are sorted into horizontal bands (CSR layout over Float64Array), so a
 * ray cast looks only at the few edges whose latitude span covers the point. The tests themselves
 * are division-free (the sign of a cross product), so they are exact for coordinates whose
 * products are exactly representable, and otherwise agree with the plain formula in
 * `reference.ts` bit for bit.
 */
import type { AreaGeometry, PolygonCoordinates } from './rules.ts';

export interface CompiledArea {
  /** Whether (lon, lat) lies inside the area or on its boundary. */
  contains(lon: number, lat: number): boolean;
  /** [minLon, minLat, maxLon, maxLat] over all polygons. */
  readonly bbox: readonly [number, number, number, number];
  readonly edgeCount: number;
}

const MAX_BANDS = 4096;

class BandedArea implements CompiledArea {
  readonly bbox: readonly [number, number, number, number];
  readonly edgeCount: number;
  /** Per polygon: minLon, minLat, maxLon, maxLat. */
  private readonly polyBox: Float64Array;
  /** Per polygon: scale from (lat - minLat) to band number, band count, first band slot. */
  private readonly polyInv: Float64Array;
  private readonly polyBands: Int32Array;
  private readonly polyBase: Int32Array;
  /** Band slot → first entry; entries are edges [x1, y1, x2, y2] with their ring number (0 = outer). */
  private readonly bandStart: Int32Array;
  private readonly edges: Float64Array;
  private readonly rings: Int32Array;
  private readonly polygonCount: number;

  constructor(polygons: readonly PolygonCoordinates[]) {
    const P = polygons.length;
    this.polygonCount = P;
    this.polyBox = new Float64Array(P * 4);
    this.polyInv = new Float64Array(P);
    this.polyBands = new Int32Array(P);
    this.polyBase = new Int32Array(P);
    let totalBands = 0;
    let edgeCount = 0;
    const bands: number[][][] = [];
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    polygons.forEach((polygon, p) => {
      let pMinX = Infinity;
      let pMinY = Infinity;
      let pMaxX = -Infinity;
      let pMaxY = -Infinity;
      let edges = 0;
      for (const ring of polygon) {
        edges += Math.max(0, ring.length - 1);
        for (const [x, y] of ring) {
          if (x < pMinX) pMinX = x;
          if (x > pMaxX) pMaxX = x;
          if (y < pMinY) pMinY = y;
          if (y > pMaxY) pMaxY = y;
        }
      }
      edgeCount += edges;
      const nb = Math.max(1, Math.min(MAX_BANDS, edges));
      const height = pMaxY - pMinY;
      const inv = height > 0 ? nb / height : 0;
      this.polyBox.set([pMinX, pMinY, pMaxX, pMaxY], p * 4);
      this.polyInv[p] = inv;
      this.polyBands[p] = nb;
      this.polyBase[p] = totalBands;
      totalBands += nb;
      minX = Math.min(minX, pMinX);
      minY = Math.min(minY, pMinY);
      maxX = Math.max(maxX, pMaxX);
      maxY = Math.max(maxY, pMaxY);
      // Same band function as contains(): monotone in y, so an edge is listed in every band a
      // point of its latitude span can fall into.
      const bandOf = (y: number): number => Math.min(nb - 1, Math.floor((y - pMinY) * inv));
      const lists: number[][] = Array.from({ length: nb }, () => []);
      polygon.forEach((ring, r) => {
        for (let i = 0; i + 1 < ring.length; i += 1) {
          const [x1, y1] = ring[i]!;
          const [x2, y2] = ring[i + 1]!;
          const b1 = bandOf(Math.max(y1, y2));
          for (let b = bandOf(Math.min(y1, y2)); b <= b1; b += 1) lists[b]!.push(x1, y1, x2, y2, r);
        }
      });
      bands.push(lists);
    });
    this.edgeCount = edgeCount;
    this.bbox = [minX, minY, maxX, maxY];
    let entries = 0;
    for (const lists of bands) for (const l of lists) entries += l.length / 5;
    this.bandStart = new Int32Array(totalBands + 1);
    this.edges = new Float64Array(entries * 4);
    this.rings = new Int32Array(entries);
    let slot = 0;
    let e = 0;
    for (const lists of bands) {
      for (const l of lists) {
        this.bandStart[slot] = e;
        slot += 1;
        for (let k = 0; k < l.length; k += 5) {
          this.edges.set([l[k]!, l[k + 1]!, l[k + 2]!, l[k + 3]!], e * 4);
          this.rings[e] = l[k + 4]!;
          e += 1;
        }
      }
    }
    this.bandStart[slot] = e;
  }

  contains(x: number, y: number): boolean {
    const box = this.polyBox;
    for (let p = 0; p < this.polygonCount; p += 1) {
      const o = p * 4;
      if (x < box[o]! || y < box[o + 1]! || x > box[o + 2]! || y > box[o + 3]!) continue;
      if (this.inPolygon(p, x, y)) return true;
    }
    return false;
  }

  private inPolygon(p: number, x: number, y: number): boolean {
    const nb = this.polyBands[p]!;
    let b = Math.floor((y - this.polyBox[p * 4 + 1]!) * this.polyInv[p]!);
    if (b >= nb) b = nb - 1;
    const slot = this.polyBase[p]! + b;
    const end = this.bandStart[slot + 1]!;
    const E = this.edges;
    const R = this.rings;
    let ring = -1;
    let parity = 0;
    let outer = false;
    let hole = false;
    for (let k = this.bandStart[slot]!; k < end; k += 1) {
      const r = R[k]!;
      if (r !== ring) {
        if (parity !== 0) {
          if (ring === 0) outer = true;
          else hole = true;
        }
        ring = r;
        parity = 0;
      }
      const j = k * 4;
      const y1 = E[j + 1]!;
      const y2 = E[j + 3]!;
      if (y1 > y ? y2 > y : y1 < y && y2 < y) continue; // latitude span misses the point
      const x1 = E[j]!;
      const x2 = E[j + 2]!;
      const cross = (x2 - x1) * (y - y1) - (x - x1) * (y2 - y1);
      if (cross === 0 && (x1 <= x2 ? x1 <= x && x <= x2 : x2 <= x && x <= x1)) return true; // on the boundary
      if (y1 > y !== y2 > y && (y2 > y1 ? cross > 0 : cross < 0)) parity ^= 1; // edge crosses the ray to the east
    }
    if (parity !== 0) {
      if (ring === 0) outer = true;
      else hole = true;
    }
    return outer && !hole;
  }
}

/** Compiles a validated Polygon / MultiPolygon (lon, lat) for fast containment tests. */
export function compileArea(area: AreaGeometry): CompiledArea {
  return new BandedArea(area.type === 'Polygon' ? [area.coordinates] : area.coordinates);
}
