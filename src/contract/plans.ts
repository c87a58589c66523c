// TypeBox schemas of zone plans: the content each government writes, the procedural records, the views.
import { Type, type Static } from 'typebox';
import { PLAN_ACTIONS, PLAN_GUARDS, PLAN_STATES } from '../domain/zones/plan-machine.ts';
import { PLAN_ITEMS } from '../domain/zones/procedure.ts';
import { STAGES } from '../domain/supply-chain/stages.ts';
import { DateOnly, I18nTextSchema, Line, Nullable, Uuid } from './common.ts';
import { NeedsSchema } from './needs.ts';

export { PLAN_STATES };

export const ItemId = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,39}$', description: 'identifier unique in its list (a-z, 0-9, -)' });
/** A government: SGIS code of a province (2 digits) or municipality (5), or ZoneLink's code of a special local government or integrated special city. */
export const RegionCode = Type.String({ pattern: '^([0-9]{2}([0-9]{3})?|[A-Z][A-Z0-9-]{1,31})$', examples: ['26', '26110', 'CHUNGCHEONG-UNION'] });
export const MunicipalityCode = Type.String({ pattern: '^[0-9]{5}$', examples: ['26110'] });
export const StageSchema = Type.Enum([...STAGES]);
export const ModelSchema = Type.Enum(['single', 'connected']);
const Stages = Type.Array(StageSchema, { maxItems: STAGES.length, uniqueItems: true });
const Refs = Type.Array(ItemId, { maxItems: 100, uniqueItems: true });
const Amount = Type.Number({ minimum: 0, maximum: 1e12 });

/** Plan items a government writes as text (RFZ Act Art. 74(1); Decree Art. 42(3)). */
export const NARRATIVE_ITEMS = [
  'necessity-and-effects', 'industry-growth-plan', 'sandbox-measures', 'local-era-plan-link', 'real-estate-stabilisation',
  'firm-attraction', 'local-support', 'safety-privacy-measures', 'land-use-plan',
] as const;
/** Plan items handed in as documents (maps, SEA documents, land-use plan) — referenced, not uploaded, in this slice. */
export const ATTACHMENT_ITEMS = ['location-maps', 'zone-maps', 'sea-documents', 'land-use-plan'] as const;

export const PLAN_EXEMPTION_KINDS = ['demonstration', 'temporary_permit', 'rapid_confirmation', 'menu'] as const;
export const COMPANY_KINDS = ['sme', 'midsize', 'large', 'institution', 'public'] as const;
export const BUDGET_SOURCES = ['national', 'local', 'private'] as const;

export const ExemptionSchema = Type.Object({
  id: ItemId,
  kind: Type.Enum([...PLAN_EXEMPTION_KINDS]),
  law: I18nTextSchema(200),
  provision: Line(100),
  regulation: I18nTextSchema(2000),
  request: I18nTextSchema(2000),
  stages: Stages,
  responsibleMinistry: Nullable(I18nTextSchema(200)),
  regulationId: Type.Optional(Nullable(Type.String({ format: 'uuid', description: 'the catalogue regulation the special case would suspend (GET /api/regulations), when it is in the catalogue' }))),
}, { additionalProperties: false });

export const KpiSchema = Type.Object({
  id: ItemId,
  name: I18nTextSchema(300),
  unit: Line(40),
  baseline: Nullable(Type.Number({ minimum: -1e12, maximum: 1e12 })),
  target: Type.Number({ minimum: -1e12, maximum: 1e12 }),
  targetYear: Type.Integer({ minimum: 2019, maximum: 2100 }),
}, { additionalProperties: false });

export const AttachmentSchema = Type.Object({
  item: Type.Enum([...ATTACHMENT_ITEMS]),
  title: I18nTextSchema(300),
  reference: Line(500),
}, { additionalProperties: false });

const NarrativeText = () => Type.Optional(I18nTextSchema(20_000));
export const NarrativeSchema = Type.Object({
  'necessity-and-effects': NarrativeText(),
  'industry-growth-plan': NarrativeText(),
  'sandbox-measures': NarrativeText(),
  'local-era-plan-link': NarrativeText(),
  'real-estate-stabilisation': NarrativeText(),
  'firm-attraction': NarrativeText(),
  'local-support': NarrativeText(),
  'safety-privacy-measures': NarrativeText(),
  'land-use-plan': NarrativeText(),
}, { additionalProperties: false });

/** What the lead government writes: everything but the participants' sections. */
export const CommonInput = Type.Object({
  model: ModelSchema,
  title: I18nTextSchema(300),
  summary: Nullable(I18nTextSchema(4000)),
  industries: Type.Array(I18nTextSchema(200), { maxItems: 20 }),
  stages: Stages,
  exemptions: Type.Array(ExemptionSchema, { maxItems: 100 }),
  designationMonths: Nullable(Type.Integer({ minimum: 1, maximum: 120 })),
  kpis: Type.Array(KpiSchema, { maxItems: 50 }),
  narrative: NarrativeSchema,
  attachments: Type.Array(AttachmentSchema, { maxItems: 50 }),
  conditions: Type.Object({ seaRequired: Type.Boolean(), landUsePlanRequired: Type.Boolean() }, { additionalProperties: false }),
  needs: Type.Optional({ ...NeedsSchema, description: 'regulatory needs per stage; left out, the stored needs stay' }),
}, { additionalProperties: false });
export type CommonInput = Static<typeof CommonInput>;

export const SiteSchema = Type.Object({
  id: ItemId,
  regionCode: MunicipalityCode,
  name: I18nTextSchema(300),
  areaSqm: Nullable(Type.Number({ minimum: 0, maximum: 1e11 })),
}, { additionalProperties: false });

export const CompanySchema = Type.Object({
  id: ItemId,
  name: I18nTextSchema(300),
  kind: Type.Enum([...COMPANY_KINDS]),
  businessNumber: Nullable(Type.String({ pattern: '^[0-9]{3}-[0-9]{2}-[0-9]{5}$' })),
  address: Nullable(I18nTextSchema(500)),
}, { additionalProperties: false });

export const ProjectSchema = Type.Object({
  id: ItemId,
  title: I18nTextSchema(300),
  description: Nullable(I18nTextSchema(4000)),
  stages: Stages,
  exemptions: Refs,
  companies: Refs,
  sites: Refs,
  startOn: DateOnly,
  endOn: DateOnly,
}, { additionalProperties: false });

export const BudgetLineSchema = Type.Object({
  year: Type.Integer({ minimum: 2019, maximum: 2100 }),
  source: Type.Enum([...BUDGET_SOURCES]),
  amountMillionKrw: Amount,
  purpose: Nullable(I18nTextSchema(500)),
}, { additionalProperties: false });

/** What one participating government writes about its own area. */
export const SectionInput = Type.Object({
  sites: Type.Array(SiteSchema, { maxItems: 100 }),
  companies: Type.Array(CompanySchema, { maxItems: 200 }),
  projects: Type.Array(ProjectSchema, { maxItems: 50 }),
  budget: Type.Array(BudgetLineSchema, { maxItems: 200 }),
}, { additionalProperties: false });
export type SectionInput = Static<typeof SectionInput>;

export const ContentSchema = Type.Object({
  ...CommonInput.properties,
  leadRegion: RegionCode,
  partners: Type.Array(RegionCode),
  sections: Type.Record(Type.String(), SectionInput),
});

export const OpinionSchema = Type.Object({
  id: ItemId,
  receivedOn: DateOnly,
  from: Line(200),
  summary: I18nTextSchema(4000),
  response: Nullable(I18nTextSchema(4000)),
  reflected: Type.Boolean(),
}, { additionalProperties: false });

/** Public notice, inspection, hearing and opinions (RFZ Act Art. 74(2); Decree Art. 43). */
export const ConsultationInput = Type.Object({
  noticeOn: Nullable(DateOnly),
  noticeUntil: Nullable(DateOnly),
  inspectionFrom: Nullable(DateOnly),
  inspectionUntil: Nullable(DateOnly),
  hearing: Nullable(Type.Object({ announcedOn: DateOnly, heldOn: DateOnly }, { additionalProperties: false })),
  localEraCommitteeHeard: Type.Boolean(),
  opinions: Type.Array(OpinionSchema, { maxItems: 1000 }),
}, { additionalProperties: false });
export type ConsultationInput = Static<typeof ConsultationInput>;

export const CreateInput = Type.Object({
  model: ModelSchema,
  leadRegion: RegionCode,
  title: I18nTextSchema(300),
}, { additionalProperties: false });

export const InviteInput = Type.Object({ regionCode: RegionCode }, { additionalProperties: false });
export const SignOffInput = Type.Object({ contentHash: Type.String({ pattern: '^sha256:[0-9a-f]{64}$' }) }, { additionalProperties: false });
export const SupplementRequestInput = Type.Object({
  request: I18nTextSchema(4000),
  items: Type.Array(Type.Enum(Object.keys(PLAN_ITEMS)), { maxItems: Object.keys(PLAN_ITEMS).length, uniqueItems: true }),
  /** The day by which the applicant must answer; once it has passed unanswered, MSS may return the application. */
  answerBy: Type.Optional(Nullable(DateOnly)),
}, { additionalProperties: false });
export const ReturnInput = Type.Object({
  missingItems: Type.Array(Type.Enum(Object.keys(PLAN_ITEMS)), { maxItems: Object.keys(PLAN_ITEMS).length, uniqueItems: true }),
  reason: I18nTextSchema(4000),
}, { additionalProperties: false });
export const RedeliberationInput = Type.Object({ reason: I18nTextSchema(4000) }, { additionalProperties: false });
export const SupplementAnswerInput = Type.Object({ answer: I18nTextSchema(4000) }, { additionalProperties: false });
export const CommitteeSchema = Type.Enum(['deliberation_committee', 'rfz_committee']);
export const ReferInput = Type.Object({
  committee: CommitteeSchema,
  ministryRepliesComplete: Type.Boolean(),
  note: Nullable(I18nTextSchema(4000)),
}, { additionalProperties: false });
export const DecisionInput = Type.Object({
  decision: Type.Enum(['designate', 'designate_with_conditions', 'reject', 'send_back']),
  committee: CommitteeSchema,
  meetingOn: DateOnly,
  noticeGivenOn: Nullable(DateOnly),
  urgent: Type.Boolean(),
  members: Type.Integer({ minimum: 1, maximum: 45 }),
  present: Type.Integer({ minimum: 0, maximum: 45 }),
  minutes: I18nTextSchema(20_000),
  conditions: Nullable(I18nTextSchema(4000)),
  periodStart: Nullable(DateOnly),
  periodEnd: Nullable(DateOnly),
  zoneName: Nullable(I18nTextSchema(300)),
}, { additionalProperties: false });
export type DecisionInput = Static<typeof DecisionInput>;

export const PlanParams = Type.Object({ id: Uuid });
export const SectionParams = Type.Object({ id: Uuid, region: RegionCode });
export const VersionParams = Type.Object({ id: Uuid, version: Type.Integer({ minimum: 1, maximum: 1_000_000 }) });

// ---- views

const RegionName = Type.Object({ ko: Type.String(), en: Type.String() });
const ViolationView = Type.Object({
  guard: Nullable(Type.String()),
  code: Type.String(),
  rule: Type.String(),
  severity: Type.Enum(['error', 'warning']),
  params: Type.Record(Type.String(), Type.Unknown()),
  message: Type.String(),
});
const ClockView = Type.Object({
  name: Type.Enum(['decision', 'ministry-reply']),
  rule: Type.String(),
  startedOn: Type.String(),
  days: Type.Integer(),
  countedDays: Type.Integer(),
  pausedDays: Type.Integer(),
  remainingDays: Type.Integer(),
  paused: Type.Boolean(),
  due: Nullable(Type.String()),
  nominalDue: Nullable(Type.String()),
  stoppedOn: Nullable(Type.String()),
  pauses: Type.Array(Type.Object({ from: Type.String(), to: Nullable(Type.String()) })),
});

export const PlanSummary = Type.Object({
  id: Type.String(),
  title: I18nTextSchema(300),
  model: ModelSchema,
  leadRegion: Type.String(),
  participants: Type.Array(Type.String()),
  state: Type.Enum([...PLAN_STATES]),
  contentVersion: Type.Integer(),
  submittedOn: Nullable(Type.String()),
  zoneId: Nullable(Type.String()),
  demo: Type.Boolean(),
  updatedAt: Type.String(),
}, { title: 'PlanSummary' });

export const PlanView = Type.Object({
  ...PlanSummary.properties,
  contentHash: Type.String(),
  revision: Type.Integer(),
  etag: Type.String(),
  decidedOn: Nullable(Type.String()),
  createdAt: Type.String(),
  participantDetails: Type.Array(Type.Object({
    regionCode: Type.String(),
    role: Type.Enum(['lead', 'partner']),
    name: RegionName,
    signOff: Nullable(Type.Object({ contentHash: Type.String(), signedOn: Type.String(), current: Type.Boolean() })),
  })),
  content: ContentSchema,
  consultation: ConsultationInput,
  readiness: Type.Object({
    submittable: Type.Boolean(),
    facts: Type.Record(Type.String(), Type.Boolean()),
    violations: Type.Array(ViolationView),
    /** A connected zone's participating provinces: one group or several, and the link (with its kind) that joins each pair. */
    contiguity: Nullable(Type.Object({
      contiguous: Type.Boolean(),
      ferriesCount: Type.Boolean(),
      components: Type.Array(Type.Array(Type.String())),
      joins: Type.Array(Type.Object({ a: Type.String(), b: Type.String(), kind: Type.Enum(['border', 'fixed', 'ferry']), note: Nullable(Type.String()) })),
    })),
    earliestSubmission: Nullable(Type.String()),
  }),
  clocks: Type.Array(ClockView),
  steps: Type.Array(Type.Object({
    seq: Type.Integer(), kind: Type.String(), fromState: Type.String(), toState: Type.String(), onDate: Type.String(),
    body: Type.Unknown(), createdAt: Type.String(),
    by: Nullable(Type.Object({ name: Type.String(), organisation: Type.Record(Type.String(), Type.String()), regionCode: Nullable(Type.String()) })),
  })),
  actions: Type.Array(Type.Object({ action: Type.Enum([...PLAN_ACTIONS]), to: Type.Enum([...PLAN_STATES]), blockedBy: Type.Array(Type.Enum([...PLAN_GUARDS])) })),
  can: Type.Object({ editCommon: Type.Boolean(), editSections: Type.Array(Type.String()), signOff: Type.Boolean(), review: Type.Boolean(), decide: Type.Boolean(), readReview: Type.Boolean() }),
}, { title: 'Plan' });

export const VersionSummary = Type.Object({
  version: Type.Integer(),
  contentHash: Type.String(),
  change: Type.String(),
  createdAt: Type.String(),
  createdRegion: Nullable(Type.String()),
  createdBy: Nullable(Type.String()),
});
export const DiffView = Type.Object({
  from: Type.Integer(),
  to: Type.Integer(),
  fromHash: Type.String(),
  toHash: Type.String(),
  changes: Type.Array(Type.Object({
    path: Type.String(),
    op: Type.Enum(['add', 'remove', 'replace']),
    before: Type.Optional(Type.Unknown()),
    after: Type.Optional(Type.Unknown()),
  })),
});

export type PlanState = (typeof PLAN_STATES)[number];
export type PlanSummary = Static<typeof PlanSummary>;
export type PlanView = Static<typeof PlanView>;
export type VersionSummary = Static<typeof VersionSummary>;
export type PlanContent = Static<typeof ContentSchema>;
export type PlanExemption = Static<typeof ExemptionSchema>;
export type Kpi = Static<typeof KpiSchema>;
export type Attachment = Static<typeof AttachmentSchema>;
export type Site = Static<typeof SiteSchema>;
export type Company = Static<typeof CompanySchema>;
export type PlanProject = Static<typeof ProjectSchema>;
export type BudgetLine = Static<typeof BudgetLineSchema>;
export type Opinion = Static<typeof OpinionSchema>;
