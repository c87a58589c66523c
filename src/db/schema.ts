// Table types for Kysely. The migrations in ./migrations are the source of truth; keep these in step.
import type { ColumnType, Generated } from 'kysely';
import type { I18nText } from '../domain/i18n-text.ts';
import type { OrgKind, MemberRole, TokenScope } from '../domain/auth/types.ts';
import type { Locale } from '../i18n/locales.ts';
import type { ZoneState } from '../domain/zones/zone-machine.ts';
import type { DatedName, DatedParent } from '../domain/regions/types.ts';
import type { PlanState } from '../domain/zones/plan-machine.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface RegionTable {
  code: string;
  /** 'special' and 'integrated': a special local government or integrated special city (migration 0078). */
  level: 'province' | 'municipality' | 'special' | 'integrated';
  parent_code: string | null;
  name: Json<I18nText & { en: string }>;
  capital_area: boolean;
  /** A renamed region's dated names (migration 0057); null when never renamed. */
  names: ColumnType<DatedName[] | null, string | null | undefined, string | null>;
  /** A moved municipality's provinces through time (migration 0077); null when it never moved. */
  parents: ColumnType<DatedParent[] | null, string | null | undefined, string | null>;
  /** The governments a special local government or integrated special city stands for (migration 0078). */
  members: ColumnType<string[] | null, string[] | null | undefined, string[] | null>;
}

export interface RegionLinkTable {
  a: string;
  b: string;
  kind: 'border' | 'fixed' | 'ferry';
  note: string | null;
}

export interface RegionProfileTable {
  region_code: string;
  team_name: Json<I18nText>;
  contact_email: string;
  phone: string | null;
  introduction: Json<I18nText>;
  demo: boolean;
  version: number;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface OrganisationTable {
  id: string;
  kind: OrgKind;
  name: Json<I18nText>;
  region_code: string | null;
  /** A responsible ministry's code as regulations name it (`regulation.ministry`, e.g. 'MOTIE'); null otherwise. */
  ministry_code: ColumnType<string | null, string | null | undefined, string | null>;
  demo: boolean;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface AppUserTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  organisation_id: string;
  role: MemberRole;
  locale: Locale;
  demo: boolean;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  disabled_at: Timestamp | null;
}

export interface SessionTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  scopes: TokenScope[];
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface AuditLogTable {
  seq: Generated<number>;
  at: Timestamp;
  request_id: string | null;
  actor_user_id: string | null;
  actor_organisation_id: string | null;
  action: string;
  object_type: string;
  object_id: string;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
  prev_hash: string;
  hash: string;
}

export interface RegionCapabilityTable {
  region_code: string;
  capability: string;
  quantity: number;
  demo: boolean;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface RegionStageTable {
  region_code: string;
  stage: string;
  demo: boolean;
}

export interface RegionExemptionHeldTable {
  region_code: string;
  exemption: string;
  demo: boolean;
}

export interface PlanningRequestTable {
  id: string;
  organisation_id: string;
  created_by: string;
  title: string;
  request: Json<unknown>;
  result: Json<unknown> | null;
  created_at: Timestamp;
}

export interface ZoneTable {
  id: string;
  name: Json<I18nText>;
  field: Json<I18nText>;
  model: 'single' | 'connected';
  round: number | null;
  committee_date: string | null;
  state: ZoneState;
  outcome: 'ended' | 'temporary_permit' | 'cancelled' | null;
  status_note: Json<I18nText> | null;
  period_start: string | null;
  period_end: string | null;
  source: 'reference' | 'demo' | 'platform';
  created_at: ColumnType<Date, Date | string | undefined, never>;
  designation_number: ColumnType<string | null, string | null | undefined, string | null>;
  notice: ColumnType<unknown, string | null | undefined, string | null>;
  version: ColumnType<number, number | undefined, number>;
  ended_on: ColumnType<string | null, string | null | undefined, string | null>;
  post_management_until: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ZoneEventTable {
  id: string;
  seq: Generated<string>;
  zone_id: string;
  kind: string;
  on_date: string;
  params: Json<Record<string, unknown>>;
  actor_user_id: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface ZoneChangeTable {
  id: string;
  zone_id: string;
  state: 'filed' | 'under_review' | 'approved' | 'rejected' | 'withdrawn';
  items: Json<string[]>;
  area_change_percent: number | null;
  description: Json<I18nText>;
  minor: boolean;
  filed_by_region: string;
  filed_on: string;
  reply_due: string | null;
  decided_on: string | null;
  decision: ColumnType<unknown, string | null | undefined, string | null>;
  version: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface ZoneEvaluationTable {
  id: string;
  zone_id: string;
  year: number;
  grade: 'excellent' | 'good' | 'fair' | 'poor';
  scores: Json<Record<string, number>>;
  summary: Json<I18nText>;
  confirmed_on: string;
  recorded_by: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface ZoneDataRequestTable {
  id: string;
  zone_id: string;
  organisation_id: string;
  subject: Json<I18nText>;
  requested_on: string;
  due_on: string;
  answer: ColumnType<I18nText | null, string | null | undefined, string | null>;
  answered_on: string | null;
  answered_by: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface RapidConfirmationTable {
  id: string;
  zone_id: string;
  company_id: string;
  filed_by: string | null;
  activity: Json<I18nText>;
  regulation_ids: Json<string[]>;
  ministry_id: string | null;
  state: 'filed' | 'answered_locally' | 'forwarded' | 'answered' | 'committee' | 'decided';
  filed_on: string;
  forwarded_on: string | null;
  local_answer: ColumnType<I18nText | null, string | null | undefined, string | null>;
  committee_due: string | null;
  committee_decision: 'permit_needed' | 'no_permit_needed' | null;
  committee_note: ColumnType<I18nText | null, string | null | undefined, string | null>;
  decided_on: string | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface RapidConfirmationReplyTable {
  request_id: string;
  organisation_id: string;
  notified_on: string;
  clock: Json<unknown>;
  supplement_request: ColumnType<I18nText | null, string | null | undefined, string | null>;
  answer: 'permit_needed' | 'no_permit_needed' | 'not_our_matter' | null;
  rules: ColumnType<I18nText | null, string | null | undefined, string | null>;
  replied_on: string | null;
  replied_by: string | null;
  deemed: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface ZoneRegionTable {
  zone_id: string;
  region_code: string;
  role: 'lead' | 'partner';
}

export interface NotificationTable {
  id: string;
  user_id: string;
  kind: string;
  /** Message parameters (src/i18n/notifications): names, numbers, dates, texts per language. */
  params: Json<Record<string, unknown>>;
  link: string | null;
  object_type: string | null;
  object_id: string | null;
  dedup_key: string | null;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

export interface EmailOutboxTable {
  id: string;
  notification_id: string;
  to_address: string;
  /** Null since migration 0061: rendered from the notification in the recipient's language when sent. */
  subject: string | null;
  body: string | null;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: Timestamp;
  last_error: string | null;
  sent_at: Timestamp | null;
  created_at: Timestamp;
  /** The node sending it, until `leased_until` (migration 0046). */
  leased_by: string | null;
  leased_until: Timestamp | null;
}

export interface StoredFileChunkTable {
  blob: string;
  seq: number;
  bytes: Uint8Array;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface StoredFileTable {
  area: string;
  id: string;
  blob: string;
  size_bytes: number;
  sha256: string;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ScheduledJobTable {
  name: string;
  period_seconds: number;
  next_run_at: ColumnType<Date, Date | string | undefined, Date | string>;
  leased_by: string | null;
  leased_until: Timestamp | null;
  runs: Generated<number>;
  last_started_at: Timestamp | null;
  last_finished_at: Timestamp | null;
  last_error: string | null;
}

export interface SignInAttemptTable {
  id: Generated<number>;
  ip: string;
  email: string;
  at: Generated<Timestamp>;
}

export interface ZonePlanTable {
  id: string;
  model: 'single' | 'connected';
  lead_region: string;
  state: PlanState;
  content: Json<unknown>;
  content_hash: string;
  content_version: number;
  revision: number;
  consultation: Json<unknown>;
  clocks: Json<unknown>;
  submitted_on: string | null;
  decided_on: string | null;
  zone_id: string | null;
  demo: boolean;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ZonePlanParticipantTable {
  plan_id: string;
  region_code: string;
  role: 'lead' | 'partner';
  joined_at: Timestamp;
}

export interface ZonePlanVersionTable {
  plan_id: string;
  version: number;
  content: Json<unknown>;
  content_hash: string;
  change: string;
  created_by: string | null;
  created_region: string | null;
  created_at: Timestamp;
}

export interface ZonePlanSignoffTable {
  plan_id: string;
  region_code: string;
  content_hash: string;
  signed_on: string;
  signed_by: string | null;
  signed_at: Timestamp;
}

export interface ZonePlanStepTable {
  plan_id: string;
  seq: number;
  kind: string;
  from_state: string;
  to_state: string;
  on_date: string;
  body: Json<unknown>;
  created_by: string | null;
  created_at: Timestamp;
}

export interface ExpertDeclarationTable {
  user_id: string;
  ties: Json<unknown>;
  updated_at: Timestamp;
}

export interface PlanExpertTable {
  plan_id: string;
  expert_user_id: string;
  assigned_by: string | null;
  assigned_on: string;
  declaration: 'no_conflict' | 'conflict' | null;
  declaration_note: Json<I18nText> | null;
  declared_at: Timestamp | null;
  scores: Json<Record<string, number>> | null;
  comment: Json<I18nText> | null;
  scored_at: Timestamp | null;
}

export interface PlanMinistryConsultationTable {
  plan_id: string;
  organisation_id: string;
  requested_on: string;
  requested_by: string | null;
  clock: Json<unknown>;
  replied_on: string | null;
  position: 'agree' | 'agree_with_conditions' | 'disagree' | null;
  opinion: Json<I18nText> | null;
  conditions: Json<I18nText> | null;
  replied_by: string | null;
}

export interface RegulationTable {
  id: string;
  instrument: 'act' | 'decree' | 'rule' | 'notice';
  law: Json<I18nText>;
  article: string;
  paragraph: string | null;
  ministry: string;
  ministry_name: Json<I18nText>;
  title: Json<I18nText>;
  body: Json<I18nText>;
  effective_from: string;
  amendments: Json<{ date: string; act: string; note: I18nText | null }[]>;
  demo: boolean;
  source: 'reference' | 'demo' | 'platform';
  search_tokens: string[];
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ExemptionTable {
  id: string;
  kind: 'rapid_confirmation' | 'demonstration_exemption' | 'temporary_permit' | 'menu_special_case';
  title: Json<I18nText>;
  zone_id: string;
  holders: string[];
  conditions: Json<unknown>;
  stages: string[];
  granted_on: string;
  valid_from: string | null;
  valid_until: string | null;
  extensions: number;
  extension_ground: string | null;
  state: string;
  amendment_requested_on: string | null;
  amendment: Json<unknown> | null;
  law_amended_on: string | null;
  demo: boolean;
  search_tokens: string[];
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** A special case of a designated plan waiting for MSS to record it as an exemption (or dismiss it). */
export interface ExemptionDraftTable {
  id: string;
  zone_id: string;
  plan_id: string;
  plan_item: string;
  kind: ExemptionTable['kind'];
  title: Json<I18nText>;
  regulation_ids: string[];
  stages: string[];
  conditions_text: Json<I18nText>;
  valid_from: string | null;
  valid_until: string | null;
  /** The special case as the plan wrote it (law, provision, regulation, request, responsible ministry). */
  special_case: Json<unknown>;
  state: 'open' | 'confirmed' | 'dismissed';
  exemption_id: string | null;
  reason: Json<I18nText> | null;
  decided_by: string | null;
  decided_at: Date | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface ExemptionRedeliberationTable {
  exemption_id: string;
  notified_on: string;
  requested_on: string;
  grounds: Json<I18nText>;
  requested_by: string | null;
  decided_on: string | null;
  outcome: 'granted' | 'rejected' | null;
  /** The decision objected to: a rejection, or a grant with conditions (Decree Art. 57-3(1)). */
  decision: ColumnType<'rejected' | 'granted', 'rejected' | 'granted' | undefined, never>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface ExemptionCancellationTable {
  exemption_id: string;
  ground: string;
  hearing_notice_on: string;
  hearing_on: string;
  hearing_record: Json<I18nText>;
  decided_on: string | null;
  reason: Json<I18nText> | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface ExemptionResultsReportTable {
  exemption_id: string;
  submitted_on: string;
  results: Json<I18nText>;
  evidence: Json<unknown>;
  submitted_by: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface LawAmendmentTable {
  exemption_id: string;
  requested_on: string | null;
  evidence: Json<unknown>;
  review_reported_on: string | null;
  amendment_needed: boolean | null;
  review: Json<unknown> | null;
  plan_submitted_on: string | null;
  plan: Json<unknown> | null;
  schedule: Json<unknown>;
  progress: Json<unknown>;
  escalated_on: string | null;
  escalation: Json<unknown> | null;
  effective_on: string | null;
  version: number;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ExtraHolidayTable {
  day: string;
  name: Json<I18nText>;
  /** The gazette notice or other legal basis that designated the day. */
  basis: string;
  created_by: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface ExemptionRegulationTable {
  exemption_id: string;
  regulation_id: string;
}

export interface DemonstrationProjectTable {
  id: string;
  zone_id: string;
  title: Json<I18nText>;
  summary: Json<I18nText>;
  state: 'draft' | 'demonstrating' | 'completed';
  lead_company: string;
  partner_companies: string[];
  sites: string[];
  products: Json<unknown>;
  period_start: ColumnType<string, string, string>;
  period_end: ColumnType<string, string, string>;
  milestones: Json<unknown>;
  kpis: Json<unknown>;
  safety_plan: Json<I18nText>;
  insurance_required: boolean;
  insurance: Json<unknown> | null;
  rules: Json<unknown>;
  /** Regulatory needs per stage (migration 0018): `{ stage, regulation, note }[]`. */
  needs: ColumnType<unknown, string | undefined, string>;
  version: number;
  demo: boolean;
  created_by: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface DemonstrationUploadTable {
  project_id: string;
  id: string;
  format: 'csv' | 'ndjson';
  mode: 'all' | 'skip-invalid';
  sha256: string;
  rows_total: number;
  rows_stored: number;
  rows_rejected: number;
  errors: Json<unknown>;
  created_by: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

/** One received part of a resumable upload, a file of the file store's `upload-staging` area. */
export interface StagedPart {
  file: string;
  start: number;
  size: number;
  sha256: string;
}

/** An upload being sent in parts: `received_bytes` of `total_bytes` are in its `parts`, in order and contiguous. */
export interface DemonstrationUploadStagingTable {
  project_id: string;
  id: string;
  format: 'csv' | 'ndjson';
  total_bytes: number;
  received_bytes: number;
  parts: ColumnType<StagedPart[], string | undefined, string>;
  created_by: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface DemonstrationReportTable {
  project_id: string;
  period_index: number;
  period_from: string;
  period_to: string;
  due: string;
  kpi_values: Json<unknown>;
  narrative: Json<I18nText>;
  submitted_at: Timestamp;
  submitted_by: string | null;
  review_state: 'submitted' | 'accepted' | 'changes_requested';
  review_comment: Json<I18nText> | null;
  reviewed_at: Timestamp | null;
  reviewed_by: string | null;
  version: number;
}

export interface DemonstrationIncidentTable {
  id: string;
  project_id: string;
  severity: 'minor' | 'serious' | 'critical';
  occurred_at: Timestamp;
  reported_at: Timestamp;
  report_deadline: Timestamp;
  place: Json<I18nText>;
  lon: number | null;
  lat: number | null;
  description: Json<I18nText>;
  immediate_actions: Json<I18nText>;
  reported_by: string | null;
  /** The project's exemptions the incident concerns. */
  exemption_ids: ColumnType<string[], string[] | undefined, string[]>;
}

/** One exemption suspended for one project after a serious incident; open while `lifted_at` is null (migration 0019). */
export interface DemonstrationExemptionSuspensionTable {
  id: string;
  project_id: string;
  exemption_id: string;
  incident_id: string | null;
  suspended_at: Timestamp;
  suspended_by: string | null;
  reason: Json<I18nText>;
  lifted_at: Timestamp | null;
  lifted_by: string | null;
  lift_reason: Json<I18nText> | null;
}

export interface DemonstrationAttachmentTable {
  id: string;
  project_id: string;
  period_index: number;
  name: string;
  kind: 'pdf' | 'png' | 'jpeg' | 'csv' | 'xlsx';
  size_bytes: number;
  sha256: string;
  created_by: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  removed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  removed_by: ColumnType<string | null, string | null | undefined, string | null>;
  removal_reason: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface DemonstrationProjectExemptionTable {
  project_id: string;
  exemption_id: string;
  position: number;
}

export interface DemonstrationEventTable {
  project_id: string;
  upload_id: string;
  row_no: number;
  ts: Timestamp;
  device_id: number | null;
  session_id: number | null;
  lon: number | null;
  lat: number | null;
  speed: number | null;
  altitude: number | null;
  load: number | null;
  people: number | null;
}

/** One row per topic and writing transaction (migration 0040); read as versions by the public read cache. */
export interface ReadCacheBumpTable {
  id: Generated<string>;
  topic: string;
  xact: Generated<string>;
}

/** Secrets of the installation shared by every node (migration 0060), e.g. the key that signs list cursors. */
export interface ServerKeyTable {
  name: string;
  secret: Buffer;
  created_at: Generated<Timestamp>;
}

/** An idempotency key of a creation request (migration 0069): its fingerprint, result and answer, kept 24 hours. */
export interface IdempotencyKeyTable {
  user_id: string;
  key: string;
  fingerprint: string;
  result: ColumnType<unknown, string | null, string | null>;
  status: number | null;
  response: ColumnType<unknown, string | null, string | null>;
  created_at: Generated<Timestamp>;
  expires_at: Timestamp;
}

export interface DB {
  idempotency_key: IdempotencyKeyTable;
  region: RegionTable;
  region_link: RegionLinkTable;
  region_profile: RegionProfileTable;
  organisation: OrganisationTable;
  app_user: AppUserTable;
  session: SessionTable;
  api_token: ApiTokenTable;
  audit_log: AuditLogTable;
  region_capability: RegionCapabilityTable;
  region_stage: RegionStageTable;
  region_exemption_held: RegionExemptionHeldTable;
  planning_request: PlanningRequestTable;
  zone: ZoneTable;
  zone_region: ZoneRegionTable;
  zone_event: ZoneEventTable;
  zone_change: ZoneChangeTable;
  zone_evaluation: ZoneEvaluationTable;
  zone_data_request: ZoneDataRequestTable;
  rapid_confirmation: RapidConfirmationTable;
  rapid_confirmation_reply: RapidConfirmationReplyTable;
  zone_plan: ZonePlanTable;
  zone_plan_participant: ZonePlanParticipantTable;
  zone_plan_version: ZonePlanVersionTable;
  zone_plan_signoff: ZonePlanSignoffTable;
  zone_plan_step: ZonePlanStepTable;
  expert_declaration: ExpertDeclarationTable;
  plan_expert: PlanExpertTable;
  plan_ministry_consultation: PlanMinistryConsultationTable;
  notification: NotificationTable;
  regulation: RegulationTable;
  exemption: ExemptionTable;
  exemption_regulation: ExemptionRegulationTable;
  exemption_redeliberation: ExemptionRedeliberationTable;
  exemption_cancellation: ExemptionCancellationTable;
  exemption_results_report: ExemptionResultsReportTable;
  law_amendment: LawAmendmentTable;
  extra_holiday: ExtraHolidayTable;
  email_outbox: EmailOutboxTable;
  sign_in_attempt: SignInAttemptTable;
  scheduled_job: ScheduledJobTable;
  stored_file: StoredFileTable;
  stored_file_chunk: StoredFileChunkTable;
  demonstration_project: DemonstrationProjectTable;
  demonstration_upload: DemonstrationUploadTable;
  demonstration_upload_staging: DemonstrationUploadStagingTable;
  exemption_draft: ExemptionDraftTable;
  demonstration_event: DemonstrationEventTable;
  demonstration_report: DemonstrationReportTable;
  demonstration_incident: DemonstrationIncidentTable;
  demonstration_attachment: DemonstrationAttachmentTable;
  demonstration_project_exemption: DemonstrationProjectExemptionTable;
  demonstration_exemption_suspension: DemonstrationExemptionSuspensionTable;
  read_cache_bump: ReadCacheBumpTable;
  server_key: ServerKeyTable;
}
