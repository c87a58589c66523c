// Request and response shapes of demonstration projects.
import { Type, type Static } from 'typebox';
import { PROJECT_STATES } from '../domain/demonstrations/project.ts';
import { DateOnly, I18nTextSchema, Line, Nullable, Uuid } from './common.ts';
import { NeedsSchema } from './needs.ts';

export const KPI_FREQUENCIES = ['monthly', 'quarterly', 'half-yearly', 'yearly'] as const;

const Krw = Type.Integer({ minimum: 0, maximum: 1e15 });
export const InsuranceSchema = Type.Object({
  insurer: Line(200),
  policyNumber: Line(100),
  cover: Type.Object({ deathPerPerson: Krw, injuryPerPerson: Krw, disabilityPerPerson: Krw, propertyPerAccident: Krw }, { additionalProperties: false }),
  validFrom: DateOnly,
  validUntil: DateOnly,
}, { additionalProperties: false });

export const MilestoneSchema = Type.Object({ title: I18nTextSchema(300), due: DateOnly, done: Type.Boolean() }, { additionalProperties: false });
export const KpiSchema = Type.Object({
  id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,39}$' }),
  name: I18nTextSchema(200),
  unit: Line(40),
  target: Type.Number({ minimum: -1e15, maximum: 1e15 }),
  frequency: Type.Enum([...KPI_FREQUENCIES]),
}, { additionalProperties: false });

const projectFields = {
  title: I18nTextSchema(300),
  summary: I18nTextSchema(4000),
  partnerCompanies: Type.Array(Uuid, { maxItems: 50, uniqueItems: true }),
  exemptionIds: Type.Array(Uuid, { maxItems: 100, uniqueItems: true, description: 'the exemptions (규제특례) the project demonstrates under; their conditions become compliance rules' }),
  sites: Type.Array(Type.String({ pattern: '^[0-9]{5}$' }), { maxItems: 250, uniqueItems: true, description: 'municipality codes (KOSTAT 2018)' }),
  products: Type.Array(I18nTextSchema(300), { minItems: 1, maxItems: 20, description: 'products and services combined (a converged project has several)' }),
  periodStart: DateOnly,
  periodEnd: DateOnly,
  milestones: Type.Array(MilestoneSchema, { maxItems: 100 }),
  kpis: Type.Array(KpiSchema, { maxItems: 50 }),
  safetyPlan: I18nTextSchema(8000),
  insuranceRequired: Type.Boolean({ description: 'whether the exemptions used require liability insurance (Decree Art. 60)' }),
  insurance: Nullable(InsuranceSchema),
  rules: Type.Array(Type.Unknown(), { maxItems: 100, description: 'compliance rules (src/domain/compliance/rules.ts)' }),
  needs: Type.Optional({ ...NeedsSchema, description: 'regulatory needs per stage; left out, the stored needs stay' }),
};

export const ProjectInput = Type.Object({ zoneId: Uuid, ...projectFields }, { additionalProperties: false });
export const ProjectUpdate = Type.Object(projectFields, { additionalProperties: false });

export const ProjectSchema = Type.Object({
  id: Type.String(),
  zoneId: Type.String(),
  state: Type.Enum([...PROJECT_STATES]),
  leadCompany: Type.String(),
  ...projectFields,
  needs: NeedsSchema,
  version: Type.Integer(),
  demo: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  suspendedExemptions: Type.Array(Type.Object({
    id: Type.String(), exemptionId: Type.String(), incidentId: Nullable(Type.String()), suspendedAt: Type.String(), reason: I18nTextSchema(4000),
  })),
  canEdit: Type.Boolean(),
  canUpload: Type.Boolean(),
  canSuspend: Type.Boolean(),
  canLiftSuspension: Type.Boolean(),
}, { title: 'Project' });

export const UploadResultSchema = Type.Object({
  uploadId: Type.String(),
  format: Type.Enum(['csv', 'ndjson']),
  mode: Type.Enum(['all', 'skip-invalid']),
  rowsTotal: Type.Integer(),
  rowsStored: Type.Integer(),
  rowsRejected: Type.Integer(),
  replayed: Type.Boolean(),
  errors: Type.Array(Type.Object({ row: Type.Integer(), column: Type.String(), path: Type.String(), message: Type.String() })),
  createdAt: Type.String(),
});

export type Project = Static<typeof ProjectSchema>;
export type ProjectInput = Static<typeof ProjectInput>;
export type ProjectFields = Static<typeof ProjectUpdate>;
export type UploadResult = Static<typeof UploadResultSchema>;
