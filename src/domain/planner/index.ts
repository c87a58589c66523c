// Consortium planner: which eligible regions, together, can host a converged demonstration.
export { planConsortium, type PlannerOptions } from './solver.ts';
export { validatePlanningRequest, DEFAULT_TIME_LIMIT_MS } from './validate.ts';
export { PlanningError, type PlanningIssue, type PlanningIssueCode } from './errors.ts';
export type * from './types.ts';
