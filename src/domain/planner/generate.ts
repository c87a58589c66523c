// Seeded instance generators for the planner's tests and benchmark: grids, random planar
// graphs and synthetic region attributes. Deterministic for a given seed.

import type { CandidateRegion, PlanningObjective, PlanningRequest, RegionAdjacency } from './types.ts';

/** mulberry32: small, fast, good enough for test data. Returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randInt(rng: () => number, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

export function pick<T>(rng: () => number, items: readonly T[], count: number): T[] {
  const copy = [...items];
  const out: T[] = [];
  while (out.length < count && copy.length > 0) out.push(copy.splice(Math.floor(rng() * copy.length), 1)[0]!);
  return out;
}

export interface Graph {
  codes: string[];
  links: RegionAdjacency[];
}

function code(i: number): string {
  return `R${String(i).padStart(3, '0')}`;
}

/** rows × cols grid, some diagonals added (triangulated cells) and a few edges dropped. */
export function gridGraph(rows: number, cols: number, rng: () => number, opts: { diagonal?: number; drop?: number } = {}): Graph {
  const diagonal = opts.diagonal ?? 0.3;
  const drop = opts.drop ?? 0.05;
  const codes = Array.from({ length: rows * cols }, (_, i) => code(i));
  const links: RegionAdjacency[] = [];
  const id = (r: number, c: number): string => codes[r * cols + c]!;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && rng() >= drop) links.push({ a: id(r, c), b: id(r, c + 1) });
      if (r + 1 < rows && rng() >= drop) links.push({ a: id(r, c), b: id(r + 1, c) });
      if (r + 1 < rows && c + 1 < cols && rng() < diagonal) links.push({ a: id(r, c), b: id(r + 1, c + 1) });
    }
  }
  return { codes, links };
}

function segmentsCross(p: number[], q: number[], r: number[], s: number[]): boolean {
  const orient = (a: number[], b: number[], c: number[]): number => (b[0]! - a[0]!) * (c[1]! - a[1]!) - (b[1]! - a[1]!) * (c[0]! - a[0]!);
  const d1 = orient(r, s, p);
  const d2 = orient(r, s, q);
  const d3 = orient(p, q, r);
  const d4 = orient(p, q, s);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

/**
 * Random planar graph: points in the unit square, each joined to its nearest neighbours
 * when the segment crosses no existing one (shortest candidates first), then components
 * joined by their closest pair. Average degree ≈ 5, like municipality borders.
 */
export function planarGraph(n: number, rng: () => number, neighbours = 6): Graph {
  const pts = Array.from({ length: n }, () => [rng(), rng()]);
  const codes = Array.from({ length: n }, (_, i) => code(i));
  const cand: { a: number; b: number; d: number }[] = [];
  for (let i = 0; i < n; i++) {
    const near = pts
      .map((p, j) => ({ j, d: (p[0]! - pts[i]![0]!) ** 2 + (p[1]! - pts[i]![1]!) ** 2 }))
      .filter((x) => x.j !== i)
      .sort((x, y) => x.d - y.d)
      .slice(0, neighbours);
    for (const x of near) if (i < x.j) cand.push({ a: i, b: x.j, d: x.d });
      else cand.push({ a: x.j, b: i, d: x.d });
  }
  cand.sort((x, y) => x.d - y.d || x.a - y.a || x.b - y.b);
  const edges: [number, number][] = [];
  const seen = new Set<string>();
  for (const { a, b } of cand) {
    const key = `${a}-${b}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const crosses = edges.some(([u, v]) => u !== a && u !== b && v !== a && v !== b && segmentsCross(pts[a]!, pts[b]!, pts[u]!, pts[v]!));
    if (!crosses) edges.push([a, b]);
  }
  // join components
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
  for (const [a, b] of edges) parent[find(a)] = find(b);
  for (;;) {
    const roots = [...new Set(parent.map((_, i) => find(i)))];
    if (roots.length <= 1) break;
    const first = roots[0]!;
    let best: [number, number, number] = [-1, -1, Infinity];
    for (let i = 0; i < n; i++) {
      if (find(i) !== first) continue;
      for (let j = 0; j < n; j++) {
        if (find(j) === first) continue;
        const d = (pts[i]![0]! - pts[j]![0]!) ** 2 + (pts[i]![1]! - pts[j]![1]!) ** 2;
        if (d < best[2]) best = [i, j, d];
      }
    }
    edges.push([best[0], best[1]]);
    parent[find(best[0])] = find(best[1]);
  }
  return { codes, links: edges.map(([a, b]) => ({ a: codes[a]!, b: codes[b]! })) };
}

export interface AttributeOptions {
  capabilityKeys: string[];
  stageKeys: string[];
  exemptionKeys: string[];
  /** Probability that a region has a given capability / stage / exemption. */
  capabilityRate?: number;
  stageRate?: number;
  exemptionRate?: number;
  maxQuantity?: number;
  /** Cost range (integers). */
  cost?: [number, number];
  capitalArea?: (code: string, index: number) => boolean;
}

export const CAPABILITIES = ['testbed', 'port', 'lab', 'grid', 'datacenter', 'airfield', 'hydrogen', 'factory', 'hospital', 'farm'];
export const STAGES = ['rnd', 'materials', 'production', 'testing', 'logistics', 'sales', 'recycling'];
export const EXEMPTIONS = ['drone-bvlos', 'av-road', 'h2-station', 'telemed', 'data-sharing', 'ev-charging', 'smart-farm', 'ship-auto'];

export function synthRegions(codes: string[], rng: () => number, opts: AttributeOptions): CandidateRegion[] {
  const capRate = opts.capabilityRate ?? 0.3;
  const stageRate = opts.stageRate ?? 0.2;
  const exRate = opts.exemptionRate ?? 0.1;
  const maxQ = opts.maxQuantity ?? 10;
  const [c0, c1] = opts.cost ?? [1, 100];
  return codes.map((code, i) => {
    const capabilities: Record<string, number> = {};
    for (const k of opts.capabilityKeys) if (rng() < capRate) capabilities[k] = randInt(rng, 1, maxQ);
    return {
      code,
      capitalArea: opts.capitalArea ? opts.capitalArea(code, i) : false,
      cost: randInt(rng, c0, c1),
      capabilities,
      stages: opts.stageKeys.filter(() => rng() < stageRate),
      exemptions: opts.exemptionKeys.filter(() => rng() < exRate),
    };
  });
}

export interface RequestOptions {
  capabilities: number;
  stages: number;
  exemptions: number;
  /** Capability min as a share of the eligible total. */
  minShare?: [number, number];
  contiguous: boolean;
  maxRegions?: number;
  objective: PlanningObjective;
  include?: number;
  exclude?: number;
  allowCapitalArea?: boolean;
  timeLimitMs?: number;
  alternatives?: number;
}

/** A request over the given regions; needs are drawn among the keys the regions actually have. */
export function randomRequest(regions: CandidateRegion[], links: RegionAdjacency[], rng: () => number, o: RequestOptions): PlanningRequest {
  const eligible = regions.filter((r) => o.allowCapitalArea || !r.capitalArea);
  const capKeys = [...new Set(eligible.flatMap((r) => Object.keys(r.capabilities)))].sort();
  const stageKeys = [...new Set(eligible.flatMap((r) => r.stages))].sort();
  const exKeys = [...new Set(eligible.flatMap((r) => r.exemptions))].sort();
  const [s0, s1] = o.minShare ?? [0.05, 0.2];
  const capabilities = pick(rng, capKeys, o.capabilities).map((key) => {
    const total = eligible.reduce((s, r) => s + (r.capabilities[key] ?? 0), 0);
    return { key, min: Math.max(1, Math.round(total * (s0 + rng() * (s1 - s0)))) };
  });
  const include = pick(rng, eligible.map((r) => r.code), o.include ?? 0);
  const exclude = pick(rng, regions.map((r) => r.code).filter((c) => !include.includes(c)), o.exclude ?? 0);
  const req: PlanningRequest = {
    regions,
    links,
    needs: {
      capabilities,
      stages: pick(rng, stageKeys, o.stages),
      exemptions: pick(rng, exKeys, o.exemptions),
    },
    include,
    exclude,
    allowCapitalArea: o.allowCapitalArea ?? false,
    contiguous: o.contiguous,
    objective: o.objective,
  };
  if (o.maxRegions !== undefined) req.maxRegions = Math.max(o.maxRegions, include.length);
  if (o.timeLimitMs !== undefined) req.timeLimitMs = o.timeLimitMs;
  if (o.alternatives !== undefined) req.alternatives = o.alternatives;
  return req;
}

export interface PlantedOptions {
  /** Size of the connected set the needs are drawn from. */
  size: number;
  capabilities: number;
  stages: number;
  exemptions: number;
  /** Capability min as a share of the planted set's total. */
  share?: [number, number];
  contiguous: boolean;
  maxRegions?: number;
  objective: PlanningObjective;
  timeLimitMs?: number;
  alternatives?: number;
}

/**
 * A request whose needs are drawn from a connected set of `size` eligible regions grown from a
 * random centre, so it has at least one connected answer of that size; the optimum is often smaller.
 */
export function plantedRequest(regions: CandidateRegion[], links: RegionAdjacency[], rng: () => number, o: PlantedOptions): PlanningRequest {
  const eligible = regions.filter((r) => !r.capitalArea);
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const adj = new Map<string, string[]>();
  for (const { a, b } of links) {
    if (!adj.has(a)) adj.set(a, []);
    if (!adj.has(b)) adj.set(b, []);
    adj.get(a)!.push(b);
    adj.get(b)!.push(a);
  }
  const centre = eligible[Math.floor(rng() * eligible.length)]!;
  const planted = [centre.code];
  const frontier = new Set<string>();
  const grow = (code: string): void => {
    for (const w of adj.get(code) ?? []) if (!planted.includes(w) && !byCode.get(w)?.capitalArea) frontier.add(w);
  };
  grow(centre.code);
  while (planted.length < o.size && frontier.size > 0) {
    const list = [...frontier].sort();
    const next = list[Math.floor(rng() * list.length)]!;
    frontier.delete(next);
    planted.push(next);
    grow(next);
  }
  const set = planted.map((c) => byCode.get(c)!);
  const [s0, s1] = o.share ?? [0.5, 1];
  const capKeys = [...new Set(set.flatMap((r) => Object.keys(r.capabilities)))].sort();
  const capabilities = pick(rng, capKeys, o.capabilities).map((key) => {
    const total = set.reduce((s, r) => s + (r.capabilities[key] ?? 0), 0);
    return { key, min: Math.max(1, Math.round(total * (s0 + rng() * (s1 - s0)))) };
  });
  const req: PlanningRequest = {
    regions,
    links,
    needs: {
      capabilities,
      stages: pick(rng, [...new Set(set.flatMap((r) => r.stages))].sort(), o.stages),
      exemptions: pick(rng, [...new Set(set.flatMap((r) => r.exemptions))].sort(), o.exemptions),
    },
    include: [],
    exclude: [],
    allowCapitalArea: false,
    contiguous: o.contiguous,
    objective: o.objective,
  };
  if (o.maxRegions !== undefined) req.maxRegions = o.maxRegions;
  if (o.timeLimitMs !== undefined) req.timeLimitMs = o.timeLimitMs;
  if (o.alternatives !== undefined) req.alternatives = o.alternatives;
  return req;
}
