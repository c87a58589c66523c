// Consortium planner: public types. Pure data, no I/O.
//
// A planning request asks which eligible regions, together, can host a converged
// demonstration: their summed capabilities, hosted supply-chain stages and held
// exemptions must cover the needs, optionally as a connected set on the map, with at
// most `maxRegions` regions, at the least objective.

import type { RegionJoin } from '../regions/links.ts';
import type { LinkKind } from '../regions/types.ts';

export type CapabilityKey = string;

export interface CandidateRegion {
  /** Region code (KOSTAT: 2 digits for a province, 5 for a municipality). */
  code: string;
  /** Seoul (11), Incheon (23) and Gyeonggi (31) regions cannot host a zone unless allowed. */
  capitalArea: boolean;
  /** Non-negative weight used by the 'cost' and weighted objectives. */
  cost: number;
  /** Quantity of each capability the region brings (e.g. test beds, hectares, companies). */
  capabilities: Record<CapabilityKey, number>;
  /** Supply-chain stages the region can host. */
  stages: string[];
  /** Exemption keys already held by the region. */
  exemptions: string[];
}

export interface RegionAdjacency {
  a: string;
  b: string;
  /** How the two regions meet (land border when absent); a ferry is passed only where the call allows it. */
  kind?: LinkKind;
  note?: string;
}

export interface CapabilityNeed {
  key: CapabilityKey;
  /** Summed quantity over the chosen regions must reach this. */
  min: number;
}

export interface PlanningNeeds {
  capabilities: CapabilityNeed[];
  /** Each stage must be hosted by at least one chosen region. */
  stages: string[];
  /** Each exemption must be held by at least one chosen region. */
  exemptions: string[];
}

export type PlanningObjective =
  | 'fewest'
  | 'cost'
  | { weightCount: number; weightCost: number };

export interface PlanningRequest {
  regions: CandidateRegion[];
  /** Undirected adjacency; links naming codes that are not candidates are ignored. */
  links: RegionAdjacency[];
  needs: PlanningNeeds;
  include: string[];
  exclude: string[];
  allowCapitalArea: boolean;
  contiguous: boolean;
  /** k: at most this many regions (includes count). */
  maxRegions?: number;
  objective: PlanningObjective;
  /** Hard wall-clock limit for the search; defaults to 5000 ms. */
  timeLimitMs?: number;
  /** Number of distinct answers wanted besides the best (top-k); defaults to 0. */
  alternatives?: number;
}

/** A need, named the way explanations and coverage refer to it. */
export type NeedRef =
  | { kind: 'capability'; key: string; min: number }
  | { kind: 'stage'; key: string }
  | { kind: 'exemption'; key: string };

/** `capability:<key>`, `stage:<key>` or `exemption:<key>`. */
export type NeedId = string;

export interface NeedCoverage {
  need: NeedId;
  ref: NeedRef;
  /** Chosen regions that contribute, sorted by code. */
  regions: string[];
  /** Quantity per contributing region (capabilities only). */
  amounts?: Record<string, number>;
  /** Summed quantity (capabilities) or number of hosting regions (stages, exemptions). */
  total: number;
}

export interface Answer {
  /** Chosen region codes, sorted. */
  regions: string[];
  /** Primary objective value: region count ('fewest'), summed cost ('cost') or the weighted sum. */
  objective: number;
  count: number;
  cost: number;
  coverage: NeedCoverage[];
  /** The links that hold the chosen regions together, with their kind (land, then bridges and tunnels, then ferries). */
  joins?: RegionJoin[];
}

export interface RegionRole {
  code: string;
  /** Needs this region contributes to. */
  contributes: NeedId[];
  /** Needs that would become uncovered without this region. */
  critical: NeedId[];
  /** The region is needed to keep the chosen set connected (contiguous requests). */
  connector: boolean;
  /** Listed in `include`. */
  included: boolean;
  /** What the region adds: quantity per capability, plus stages and exemptions. */
  adds: { capabilities: Record<string, number>; stages: string[]; exemptions: string[] };
  /** What the region adds to the primary objective (its marginal objective). */
  objectiveShare: number;
}

export interface AnswerComparison {
  /** The answer compared against (regions, objective). */
  against: 'next' | 'best';
  regions: string[];
  objective: number;
  /** Other objective minus this answer's objective (>= 0 for 'next', <= 0 for 'best'). */
  objectiveDelta: number;
  /** Regions in the other answer but not in this one, and vice versa. */
  added: string[];
  removed: string[];
  /** True when the objectives are equal and only the tie-break (count/cost, then codes) orders them. */
  tie: boolean;
}

export interface AnswerExplanation {
  regions: RegionRole[];
  /** For the best answer: why the next-best answer found is worse (when alternatives were asked). */
  comparison?: AnswerComparison;
}

export type InfeasibilityCode =
  | 'include_ineligible'
  | 'capability_insufficient'
  | 'stage_unavailable'
  | 'exemption_unavailable'
  | 'max_regions_too_small'
  | 'includes_disconnected'
  | 'includes_too_far_apart'
  | 'need_unreachable'
  | 'needs_in_different_components'
  | 'needs_conflict';

export interface InfeasibilityReason {
  code: InfeasibilityCode;
  /** JSON pointer into the request (e.g. `/needs/capabilities/0`). */
  path: string;
  params: Record<string, unknown>;
  message: string;
}

export interface Explanation {
  /** One line, English; the API may translate from codes and params. */
  summary: string;
  objective: { primary: string; tieBreak: string[] };
  /** Parallel to [best, ...alternatives]. */
  answers: AnswerExplanation[];
  /** Present when the status is 'infeasible': which needs cannot be met and why. */
  infeasible?: InfeasibilityReason[];
  preprocessing: {
    candidates: number;
    eligible: number;
    removedCapitalArea: number;
    removedExcluded: number;
    removedUseless: number;
    removedDominated: number;
    removedUnreachable: number;
  };
}

export type PlanningStatus =
  /** The best answer (and the alternatives) are proven optimal. */
  | 'optimal'
  /** Time limit hit: best found so far, with `bound` and `gap`. */
  | 'feasible'
  /** Proven: no set of regions meets the request. */
  | 'infeasible'
  /** Time limit hit before any answer was found and before infeasibility was proven. */
  | 'unknown';

export interface PlanningResult {
  status: PlanningStatus;
  best?: Answer;
  /** Next best distinct irredundant answers, ordered by objective, then count/cost, then codes. */
  alternatives: Answer[];
  /** Proven lower bound on the optimal objective (equals best.objective when optimal). */
  bound: number;
  /** (best - bound) / |best|; 0 when optimal, null when there is no best answer. */
  gap: number | null;
  /** Branch-and-bound nodes visited. */
  nodes: number;
  elapsedMs: number;
  explanation: Explanation;
}
