// Infeasibility diagnosis: the reasons a request cannot be met that can be named before
// searching (a need no eligible region can meet, includes that cannot be joined, k below
// what one need alone requires). Each reason says which need or constraint and why.

import { components, contribution, meets, needElements, type EligibleGraph, type NeedElement } from './model.ts';
import type { InfeasibilityReason, PlanningRequest } from './types.ts';

function needLabel(e: NeedElement): string {
  return e.ref.kind === 'capability' ? `capability ${e.ref.key} (min ${e.ref.min})` : `${e.ref.kind} ${e.ref.key}`;
}

/** Fewest regions among `pool` whose contributions reach `residual` (largest first). */
function fewestToReach(values: number[], residual: number): number {
  if (meets(0, residual)) return 0;
  const sorted = [...values].sort((a, b) => b - a);
  let sum = 0;
  for (let i = 0; i < sorted.length; i++) {
    sum += sorted[i]!;
    if (meets(sum, residual)) return i + 1;
  }
  return Number.POSITIVE_INFINITY;
}

export function diagnose(request: PlanningRequest, g: EligibleGraph): InfeasibilityReason[] {
  const reasons: InfeasibilityReason[] = [];
  const needs = needElements(request).filter((e) => e.min > 0);
  const excluded = new Set(request.exclude);
  const include = [...new Set(request.include)];
  const includeIdx = include.map((c) => g.index.get(c)!);

  include.forEach((code) => {
    const i = g.index.get(code)!;
    if (!g.eligible[i]) {
      reasons.push({
        code: 'include_ineligible',
        path: `/include/${request.include.indexOf(code)}`,
        params: { region: code, capitalArea: true },
        message: `included region ${code} is in the capital area, which cannot host a zone unless allowCapitalArea is set`,
      });
    }
  });

  const unmet = new Set<string>();
  for (const e of needs) {
    let available = 0;
    let withExcluded = 0;
    let withCapital = 0;
    const hostsExcluded: string[] = [];
    const hostsCapital: string[] = [];
    g.sorted.forEach((r, i) => {
      const q = contribution(r, e.ref);
      if (q <= 0) return;
      if (g.eligible[i]) available += q;
      else if (excluded.has(r.code)) {
        withExcluded += q;
        hostsExcluded.push(r.code);
      } else {
        withCapital += q;
        hostsCapital.push(r.code);
      }
    });
    if (meets(available, e.min)) continue;
    unmet.add(e.id);
    if (e.ref.kind === 'capability') {
      reasons.push({
        code: 'capability_insufficient',
        path: e.path,
        params: { need: e.id, key: e.ref.key, min: e.min, available, inExcluded: withExcluded, inCapitalArea: withCapital },
        message: `${needLabel(e)}: all eligible regions together have ${available}` +
          (withExcluded > 0 ? `; excluded regions hold ${withExcluded} more` : '') +
          (withCapital > 0 ? `; capital-area regions hold ${withCapital} more` : ''),
      });
    } else {
      reasons.push({
        code: e.ref.kind === 'stage' ? 'stage_unavailable' : 'exemption_unavailable',
        path: e.path,
        params: { need: e.id, key: e.ref.key, hostsExcluded, hostsCapitalArea: hostsCapital },
        message: `${needLabel(e)}: no eligible region ${e.ref.kind === 'stage' ? 'hosts it' : 'holds it'}` +
          (hostsExcluded.length > 0 ? ` (excluded: ${hostsExcluded.join(', ')})` : '') +
          (hostsCapital.length > 0 ? ` (capital area: ${hostsCapital.join(', ')})` : ''),
      });
    }
  }

  const k = request.maxRegions;
  if (k !== undefined) {
    for (const e of needs) {
      if (unmet.has(e.id)) continue;
      let fromIncludes = 0;
      for (const i of includeIdx) fromIncludes += contribution(g.sorted[i]!, e.ref);
      const values: number[] = [];
      g.sorted.forEach((r, i) => {
        if (g.eligible[i] && !include.includes(r.code)) values.push(Math.min(contribution(r, e.ref), e.min));
      });
      const extra = fewestToReach(values, e.min - fromIncludes);
      const minRegions = include.length + extra;
      if (minRegions > k) {
        reasons.push({
          code: 'max_regions_too_small',
          path: '/maxRegions',
          params: { need: e.id, minRegions, maxRegions: k, include: include.length },
          message: `${needLabel(e)} needs at least ${minRegions} regions${include.length > 0 ? ` (with the ${include.length} included)` : ''}, but maxRegions is ${k}`,
        });
      }
    }
  }

  if (request.contiguous && reasons.length === 0) {
    const comp = components(g);
    const groups = new Map<number, string[]>();
    for (const i of includeIdx) {
      const c = comp[i]!;
      const list = groups.get(c) ?? [];
      list.push(g.sorted[i]!.code);
      groups.set(c, list);
    }
    if (groups.size > 1) {
      reasons.push({
        code: 'includes_disconnected',
        path: '/include',
        params: { components: [...groups.values()] },
        message: `the included regions lie in ${groups.size} separate parts of the eligible map: ${[...groups.values()].map((x) => x.join('+')).join(' / ')}`,
      });
    } else if (includeIdx.length > 0) {
      const c = comp[includeIdx[0]!]!;
      for (const e of needs) {
        let available = 0;
        g.sorted.forEach((r, i) => {
          if (g.eligible[i] && comp[i] === c) available += contribution(r, e.ref);
        });
        if (!meets(available, e.min)) {
          reasons.push({
            code: 'need_unreachable',
            path: e.path,
            params: { need: e.id, available, component: [...groups.values()][0] },
            message: `${needLabel(e)} cannot be met by regions connected to the included ones (only ${available} there)`,
          });
        }
      }
      if (k !== undefined && includeIdx.length > 1) {
        // hop distances between includes through eligible regions
        let worst = { a: '', b: '', hops: 0 };
        for (const s of includeIdx) {
          const d = new Int32Array(g.sorted.length).fill(-1);
          d[s] = 0;
          const queue = [s];
          for (let h = 0; h < queue.length; h++) {
            const v = queue[h]!;
            for (const w of g.neighbours[v]!) {
              if (g.eligible[w] && d[w] === -1) {
                d[w] = d[v]! + 1;
                queue.push(w);
              }
            }
          }
          for (const t of includeIdx) {
            if (d[t]! > worst.hops) worst = { a: g.sorted[s]!.code, b: g.sorted[t]!.code, hops: d[t]! };
          }
        }
        if (worst.hops + 1 > k) {
          reasons.push({
            code: 'includes_too_far_apart',
            path: '/maxRegions',
            params: { a: worst.a, b: worst.b, hops: worst.hops, minRegions: worst.hops + 1, maxRegions: k },
            message: `joining ${worst.a} and ${worst.b} takes at least ${worst.hops + 1} connected regions, but maxRegions is ${k}`,
          });
        }
      }
    } else {
      const ids = [...new Set(Array.from(comp).filter((c) => c >= 0))];
      const perNeed = needs.map((e) => ({
        need: e.id,
        components: ids.filter((c) => {
          let sum = 0;
          g.sorted.forEach((r, i) => {
            if (comp[i] === c) sum += contribution(r, e.ref);
          });
          return meets(sum, e.min);
        }),
      }));
      const common = ids.filter((c) => perNeed.every((p) => p.components.includes(c)));
      if (needs.length > 0 && common.length === 0) {
        const firstCode = (c: number): string => g.sorted[Array.from(comp).indexOf(c)]!.code;
        reasons.push({
          code: 'needs_in_different_components',
          path: '/needs',
          params: { needs: perNeed.map((p) => ({ need: p.need, components: p.components.map(firstCode) })) },
          message: 'no connected part of the eligible map can meet every need on its own (e.g. an island and the mainland)',
        });
      }
    }
  }
  return reasons;
}
