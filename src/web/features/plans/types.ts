// Shapes of the plans API (src/server/plans/schemas.ts), as the browser reads them.
import type { I18nText } from '../../shared/types.ts';

export type PlanModel = 'single' | 'connected';
export const PLAN_STATES = [
  'drafting', 'signing_off', 'submitted', 'under_review', 'supplement_requested', 'returned', 'deliberation',
  'designated', 'designated_with_conditions', 'rejected', 'sent_back', 'withdrawn',
] as const;
export type PlanState = (typeof PLAN_STATES)[number];
export const NARRATIVE_ITEMS = [
  'necessity-and-effects', 'industry-growth-plan', 'sandbox-measures', 'local-era-plan-link', 'real-estate-stabilisation',
  'firm-attraction', 'local-support', 'safety-privacy-measures', 'land-use-plan',
] as const;
export type NarrativeItem = (typeof NARRATIVE_ITEMS)[number];
export type Decision = 'designate' | 'designate_with_conditions' | 'reject' | 'send_back';
export type Committee = 'deliberation_committee' | 'rfz_committee';

export interface PlanSummary {
  id: string;
  title: I18nText;
  model: PlanModel;
  leadRegion: string;
  participants: string[];
  state: PlanState;
  contentVersion: number;
  submittedOn: string | null;
  zoneId: string | null;
  demo: boolean;
  updatedAt: string;
}

export const EXEMPTION_KINDS = ['demonstration', 'temporary_permit', 'rapid_confirmation', 'menu'] as const;
export const ATTACHMENT_ITEMS = ['location-maps', 'zone-maps', 'sea-documents', 'land-use-plan'] as const;
export const COMPANY_KINDS = ['sme', 'midsize', 'large', 'institution', 'public'] as const;
export const BUDGET_SOURCES = ['national', 'local', 'private'] as const;
export type BudgetSource = (typeof BUDGET_SOURCES)[number];

export interface PlanExemption {
  id: string;
  kind: (typeof EXEMPTION_KINDS)[number];
  law: I18nText;
  provision: string;
  regulation: I18nText;
  request: I18nText;
  stages: string[];
  responsibleMinistry: I18nText | null;
  /** The catalogue regulation the special case would suspend, when picked from the catalogue. */
  regulationId?: string | null;
}

export interface Kpi {
  id: string;
  name: I18nText;
  unit: string;
  baseline: number | null;
  target: number;
  targetYear: number;
}

export interface Attachment {
  item: (typeof ATTACHMENT_ITEMS)[number];
  title: I18nText;
  reference: string;
}

export interface Site {
  id: string;
  regionCode: string;
  name: I18nText;
  areaSqm: number | null;
}

export interface Company {
  id: string;
  name: I18nText;
  kind: (typeof COMPANY_KINDS)[number];
  businessNumber: string | null;
  address: I18nText | null;
}

export interface Project {
  id: string;
  title: I18nText;
  description: I18nText | null;
  stages: string[];
  exemptions: string[];
  companies: string[];
  sites: string[];
  startOn: string;
  endOn: string;
}

export interface BudgetLine {
  year: number;
  source: BudgetSource;
  amountMillionKrw: number;
  purpose: I18nText | null;
}

export interface CommonContent {
  model: PlanModel;
  title: I18nText;
  summary: I18nText | null;
  industries: I18nText[];
  stages: string[];
  exemptions: PlanExemption[];
  designationMonths: number | null;
  kpis: Kpi[];
  narrative: Partial<Record<NarrativeItem, I18nText>>;
  attachments: Attachment[];
  conditions: { seaRequired: boolean; landUsePlanRequired: boolean };
  /** Regulatory needs per stage; left out on save, the stored ones stay. */
  needs?: { stage: string; regulation: string; note: string | null }[];
}

export interface SectionContent {
  sites: Site[];
  companies: Company[];
  projects: Project[];
  budget: BudgetLine[];
}

export interface PlanContent extends CommonContent {
  leadRegion: string;
  partners: string[];
  sections: Record<string, SectionContent>;
}

export interface Opinion {
  id: string;
  receivedOn: string;
  from: string;
  summary: I18nText;
  response: I18nText | null;
  reflected: boolean;
}

export interface Consultation {
  noticeOn: string | null;
  noticeUntil: string | null;
  inspectionFrom: string | null;
  inspectionUntil: string | null;
  hearing: { announcedOn: string; heldOn: string } | null;
  localEraCommitteeHeard: boolean;
  opinions: Opinion[];
}

export interface Violation {
  guard: string | null;
  code: string;
  rule: string;
  severity: 'error' | 'warning';
  params: Record<string, unknown>;
  message: string;
}

export interface Clock {
  name: 'decision' | 'ministry-reply';
  rule: string;
  startedOn: string;
  days: number;
  countedDays: number;
  pausedDays: number;
  remainingDays: number;
  paused: boolean;
  due: string | null;
  nominalDue: string | null;
  stoppedOn: string | null;
  pauses: { from: string; to: string | null }[];
}

export interface Participant {
  regionCode: string;
  role: 'lead' | 'partner';
  name: { ko: string; en: string };
  signOff: { contentHash: string; signedOn: string; current: boolean } | null;
}

export interface PlanStep {
  seq: number;
  kind: string;
  fromState: string;
  toState: string;
  onDate: string;
  body: unknown;
  createdAt: string;
  by: { name: string; organisation: Record<string, string>; regionCode: string | null } | null;
}

export interface PlanView extends PlanSummary {
  contentHash: string;
  revision: number;
  etag: string;
  decidedOn: string | null;
  createdAt: string;
  participantDetails: Participant[];
  content: PlanContent;
  consultation: Consultation;
  readiness: { submittable: boolean; facts: Record<string, boolean>; violations: Violation[]; earliestSubmission: string | null };
  clocks: Clock[];
  steps: PlanStep[];
  actions: { action: string; to: PlanState; blockedBy: string[] }[];
  can: { editCommon: boolean; editSections: string[]; signOff: boolean; review: boolean; decide: boolean; readReview: boolean };
}

export interface VersionSummary {
  version: number;
  contentHash: string;
  change: string;
  createdAt: string;
  createdRegion: string | null;
  createdBy: string | null;
}

export interface DecisionInput {
  decision: Decision;
  committee: Committee;
  meetingOn: string;
  noticeGivenOn: string | null;
  urgent: boolean;
  members: number;
  present: number;
  minutes: I18nText;
  conditions: I18nText | null;
  periodStart: string | null;
  periodEnd: string | null;
  zoneName: I18nText | null;
}
