// Shapes of the plans API as the browser reads them: the contract's types (src/contract/plans.ts).
import type { CommonInput, ConsultationInput, DecisionInput, PlanView, SectionInput } from '../../../contract/plans.ts';

export {
  ATTACHMENT_ITEMS, BUDGET_SOURCES, COMPANY_KINDS, NARRATIVE_ITEMS, PLAN_EXEMPTION_KINDS as EXEMPTION_KINDS, PLAN_STATES,
} from '../../../contract/plans.ts';
export type {
  Attachment, BudgetLine, Company, DecisionInput, Kpi, Opinion, PlanContent, PlanExemption, PlanProject as Project,
  PlanState, PlanSummary, PlanView, Site, VersionSummary,
} from '../../../contract/plans.ts';

export type PlanModel = PlanView['model'];
export type NarrativeItem = keyof CommonContent['narrative'];
export type Decision = DecisionInput['decision'];
export type Committee = DecisionInput['committee'];
export type BudgetSource = PlanView['content']['sections'][string]['budget'][number]['source'];
export type CommonContent = CommonInput;
export type SectionContent = SectionInput;
export type Consultation = ConsultationInput;
export type Violation = PlanView['readiness']['violations'][number];
export type Clock = PlanView['clocks'][number];
export type Participant = PlanView['participantDetails'][number];
export type PlanStep = PlanView['steps'][number];
