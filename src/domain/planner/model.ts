// Turns a validated planning request into the compact instance the search works on:
// regions sorted by code, needs as "elements" with capped contributions, eligibility and
// preprocessing applied (capital-area and excluded regions dropped; useless and dominated
// regions dropped when contiguity is off; dangling useless regions and hopeless components
// dropped when it is on).

import type { CandidateRegion, NeedRef, PlanningObjective, PlanningRequest } from './types.ts';

/** Relative tolerance for "sum reaches min" and objective ties. */
export const EPS = 1e-9;

export function meets(sum: number, min: number): boolean {
  return sum >= min - EPS * Math.max(1, Math.abs(min));
}

export function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= EPS * Math.max(1, Math.abs(a), Math.abs(b));
}

export interface NeedElement {
  id: string;
  ref: NeedRef;
  /** Requirement: the capability min, or 1 for a stage / exemption / forced include. */
  min: number;
  /** Path of the need in the request, a JSON pointer. */
  path: string;
}

export interface ObjectiveWeights {
  weightCount: number;
  weightCost: number;
}

export function objectiveWeights(objective: PlanningObjective): ObjectiveWeights {
  if (objective === 'fewest') return { weightCount: 1, weightCost: 0 };
  if (objective === 'cost') return { weightCount: 0, weightCost: 1 };
  return { weightCount: objective.weightCount, weightCost: objective.weightCost };
}

/** Primary objective value of a set with `count` regions and summed `cost`. */
export function primaryValue(w: ObjectiveWeights, count: number, cost: number): number {
  return w.weightCount * count + w.weightCost * cost;
}

/** Tie-break value: cost when the objective ignores cost, otherwise the region count. */
export function secondaryValue(w: ObjectiveWeights, count: number, cost: number): number {
  return w.weightCost === 0 ? cost : count;
}

/** The needs of a request as elements, in request order (capabilities with min 0 are trivially met). */
export function needElements(request: PlanningRequest): NeedElement[] {
  const out: NeedElement[] = [];
  request.needs.capabilities.forEach((c, i) => {
    out.push({ id: `capability:${c.key}`, ref: { kind: 'capability', key: c.key, min: c.min }, min: c.min, path: `/needs/capabilities/${i}` });
  });
  request.needs.stages.forEach((s, i) => {
    out.push({ id: `stage:${s}`, ref: { kind: 'stage', key: s }, min: 1, path: `/needs/stages/${i}` });
  });
  request.needs.exemptions.forEach((s, i) => {
    out.push({ id: `exemption:${s}`, ref: { kind: 'exemption', key: s }, min: 1, path: `/needs/exemptions/${i}` });
  });
  return out;
}

/** Raw (uncapped) contribution of a region to a need. */
export function contribution(region: CandidateRegion, ref: NeedRef): number {
  if (ref.kind === 'capability') return region.capabilities[ref.key] ?? 0;
  if (ref.kind === 'stage') return region.stages.includes(ref.key) ? 1 : 0;
  return region.exemptions.includes(ref.key) ? 1 : 0;
}

export interface Instance {
  n: number;
  /** Active region codes, sorted. */
  codes: string[];
  /** The active regions' request data, same order. */
  regions: CandidateRegion[];
  /** Elements 0..realElements-1 are needs with min > 0; the rest are forced includes (contiguous). */
  elements: NeedElement[];
  realElements: number;
  E: number;
  elemMin: Float64Array;
  /** Per region: the elements it contributes to and its contribution capped at the element's min (CSR). */
  vStart: Int32Array;
  vElem: Int32Array;
  vQ: Float64Array;
  /** Per element: its hosts, by capped contribution descending then index (CSR). */
  eStart: Int32Array;
  eHost: Int32Array;
  eQ: Float64Array;
  /** Primary and secondary objective weight of each region, and its cost. */
  wP: Float64Array;
  wS: Float64Array;
  cost: Float64Array;
  weights: ObjectiveWeights;
  /** Adjacency among active regions (CSR, neighbours sorted). */
  adjStart: Int32Array;
  adj: Int32Array;
  /** Regions in the starting set: every include (non-contiguous) or the first include (contiguous). */
  start: number[];
  isInclude: Uint8Array;
  K: number;
  contiguous: boolean;
}

export interface PreprocessStats {
  candidates: number;
  eligible: number;
  removedCapitalArea: number;
  removedExcluded: number;
  removedUseless: number;
  removedDominated: number;
  removedUnreachable: number;
}

export interface EligibleGraph {
  /** Candidate regions sorted by code. */
  sorted: CandidateRegion[];
  index: Map<string, number>;
  eligible: Uint8Array;
  /** Adjacency over all candidates (sorted indices), both directions, deduplicated. */
  neighbours: number[][];
  capitalRemoved: number;
  excludedRemoved: number;
}

export function eligibleGraph(request: PlanningRequest): EligibleGraph {
  const sorted = [...request.regions].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const index = new Map<string, number>();
  sorted.forEach((r, i) => index.set(r.code, i));
  const excluded = new Set(request.exclude);
  const eligible = new Uint8Array(sorted.length);
  let capitalRemoved = 0;
  let excludedRemoved = 0;
  sorted.forEach((r, i) => {
    if (excluded.has(r.code)) excludedRemoved++;
    else if (r.capitalArea && !request.allowCapitalArea) capitalRemoved++;
    else eligible[i] = 1;
  });
  const sets: Set<number>[] = sorted.map(() => new Set<number>());
  for (const link of request.links) {
    const a = index.get(link.a);
    const b = index.get(link.b);
    if (a === undefined || b === undefined || a === b) continue;
    sets[a]!.add(b);
    sets[b]!.add(a);
  }
  const neighbours = sets.map((s) => [...s].sort((x, y) => x - y));
  return { sorted, index, eligible, neighbours, capitalRemoved, excludedRemoved };
}

/** Connected components of the eligible regions (component id per sorted index, -1 if ineligible). */
export function components(g: EligibleGraph): Int32Array {
  const comp = new Int32Array(g.sorted.length).fill(-1);
  let next = 0;
  for (let s = 0; s < g.sorted.length; s++) {
    if (!g.eligible[s] || comp[s] !== -1) continue;
    const queue = [s];
    comp[s] = next;
    while (queue.length > 0) {
      const v = queue.pop()!;
      for (const w of g.neighbours[v]!) {
        if (g.eligible[w] && comp[w] === -1) {
          comp[w] = next;
          queue.push(w);
        }
      }
    }
    next++;
  }
  return comp;
}

/**
 * Builds the search instance. Assumes the request is valid and that the diagnosis found
 * no infeasibility reason (includes eligible, connected when contiguous).
 */
export function buildInstance(request: PlanningRequest, g: EligibleGraph, keepAlternatives: boolean): { instance: Instance; stats: PreprocessStats } {
  const weights = objectiveWeights(request.objective);
  const needs = needElements(request).filter((e) => e.min > 0);
  const m = g.sorted.length;
  const includeSet = new Set(request.include);
  const alive = Uint8Array.from(g.eligible);
  const eligibleCount = alive.reduce((s, x) => s + x, 0);

  // raw contribution of every candidate to every need, computed once
  const R = needs.length;
  const raw = new Float64Array(m * R);
  const useful = new Uint8Array(m);
  for (let i = 0; i < m; i++) {
    const region = g.sorted[i]!;
    for (let e = 0; e < R; e++) {
      const q = contribution(region, needs[e]!.ref);
      raw[i * R + e] = q;
      if (q > 0) useful[i] = 1;
    }
  }
  const contributes = (i: number): boolean => useful[i] === 1;
  let removedUseless = 0;
  let removedDominated = 0;
  let removedUnreachable = 0;

  if (!request.contiguous) {
    for (let i = 0; i < m; i++) {
      if (alive[i] && !includeSet.has(g.sorted[i]!.code) && !contributes(i)) {
        alive[i] = 0;
        removedUseless++;
      }
    }
    if (!keepAlternatives) removedDominated = removeDominated(g, needs, raw, alive, includeSet, weights);
  } else {
    // keep only components that can host every need (or the includes' component)
    const comp = components(g);
    const keep = new Set<number>();
    if (request.include.length > 0) {
      keep.add(comp[g.index.get(request.include[0]!)!]!);
    } else {
      const ids = new Set<number>();
      for (let i = 0; i < m; i++) if (alive[i]) ids.add(comp[i]!);
      for (const c of ids) {
        const ok = needs.every((e, j) => {
          let sum = 0;
          for (let i = 0; i < m; i++) if (alive[i] && comp[i] === c) sum += raw[i * R + j]!;
          return meets(sum, e.min);
        });
        if (ok) keep.add(c);
      }
    }
    for (let i = 0; i < m; i++) {
      if (alive[i] && !keep.has(comp[i]!)) {
        alive[i] = 0;
        removedUnreachable++;
      }
    }
    // iteratively drop useless regions of degree <= 1: they are never in an irredundant connected answer
    const degree = new Int32Array(m);
    for (let i = 0; i < m; i++) if (alive[i]) for (const w of g.neighbours[i]!) if (alive[w]) degree[i]!++;
    const useless = (i: number): boolean => !includeSet.has(g.sorted[i]!.code) && !contributes(i);
    const stack: number[] = [];
    for (let i = 0; i < m; i++) if (alive[i] && degree[i]! <= 1 && useless(i)) stack.push(i);
    while (stack.length > 0) {
      const v = stack.pop()!;
      if (!alive[v]) continue;
      alive[v] = 0;
      removedUseless++;
      for (const w of g.neighbours[v]!) {
        if (!alive[w]) continue;
        degree[w]!--;
        if (degree[w]! <= 1 && useless(w)) stack.push(w);
      }
    }
  }

  // compact
  const map = new Int32Array(m).fill(-1);
  const regions: CandidateRegion[] = [];
  const origin: number[] = [];
  for (let i = 0; i < m; i++) {
    if (alive[i]) {
      map[i] = regions.length;
      regions.push(g.sorted[i]!);
      origin.push(i);
    }
  }
  const n = regions.length;
  const codes = regions.map((r) => r.code);
  const elements: NeedElement[] = [...needs];
  const start: number[] = [];
  const isInclude = new Uint8Array(n);
  const includeIdx = [...includeSet].map((c) => map[g.index.get(c)!]!).filter((x) => x >= 0).sort((a, b) => a - b);
  for (const v of includeIdx) isInclude[v] = 1;
  if (request.contiguous) {
    if (includeIdx.length > 0) start.push(includeIdx[0]!);
    for (const v of includeIdx.slice(1)) {
      elements.push({ id: `include:${codes[v]}`, ref: { kind: 'stage', key: `include:${codes[v]}` }, min: 1, path: '/include' });
    }
  } else {
    start.push(...includeIdx);
  }
  const E = elements.length;
  const elemMin = Float64Array.from(elements.map((e) => e.min));

  const vStartArr: number[] = [0];
  const vElemArr: number[] = [];
  const vQArr: number[] = [];
  const perElem: { v: number; q: number }[][] = elements.map(() => []);
  for (let v = 0; v < n; v++) {
    for (let e = 0; e < E; e++) {
      const el = elements[e]!;
      let q: number;
      if (e >= R) q = el.id === `include:${codes[v]}` ? 1 : 0;
      else q = Math.min(raw[origin[v]! * R + e]!, el.min);
      if (q > 0) {
        vElemArr.push(e);
        vQArr.push(q);
        perElem[e]!.push({ v, q });
      }
    }
    vStartArr.push(vElemArr.length);
  }
  const eStartArr: number[] = [0];
  const eHostArr: number[] = [];
  const eQArr: number[] = [];
  for (let e = 0; e < E; e++) {
    const list = perElem[e]!.sort((a, b) => b.q - a.q || a.v - b.v);
    for (const { v, q } of list) {
      eHostArr.push(v);
      eQArr.push(q);
    }
    eStartArr.push(eHostArr.length);
  }

  const adjStartArr: number[] = [0];
  const adjArr: number[] = [];
  for (let v = 0; v < n; v++) {
    const list = g.neighbours[origin[v]!]!.map((w) => map[w]!).filter((w) => w >= 0).sort((a, b) => a - b);
    adjArr.push(...list);
    adjStartArr.push(adjArr.length);
  }

  const cost = Float64Array.from(regions.map((r) => r.cost));
  const wP = Float64Array.from(regions.map((r) => primaryValue(weights, 1, r.cost)));
  const wS = Float64Array.from(regions.map((r) => secondaryValue(weights, 1, r.cost)));
  const K = request.maxRegions ?? n;

  const instance: Instance = {
    n, codes, regions, elements, realElements: needs.length, E, elemMin,
    vStart: Int32Array.from(vStartArr), vElem: Int32Array.from(vElemArr), vQ: Float64Array.from(vQArr),
    eStart: Int32Array.from(eStartArr), eHost: Int32Array.from(eHostArr), eQ: Float64Array.from(eQArr),
    wP, wS, cost, weights,
    adjStart: Int32Array.from(adjStartArr), adj: Int32Array.from(adjArr),
    start, isInclude, K: Math.min(K, Math.max(n, 1)), contiguous: request.contiguous,
  };
  const stats: PreprocessStats = {
    candidates: m,
    eligible: eligibleCount,
    removedCapitalArea: g.capitalRemoved,
    removedExcluded: g.excludedRemoved,
    removedUseless,
    removedDominated,
    removedUnreachable,
  };
  return { instance, stats };
}

/**
 * Drops region a when another region b makes it pointless: a contributes to no capability
 * need, b covers every stage/exemption a covers, and b is no worse on the primary and the
 * tie-break weights (ties: the larger code goes). Valid only without contiguity and when no
 * alternatives are asked (a dominated region may be part of the next-best answer).
 */
function removeDominated(
  g: EligibleGraph, needs: { ref: NeedRef }[], raw: Float64Array, alive: Uint8Array, includeSet: Set<string>, w: ObjectiveWeights,
): number {
  const m = g.sorted.length;
  const R = needs.length;
  const cover: number[] = []; // stage/exemption needs covered, as a bit set (needs beyond 30 are ignored: no removal)
  const hasCapability = new Uint8Array(m);
  const tooMany = new Uint8Array(m);
  for (let i = 0; i < m; i++) {
    let bits = 0;
    let setIdx = 0;
    for (let j = 0; j < R; j++) {
      const ref = needs[j]!.ref;
      if (ref.kind === 'capability') {
        if (raw[i * R + j]! > 0) hasCapability[i] = 1;
        continue;
      }
      if (raw[i * R + j]! > 0) {
        if (setIdx < 30) bits |= 1 << setIdx;
        else tooMany[i] = 1;
      }
      setIdx++;
    }
    cover.push(bits);
  }
  const popcount = (x: number): number => {
    let c = 0;
    for (let y = x; y !== 0; y &= y - 1) c++;
    return c;
  };
  let removed = 0;
  const cand: number[] = [];
  for (let i = 0; i < m; i++) if (alive[i]) cand.push(i);
  for (const a of cand) {
    if (hasCapability[a] || tooMany[a] || includeSet.has(g.sorted[a]!.code)) continue;
    const pa = primaryValue(w, 1, g.sorted[a]!.cost);
    const sa = secondaryValue(w, 1, g.sorted[a]!.cost);
    const setA = cover[a]!;
    for (const b of cand) {
      if (b === a || !alive[b]) continue;
      const setB = cover[b]!;
      if ((setA & setB) !== setA) continue;
      const pb = primaryValue(w, 1, g.sorted[b]!.cost);
      const sb = secondaryValue(w, 1, g.sorted[b]!.cost);
      if (pb > pa || sb > sa) continue;
      const strict = pb < pa || sb < sa || popcount(setB) > popcount(setA) || tooMany[b] === 1;
      if (strict || b < a) {
        alive[a] = 0;
        removed++;
        break;
      }
    }
  }
  return removed;
}
