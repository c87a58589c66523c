// Brute-force reference for tests only: enumerates every subset of the eligible candidates
// (at most 14 of them), keeps the feasible irredundant ones and sorts them the way the
// planner does (primary objective, tie-break value, then codes). No pruning, no cleverness.

import {
  contribution, eligibleGraph, meets, needElements, objectiveWeights, primaryValue, sameValue, secondaryValue,
} from './model.ts';
import type { PlanningRequest } from './types.ts';

export interface ReferenceAnswer {
  regions: string[];
  p: number;
  s: number;
}

export const REFERENCE_MAX_REGIONS = 14;

export function referenceSolve(request: PlanningRequest): ReferenceAnswer[] {
  const g = eligibleGraph(request);
  const cand: number[] = [];
  g.sorted.forEach((_, i) => {
    if (g.eligible[i]) cand.push(i);
  });
  if (cand.length > REFERENCE_MAX_REGIONS) throw new Error(`reference solver: ${cand.length} eligible regions (max ${REFERENCE_MAX_REGIONS})`);
  const include = new Set(request.include);
  for (const code of include) {
    const i = g.index.get(code);
    if (i === undefined || !g.eligible[i]) return [];
  }
  const needs = needElements(request).filter((e) => e.min > 0);
  const w = objectiveWeights(request.objective);
  const k = request.maxRegions ?? Number.POSITIVE_INFINITY;
  const m = cand.length;

  const covers = (members: number[]): boolean =>
    needs.every((e) => meets(members.reduce((s, i) => s + contribution(g.sorted[i]!, e.ref), 0), e.min));
  const connected = (members: number[]): boolean => {
    if (members.length <= 1) return true;
    const set = new Set(members);
    const seen = new Set([members[0]!]);
    const stack = [members[0]!];
    while (stack.length > 0) {
      const v = stack.pop()!;
      for (const x of g.neighbours[v]!) if (set.has(x) && !seen.has(x)) {
        seen.add(x);
        stack.push(x);
      }
    }
    return seen.size === members.length;
  };
  const feasible = (members: number[]): boolean =>
    members.length > 0 && members.length <= k && covers(members) && (!request.contiguous || connected(members));

  const out: ReferenceAnswer[] = [];
  for (let mask = 1; mask < 1 << m; mask++) {
    const members: number[] = [];
    for (let j = 0; j < m; j++) if (mask & (1 << j)) members.push(cand[j]!);
    if (![...include].every((c) => members.includes(g.index.get(c)!))) continue;
    if (!feasible(members)) continue;
    const redundant = members.some((v) => !include.has(g.sorted[v]!.code) && feasible(members.filter((x) => x !== v)));
    if (redundant) continue;
    const cost = members.reduce((s, i) => s + g.sorted[i]!.cost, 0);
    out.push({
      regions: members.map((i) => g.sorted[i]!.code),
      p: primaryValue(w, members.length, cost),
      s: secondaryValue(w, members.length, cost),
    });
  }
  out.sort((a, b) => {
    if (!sameValue(a.p, b.p)) return a.p - b.p;
    if (!sameValue(a.s, b.s)) return a.s - b.s;
    const x = a.regions.join(',');
    const y = b.regions.join(',');
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return out;
}
