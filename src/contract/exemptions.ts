// Exemptions (규제특례) as the API shows and records them.
import { Type, type Static } from 'typebox';
import { EXEMPTION_KINDS } from '../domain/exemptions/validity.ts';
import { STAGES } from '../domain/supply-chain/stages.ts';
import { DateOnly, I18nTextSchema, Nullable, Uuid } from './common.ts';
import { ConditionsSchema } from './exemption-conditions.ts';
import { LifecycleSchema } from './exemption-lifecycle.ts';

export { EXEMPTION_KINDS };

export const ExemptionZone = Type.Object({ id: Type.String(), name: I18nTextSchema(300), periodStart: Nullable(Type.String()), periodEnd: Nullable(Type.String()) });
export const ExemptionSchema = Type.Object({
  id: Type.String(),
  kind: Type.Enum([...EXEMPTION_KINDS]),
  title: I18nTextSchema(300),
  zone: ExemptionZone,
  holders: Type.Array(Type.String()),
  conditions: ConditionsSchema,
  stages: Type.Array(Type.String()),
  grantedOn: Type.String(),
  state: Type.String(),
  regulations: Type.Array(Type.Object({ id: Type.String(), title: I18nTextSchema(300), law: I18nTextSchema(300), article: Type.String(), paragraph: Nullable(Type.String()), ministry: Type.String() })),
  validity: Type.Object({
    from: Nullable(Type.String()), until: Nullable(Type.String()), status: Type.String(), validThrough: Nullable(Type.String()), openEnded: Type.Boolean(),
    maxExtensions: Type.Integer(), extensionsUsed: Type.Integer(),
    extensionApplyBy: Nullable(Type.Object({ nominal: Type.String(), lastBusinessDay: Type.String() })),
    extensionLatestUntil: Nullable(Type.String({ description: 'latest lawful last day after the one extension: within the Act\'s total from the first term\'s start and the zone\'s period (ADR 0013)' })),
    amendmentRequestBy: Nullable(Type.Object({ nominal: Type.String(), lastBusinessDay: Type.String() })),
    resultsReportDue: Nullable(Type.String()), rule: Type.String(),
  }),
  amendmentRequestedOn: Nullable(Type.String()),
  lawAmendedOn: Nullable(Type.String()),
  daysToAmendment: Nullable(Type.Integer()),
  demo: Type.Boolean(),
  lifecycle: LifecycleSchema,
}, { title: 'Exemption' });
export type Exemption = Static<typeof ExemptionSchema>;
export const ExemptionInput = Type.Object({
  kind: Type.Enum([...EXEMPTION_KINDS]),
  title: I18nTextSchema(300),
  zoneId: Uuid,
  holders: Type.Array(Uuid, { maxItems: 50, uniqueItems: true }),
  regulationIds: Type.Array(Uuid, { minItems: 1, maxItems: 50, uniqueItems: true }),
  conditions: ConditionsSchema,
  stages: Type.Array(Type.Enum([...STAGES]), { maxItems: STAGES.length, uniqueItems: true }),
  grantedOn: DateOnly,
  validFrom: Nullable(DateOnly),
  validUntil: Nullable(DateOnly),
  insuranceProofSubmitted: Type.Boolean(),
}, { additionalProperties: false });
export type ExemptionInput = Static<typeof ExemptionInput>;

export const BundleExemptionSchema = Type.Object({ id: Type.String(), title: I18nTextSchema(300), kind: Type.String(), state: Type.String(), stages: Type.Array(Type.String()), zone: Type.Object({ id: Type.String(), name: I18nTextSchema(300) }) });
export const BundleSchema = Type.Object({
  zone: Type.Object({ id: Type.String(), name: I18nTextSchema(300) }),
  covered: Type.Integer(), total: Type.Integer(),
  stages: Type.Array(Type.Object({
    stage: Type.String(), name: I18nTextSchema(200), covered: Type.Boolean(),
    exemptions: Type.Array(BundleExemptionSchema), precedents: Type.Array(BundleExemptionSchema),
  })),
});
export const ReformBoardSchema = Type.Object({
  asOf: Type.String(),
  summary: Type.Object({ total: Type.Integer(), byState: Type.Record(Type.String(), Type.Integer()), lawAmended: Type.Integer(), medianDaysToAmendment: Nullable(Type.Number()) }),
  items: Type.Array(Type.Object({
    id: Type.String(), title: I18nTextSchema(300), kind: Type.String(), zone: ExemptionZone, state: Type.String(), grantedOn: Type.String(),
    validUntil: Nullable(Type.String()), validThrough: Nullable(Type.String()), amendmentRequestedOn: Nullable(Type.String()), lawAmendedOn: Nullable(Type.String()),
    daysToAmendment: Nullable(Type.Integer()), daysSinceGrant: Type.Integer(), demo: Type.Boolean(),
    amendmentStatus: Nullable(Type.String()), escalated: Type.Boolean(),
    path: Type.Array(Type.Object({ step: Type.String(), on: Type.String(), daysFromGrant: Type.Integer() }), { description: 'grant → request → review → plan → legislative stages → escalation → effective, with days from grant' }),
  })),
});

export type BundleExemption = Static<typeof BundleExemptionSchema>;
export type Bundle = Static<typeof BundleSchema>;
export type ReformBoard = Static<typeof ReformBoardSchema>;
export type ReformItem = ReformBoard['items'][number];
