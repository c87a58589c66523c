// Consortium planner entry point: validate, diagnose, preprocess, search, explain.

import { diagnose } from './diagnose.ts';
import { PlanningError } from './errors.ts';
import { joiningLinks } from '../regions/links.ts';
import { buildAnswer, explainAnswers, explainContext } from './explain.ts';
import { buildInstance, eligibleGraph, needElements, objectiveWeights, type PreprocessStats } from './model.ts';
import { runSearch } from './search.ts';
import type { Answer, Explanation, InfeasibilityReason, PlanningRequest, PlanningResult } from './types.ts';
import { DEFAULT_TIME_LIMIT_MS, validatePlanningRequest } from './validate.ts';

export interface PlannerOptions {
  /** Clock in milliseconds (defaults to performance.now); injectable for tests. */
  now?: () => number;
}

function objectiveDescription(request: PlanningRequest): Explanation['objective'] {
  const w = objectiveWeights(request.objective);
  const primary = request.objective === 'fewest' ? 'region count'
    : request.objective === 'cost' ? 'total cost'
      : `${w.weightCount} × region count + ${w.weightCost} × total cost`;
  return { primary, tieBreak: [w.weightCost === 0 ? 'total cost' : 'region count', 'region codes'] };
}

const EMPTY_STATS: PreprocessStats = {
  candidates: 0, eligible: 0, removedCapitalArea: 0, removedExcluded: 0, removedUseless: 0, removedDominated: 0, removedUnreachable: 0,
};

type Feasibility = 'feasible' | 'infeasible' | 'unknown';

function feasibility(request: PlanningRequest, deadline: number, now: () => number): Feasibility {
  const g = eligibleGraph(request);
  if (diagnose(request, g).length > 0) return 'infeasible';
  const { instance } = buildInstance(request, g, false);
  const out = runSearch(instance, { capacity: 1, deadline, now, stopAtFirst: true });
  if (out.pool.length > 0) return 'feasible';
  return out.complete ? 'infeasible' : 'unknown';
}

/**
 * When every need can be met on its own but not all together, finds a minimal set of needs
 * that conflict under the request's constraints (deletion filter; each check is a search).
 */
function conflictingNeeds(request: PlanningRequest, deadline: number, now: () => number): InfeasibilityReason {
  const all = needElements(request).filter((e) => e.min > 0);
  let kept = all.map((e) => e.id);
  let partial = false;
  const subset = (ids: string[]): PlanningRequest => ({
    ...request,
    needs: {
      capabilities: request.needs.capabilities.filter((c) => ids.includes(`capability:${c.key}`)),
      stages: request.needs.stages.filter((s) => ids.includes(`stage:${s}`)),
      exemptions: request.needs.exemptions.filter((s) => ids.includes(`exemption:${s}`)),
    },
  });
  for (const id of all.map((e) => e.id)) {
    if (kept.length <= 1) break;
    const without = kept.filter((x) => x !== id);
    if (without.length === 0 && request.include.length === 0) continue;
    const f = feasibility(subset(without), deadline, now);
    if (f === 'infeasible') kept = without;
    else if (f === 'unknown') partial = true;
  }
  const constraints: string[] = [];
  if (request.maxRegions !== undefined) constraints.push(`at most ${request.maxRegions} regions`);
  if (request.contiguous) constraints.push('connected');
  if (request.include.length > 0) constraints.push(`including ${request.include.join(', ')}`);
  return {
    code: 'needs_conflict',
    path: '/needs',
    params: { needs: kept, maxRegions: request.maxRegions ?? null, contiguous: request.contiguous, include: request.include, minimal: !partial },
    message: `each need can be met on its own, but ${kept.join(', ')} cannot be met together` +
      (constraints.length > 0 ? ` (${constraints.join(', ')})` : ''),
  };
}

export function planConsortium(request: PlanningRequest, options: PlannerOptions = {}): PlanningResult {
  const now = options.now ?? (() => performance.now());
  const t0 = now();
  const issues = validatePlanningRequest(request);
  if (issues.length > 0) throw new PlanningError(issues);
  const timeLimit = request.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  const deadline = t0 + timeLimit;
  const alternatives = request.alternatives ?? 0;
  const objective = objectiveDescription(request);
  const g = eligibleGraph(request);

  const reasons = diagnose(request, g);
  if (reasons.length > 0) {
    return {
      status: 'infeasible', alternatives: [], bound: Number.POSITIVE_INFINITY, gap: null, nodes: 0,
      elapsedMs: now() - t0,
      explanation: {
        summary: `Infeasible: ${reasons.map((r) => r.message).join('; ')}`,
        objective, answers: [], infeasible: reasons,
        preprocessing: { ...EMPTY_STATS, candidates: request.regions.length, eligible: g.eligible.reduce((s, x) => s + x, 0), removedCapitalArea: g.capitalRemoved, removedExcluded: g.excludedRemoved },
      },
    };
  }

  const { instance, stats } = buildInstance(request, g, alternatives > 0);
  const out = runSearch(instance, { capacity: alternatives + 1, deadline, now });
  const ctx = explainContext(request, new Set(out.pool.flatMap((f) => f.members.map((v) => instance.codes[v]!))));
  const links = request.links.map((l) => ({ a: l.a, b: l.b, kind: l.kind ?? 'border' as const, ...(l.note !== undefined ? { note: l.note } : {}) }));
  const answers: Answer[] = out.pool.map((f) => {
    const answer = buildAnswer(f.members.map((v) => instance.codes[v]!), ctx);
    // The request's links are those the call allows (ferries only when it does): name the ones that join the answer.
    return { ...answer, joins: joiningLinks(answer.regions, links, { ferries: true }) };
  });
  const best = answers[0];

  if (!best) {
    if (!out.complete) {
      return {
        status: 'unknown', alternatives: [], bound: out.bound, gap: null, nodes: out.nodes, elapsedMs: now() - t0,
        explanation: {
          summary: `No answer found within ${timeLimit} ms and infeasibility not proven`,
          objective, answers: [], preprocessing: stats,
        },
      };
    }
    const conflict = conflictingNeeds(request, deadline, now);
    return {
      status: 'infeasible', alternatives: [], bound: Number.POSITIVE_INFINITY, gap: null, nodes: out.nodes,
      elapsedMs: now() - t0,
      explanation: { summary: `Infeasible: ${conflict.message}`, objective, answers: [], infeasible: [conflict], preprocessing: stats },
    };
  }

  const status = out.complete ? 'optimal' : 'feasible';
  const bound = out.complete ? best.objective : Math.min(best.objective, out.bound);
  const gap = out.complete ? 0 : Math.max(0, (best.objective - bound) / Math.max(Math.abs(best.objective), 1e-9));
  const explanationAnswers = explainAnswers(answers, ctx);
  const summary = status === 'optimal'
    ? `Best: ${best.regions.join(', ')} (${objective.primary} ${best.objective}), proven optimal`
    : `Best found within ${timeLimit} ms: ${best.regions.join(', ')} (${objective.primary} ${best.objective}); lower bound ${round(bound)}, gap ${(gap * 100).toFixed(1)}%`;
  return {
    status,
    best,
    alternatives: answers.slice(1),
    bound: round(bound),
    gap,
    nodes: out.nodes,
    elapsedMs: now() - t0,
    explanation: { summary, objective, answers: explanationAnswers, preprocessing: stats },
  };
}

function round(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
