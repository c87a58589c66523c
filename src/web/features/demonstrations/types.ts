// Shapes of the demonstrations API (src/server/demonstrations/schemas.ts, reports.ts, routes.ts) as the UI reads them.
import type { I18nText } from '../../shared/types.ts';

export type ProjectState = 'draft' | 'demonstrating' | 'completed';
export type KpiFrequency = 'monthly' | 'quarterly' | 'half-yearly' | 'yearly';
export const KPI_FREQUENCIES: readonly KpiFrequency[] = ['monthly', 'quarterly', 'half-yearly', 'yearly'];

export interface InsuranceCover {
  deathPerPerson: number;
  injuryPerPerson: number;
  disabilityPerPerson: number;
  propertyPerAccident: number;
}

export interface Insurance {
  insurer: string;
  policyNumber: string;
  cover: InsuranceCover;
  validFrom: string;
  validUntil: string;
}

export interface Kpi {
  id: string;
  name: I18nText;
  unit: string;
  target: number;
  frequency: KpiFrequency;
}

export interface Milestone {
  title: I18nText;
  due: string;
  done: boolean;
}

export interface ProjectFields {
  title: I18nText;
  summary: I18nText;
  partnerCompanies: string[];
  exemptionIds: string[];
  sites: string[];
  products: I18nText[];
  periodStart: string;
  periodEnd: string;
  milestones: Milestone[];
  kpis: Kpi[];
  safetyPlan: I18nText;
  insuranceRequired: boolean;
  insurance: Insurance | null;
  rules: unknown[];
}

export interface ProjectInput extends ProjectFields {
  zoneId: string;
}

export interface Project extends ProjectFields {
  id: string;
  zoneId: string;
  state: ProjectState;
  leadCompany: string;
  /** Regulatory needs per stage (src/web/features/exemptions/components/NeedsPanel.tsx). */
  needs: { stage: string; regulation: string; note: string | null }[];
  version: number;
  demo: boolean;
  createdAt: string;
  updatedAt: string;
  /** The exemptions suspended for this project now after a serious incident (it demonstrates under the others). */
  suspendedExemptions: { id: string; exemptionId: string; incidentId: string | null; suspendedAt: string; reason: I18nText }[];
  canEdit: boolean;
  canUpload: boolean;
  canSuspend: boolean;
  canLiftSuspension: boolean;
}

export type PeriodStatus = 'upcoming' | 'open' | 'missing' | 'submitted' | 'late';
export type ReviewState = 'submitted' | 'accepted' | 'changes_requested';

export interface ReportingPeriod {
  index: number;
  from: string;
  to: string;
  due: string;
  status: PeriodStatus;
  report: {
    kpiValues: { kpiId: string; value: number }[];
    narrative: I18nText;
    submittedAt: string;
    reviewState: ReviewState;
    reviewComment: I18nText | null;
    reviewedAt: string | null;
    version: number;
  } | null;
}

export type IncidentSeverity = 'minor' | 'serious' | 'critical';
export const INCIDENT_SEVERITIES: readonly IncidentSeverity[] = ['minor', 'serious', 'critical'];

export interface Incident {
  id: string;
  severity: IncidentSeverity;
  occurredAt: string;
  reportedAt: string;
  reportDeadline: string;
  reportedLate: boolean;
  place: I18nText;
  lon: number | null;
  lat: number | null;
  description: I18nText;
  immediateActions: I18nText;
  exemptionIds: string[];
}

/** The reporting deadlines in force, hours from occurrence by severity (the server's INCIDENT_DEADLINE_HOURS). */
export type DeadlineHours = Record<IncidentSeverity, number>;

export interface IncidentInput {
  severity: IncidentSeverity;
  occurredAt: string;
  place: I18nText;
  lon: number | null;
  lat: number | null;
  description: I18nText;
  immediateActions: I18nText;
  exemptionIds: string[];
}

export type UploadMode = 'all' | 'skip-invalid';

export interface UploadError {
  row: number;
  column: string;
  path: string;
  message: string;
}

export interface UploadResult {
  uploadId: string;
  format: 'csv' | 'ndjson';
  mode: UploadMode;
  rowsTotal: number;
  rowsStored: number;
  rowsRejected: number;
  replayed: boolean;
  errors: UploadError[];
  createdAt: string;
}

export type RuleKind = 'geofence' | 'timeWindow' | 'maximum' | 'dailyCount' | 'requiredFields' | 'insurance' | 'suspension';

export interface ViolationExample {
  index: number;
  ts: number | null;
  deviceId: number | null;
  lon: number | null;
  lat: number | null;
  value: number | null;
  missing?: string[];
}

export interface ComplianceReport {
  totalEvents: number;
  compliantEvents: number;
  violatingEvents: number;
  rules: { id: string; kind: RuleKind; violations: number; unchecked: number; examples: ViolationExample[] }[];
  days: { day: string; events: number; violatingEvents: number; violations: number[] }[];
  undated: { events: number; violatingEvents: number; violations: number[] };
}

export interface ComplianceView {
  projectId: string;
  rules: { id: string; kind: RuleKind; label?: string }[];
  warnings: { code: string; path: (string | number)[] }[];
  /** Each exemption the project uses, its conditions compiled into rules and run over the same events. */
  exemptions?: {
    exemptionId: string;
    title: I18nText;
    kind: string;
    state: string;
    rules: { id: string; kind: RuleKind; label?: string }[];
    notCheckable: { condition: 'quantity' | 'area'; index?: number; unit?: string }[];
    /** While the exemption is suspended for the project: since when. */
    suspendedSince: string | null;
    report: ComplianceReport;
  }[];
  report: ComplianceReport;
}

/** An exemption as GET /api/exemptions lists it (the parts the project pages show). */
export interface ExemptionItem {
  id: string;
  kind: string;
  title: I18nText;
  zone: { id: string; name: I18nText };
  state: string;
  conditions: { insurance: InsuranceCover | null };
  demo: boolean;
}

export interface Attachment {
  id: string;
  period: number;
  name: string;
  kind: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: string;
  href: string;
  /** Whether the signed-in user may withdraw it now. */
  canRemove: boolean;
}

/** A project's evidence pack the signed-in user may read (GET /api/evidence-packs). */
export interface EvidencePack {
  projectId: string;
  title: I18nText;
  zoneId: string;
  state: string;
  demo: boolean;
  exemptions: { id: string; title: I18nText }[];
  pdf: string;
  csv: string;
}

/** A company as GET /api/organisations?kind=company lists it. */
export interface Company {
  id: string;
  kind: string;
  name: I18nText;
  demo: boolean;
}
