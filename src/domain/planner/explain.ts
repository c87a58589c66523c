// Answers and their explanations: who covers which need, what each region adds, which
// regions are critical or only connect the others, and how an answer compares with the
// next best one.

import {
  contribution, meets, needElements, objectiveWeights, primaryValue, sameValue,
  type NeedElement, type ObjectiveWeights,
} from './model.ts';
import type {
  Answer, AnswerComparison, AnswerExplanation, CandidateRegion, NeedCoverage, PlanningRequest, RegionRole,
} from './types.ts';

export interface ExplainContext {
  regions: Map<string, CandidateRegion>;
  needs: NeedElement[];
  weights: ObjectiveWeights;
  include: Set<string>;
  contiguous: boolean;
  adjacency: Map<string, Set<string>>;
}

/** `chosen`: the codes that appear in answers (adjacency is only kept among them). */
export function explainContext(request: PlanningRequest, chosen?: Set<string>): ExplainContext {
  const regions = new Map(request.regions.map((r) => [r.code, r]));
  const adjacency = new Map<string, Set<string>>();
  for (const { a, b } of request.links) {
    if (chosen && (!chosen.has(a) || !chosen.has(b))) continue;
    if (!regions.has(a) || !regions.has(b) || a === b) continue;
    if (!adjacency.has(a)) adjacency.set(a, new Set());
    if (!adjacency.has(b)) adjacency.set(b, new Set());
    adjacency.get(a)!.add(b);
    adjacency.get(b)!.add(a);
  }
  return {
    regions,
    needs: needElements(request),
    weights: objectiveWeights(request.objective),
    include: new Set(request.include),
    contiguous: request.contiguous,
    adjacency,
  };
}

function round(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

export function buildAnswer(codes: string[], ctx: ExplainContext): Answer {
  const regions = [...codes].sort();
  let cost = 0;
  for (const c of regions) cost += ctx.regions.get(c)!.cost;
  const coverage: NeedCoverage[] = ctx.needs.map((e) => {
    const contributors: string[] = [];
    const amounts: Record<string, number> = {};
    let total = 0;
    for (const c of regions) {
      const q = contribution(ctx.regions.get(c)!, e.ref);
      if (q > 0) {
        contributors.push(c);
        amounts[c] = q;
        total += q;
      }
    }
    const cov: NeedCoverage = { need: e.id, ref: e.ref, regions: contributors, total: round(total) };
    if (e.ref.kind === 'capability') cov.amounts = amounts;
    return cov;
  });
  return {
    regions,
    objective: round(primaryValue(ctx.weights, regions.length, cost)),
    count: regions.length,
    cost: round(cost),
    coverage,
  };
}

function connectedWithout(codes: string[], skip: string, ctx: ExplainContext): boolean {
  const rest = codes.filter((c) => c !== skip);
  if (rest.length <= 1) return true;
  const set = new Set(rest);
  const seen = new Set<string>([rest[0]!]);
  const stack = [rest[0]!];
  while (stack.length > 0) {
    const v = stack.pop()!;
    for (const w of ctx.adjacency.get(v) ?? []) {
      if (set.has(w) && !seen.has(w)) {
        seen.add(w);
        stack.push(w);
      }
    }
  }
  return seen.size === rest.length;
}

export function explainRoles(answer: Answer, ctx: ExplainContext): RegionRole[] {
  return answer.regions.map((code) => {
    const region = ctx.regions.get(code)!;
    const contributes: string[] = [];
    const critical: string[] = [];
    for (const cov of answer.coverage) {
      const e = ctx.needs.find((x) => x.id === cov.need)!;
      const q = contribution(region, e.ref);
      if (q <= 0) continue;
      contributes.push(e.id);
      if (e.min > 0 && !meets(cov.total - q, e.min)) critical.push(e.id);
    }
    const capabilities: Record<string, number> = {};
    const stages: string[] = [];
    const exemptions: string[] = [];
    for (const e of ctx.needs) {
      const q = contribution(region, e.ref);
      if (q <= 0) continue;
      if (e.ref.kind === 'capability') capabilities[e.ref.key] = q;
      else if (e.ref.kind === 'stage') stages.push(e.ref.key);
      else exemptions.push(e.ref.key);
    }
    const connector = ctx.contiguous && answer.regions.length > 2 && !connectedWithout(answer.regions, code, ctx);
    return {
      code,
      contributes,
      critical,
      connector,
      included: ctx.include.has(code),
      adds: { capabilities, stages, exemptions },
      objectiveShare: round(primaryValue(ctx.weights, 1, region.cost)),
    };
  });
}

export function compareAnswers(self: Answer, other: Answer, against: 'next' | 'best'): AnswerComparison {
  const mine = new Set(self.regions);
  const theirs = new Set(other.regions);
  return {
    against,
    regions: other.regions,
    objective: other.objective,
    objectiveDelta: round(other.objective - self.objective),
    added: other.regions.filter((c) => !mine.has(c)),
    removed: self.regions.filter((c) => !theirs.has(c)),
    tie: sameValue(other.objective, self.objective),
  };
}

export function explainAnswers(answers: Answer[], ctx: ExplainContext): AnswerExplanation[] {
  return answers.map((a, i) => {
    const ex: AnswerExplanation = { regions: explainRoles(a, ctx) };
    if (i === 0 && answers.length > 1) ex.comparison = compareAnswers(a, answers[1]!, 'next');
    else if (i > 0) ex.comparison = compareAnswers(a, answers[0]!, 'best');
    return ex;
  });
}
