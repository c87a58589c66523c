// Shapes of the demonstrations API as the UI reads them: the contract's types (src/contract/projects.ts), and the
// shapes of reports, incidents and compliance whose routes have no contract module yet.
import type { Project, UploadResult } from '../../../contract/projects.ts';
import type { I18nText } from '../../shared/types.ts';

export { KPI_FREQUENCIES } from '../../../contract/projects.ts';
export type { Project, ProjectFields, ProjectInput, UploadResult } from '../../../contract/projects.ts';

export type ProjectState = Project['state'];
export type KpiFrequency = Kpi['frequency'];
export type Insurance = NonNullable<Project['insurance']>;
export type InsuranceCover = Insurance['cover'];
export type Kpi = Project['kpis'][number];
export type Milestone = Project['milestones'][number];

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

export type UploadMode = UploadResult['mode'];
export type UploadError = UploadResult['errors'][number];

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
