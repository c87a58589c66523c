// Shapes of the exemption, regulation, bundle, reform-board and search API as the browser sees them.
import type { I18nText } from '../../shared/types.ts';

export const EXEMPTION_KINDS = ['rapid_confirmation', 'demonstration_exemption', 'temporary_permit', 'menu_special_case'] as const;
export type ExemptionKind = (typeof EXEMPTION_KINDS)[number];

/** States an exemption can be filtered by (the API's lifecycle states that granted exemptions pass through). */
export const EXEMPTION_FILTER_STATES = [
  'granted', 'active', 'extended', 'amendment_requested', 'expired', 'results_reported', 'law_amended', 'temporary_permit', 'ended', 'cancelled',
] as const;

export { STAGES, type Stage } from '../../shared/stages.ts';

export interface Insurance {
  deathPerPerson: number;
  injuryPerPerson: number;
  disabilityPerPerson: number;
  propertyPerAccident: number;
}

export interface Conditions {
  text: I18nText;
  scope: I18nText | null;
  area: I18nText | null;
  quantities: { item: I18nText; max: number; unit: string }[];
  time: I18nText | null;
  safetyMeasures: I18nText[];
  insurance: Insurance | null;
}

export interface ZoneRef {
  id: string;
  name: I18nText;
  periodStart: string | null;
  periodEnd: string | null;
}

export interface SuspendedRegulation {
  id: string;
  title: I18nText;
  law: I18nText;
  article: string;
  paragraph: string | null;
  ministry: string;
}

export interface Validity {
  from: string | null;
  until: string | null;
  status: string;
  validThrough: string | null;
  openEnded: boolean;
  maxExtensions: number;
  extensionsUsed: number;
  extensionApplyBy: { nominal: string; lastBusinessDay: string } | null;
  extensionLatestUntil: string | null;
  amendmentRequestBy: { nominal: string; lastBusinessDay: string } | null;
  resultsReportDue: string | null;
  rule: string;
}

export interface Exemption {
  id: string;
  kind: ExemptionKind;
  title: I18nText;
  zone: ZoneRef;
  holders: string[];
  conditions: Conditions;
  stages: string[];
  grantedOn: string;
  state: string;
  regulations: SuspendedRegulation[];
  validity: Validity;
  amendmentRequestedOn: string | null;
  lawAmendedOn: string | null;
  daysToAmendment: number | null;
  demo: boolean;
  lifecycle: Lifecycle;
}

export interface EvidenceRef {
  type: 'demonstration_project' | 'demonstration_report' | 'demonstration_incident' | 'demonstration_upload';
  id: string;
  period?: number;
}

/** What happened after the decision (GET /api/exemptions/{id} `lifecycle`). */
export interface Lifecycle {
  redeliberation: {
    decision: 'rejected' | 'granted'; notifiedOn: string; requestedOn: string; grounds: I18nText; deadline: string;
    decidedOn: string | null; outcome: string | null;
  } | null;
  cancellation: {
    ground: string; hearingNoticeOn: string; hearingOn: string; hearingRecord: I18nText; decidedOn: string | null; reason: I18nText | null;
  } | null;
  resultsReport: { due: string | null; submittedOn: string | null; status: string };
  amendment: {
    status: string;
    requestedOn: string | null;
    evidence: EvidenceRef[];
    review: { reportedOn: string; needed: boolean; text: I18nText | null } | null;
    planDue: string | null;
    planSubmittedOn: string | null;
    plan: { targetLaw: I18nText } | null;
    schedule: { stage: string; by: string }[];
    progress: { stage: string; on: string }[];
    escalatedOn: string | null;
    escalation: { ground: string; recommendation: I18nText } | null;
    escalationGround: { ground: string; since: string; rule: string } | null;
    effectiveOn: string | null;
    version: number;
  } | null;
  path: { step: string; on: string; daysFromGrant: number }[];
  deadlines: { kind: string; due: string; rule: string; status: string }[];
}

export interface ExemptionInput {
  kind: ExemptionKind;
  title: I18nText;
  zoneId: string;
  holders: string[];
  regulationIds: string[];
  conditions: Conditions;
  stages: string[];
  grantedOn: string;
  validFrom: string | null;
  validUntil: string | null;
  insuranceProofSubmitted: boolean;
}

export const INSTRUMENTS = ['act', 'decree', 'rule', 'notice'] as const;

export interface Organisation {
  id: string;
  kind: string;
  name: I18nText;
  demo: boolean;
}

export interface BundleExemption {
  id: string;
  title: I18nText;
  kind: string;
  state: string;
  stages: string[];
  zone: { id: string; name: I18nText };
}

export interface Bundle {
  zone: { id: string; name: I18nText };
  covered: number;
  total: number;
  stages: { stage: string; name: I18nText; covered: boolean; exemptions: BundleExemption[]; precedents: BundleExemption[] }[];
}

export interface ReformItem {
  id: string;
  title: I18nText;
  kind: string;
  zone: ZoneRef;
  state: string;
  grantedOn: string;
  validUntil: string | null;
  validThrough: string | null;
  amendmentRequestedOn: string | null;
  lawAmendedOn: string | null;
  daysToAmendment: number | null;
  daysSinceGrant: number;
  demo: boolean;
}

export interface ReformBoard {
  asOf: string;
  summary: { total: number; byState: Record<string, number>; lawAmended: number; medianDaysToAmendment: number | null };
  items: ReformItem[];
}

export interface SearchHit {
  type: 'regulation' | 'exemption';
  id: string;
  title: I18nText;
  score: number;
  matchedFields: string[];
  snippets: { field: string; text: string; highlights: number[][] }[];
  year: number;
  demo: boolean;
  ministries: string[];
  kind: string | null;
  state: string | null;
  stages: string[];
  zone: { id: string; name: I18nText } | null;
  law: I18nText | null;
  article: string | null;
}

export interface SearchQuery {
  q: string;
  type?: string | undefined;
  kind?: string | undefined;
  ministry?: string | undefined;
  zone?: string | undefined;
  state?: string | undefined;
  stage?: string | undefined;
  year?: string | undefined;
}

export interface SearchResult {
  query: string;
  tokens: string[];
  total: number;
  items: SearchHit[];
}

export interface AuditEntry {
  seq: number;
  at: string;
  action: string;
  after: unknown;
}

/** A regulatory need (규제 수요) of a plan or project: the catalogue regulation blocking the work at a stage. */
export interface Need {
  stage: string;
  regulation: string;
  note: string | null;
}

/** Coverage of needs (GET /api/plans/:id/coverage, /api/projects/:id/coverage). */
export interface NeedsCoverage {
  zone: { id: string; name: I18nText } | null;
  needs: number;
  met: number;
  stages: {
    stage: string;
    status: 'none' | 'covered' | 'unmet';
    needs: {
      stage: string;
      regulation: { id: string; title: I18nText; law: I18nText; article: string; paragraph: string | null };
      note: string | null;
      met: boolean;
      metBy: BundleExemption[];
      requestedBy: string[];
      precedents: (BundleExemption & { sameStage: boolean })[];
    }[];
  }[];
}
