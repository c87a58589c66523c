// What other features use of plans (decision record 0041: a feature reaches another only here).
export { plansApi, type PlansClient } from './api/client.ts';
export { expertWorkspaceQuery } from './api/queries.ts';
export { ActionOutcome, PlanStateBadge, usePlanAction, usePlansClient, useProvinces } from './components/common.tsx';
export { criterionText, declarationText } from './components/ReviewRecord.tsx';
export type { Criterion, ExpertWorkspace, Tie } from './review-types.ts';
export type { PlanState, PlanSummary } from './types.ts';
