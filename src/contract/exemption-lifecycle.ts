// JSON schemas of what happens after an exemption's grant (documented in OpenAPI for the web UI and API clients).
import { Type, type Static } from 'typebox';
import { AMENDMENT_STAGES, EVIDENCE_TYPES } from '../domain/exemptions/amendment-tracking.ts';
import { CANCELLATION_GROUNDS } from '../domain/exemptions/cancellation.ts';
import { DEADLINE_KINDS } from '../domain/exemptions/deadlines.ts';
import { DateOnly, I18nTextSchema, Nullable, Uuid } from './common.ts';

export const EvidenceRefSchema = Type.Object({
  type: Type.Enum([...EVIDENCE_TYPES], { description: 'the kind of existing row cited' }),
  id: Uuid,
  period: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: 'report period (demonstration_report only)' })),
}, { additionalProperties: false });

export const ScheduleSchema = Type.Array(Type.Object({ stage: Type.Enum([...AMENDMENT_STAGES]), by: DateOnly }, { additionalProperties: false }), { minItems: 1, maxItems: AMENDMENT_STAGES.length });

export const LifecycleSchema = Type.Object({
  redeliberation: Nullable(Type.Object({
    decision: Type.Enum(['rejected', 'granted'], { description: 'the decision objected to: a rejection, or a grant with its conditions (Decree Art. 57-3(1))' }),
    notifiedOn: Type.String(), requestedOn: Type.String(), grounds: I18nTextSchema(4000), deadline: Type.String(),
    decidedOn: Nullable(Type.String()), outcome: Nullable(Type.String()),
  })),
  cancellation: Nullable(Type.Object({
    ground: Type.String({ description: `one of ${CANCELLATION_GROUNDS.join(', ')} (Act Art. 89(1))` }), hearingNoticeOn: Type.String(), hearingOn: Type.String(), hearingRecord: I18nTextSchema(4000),
    decidedOn: Nullable(Type.String()), reason: Nullable(I18nTextSchema(4000)),
  })),
  resultsReport: Type.Object({
    due: Nullable(Type.String()), submittedOn: Nullable(Type.String()),
    status: Type.Enum(['not_required', 'not_yet_due', 'due', 'overdue', 'submitted', 'submitted_late']),
  }),
  amendment: Nullable(Type.Object({
    status: Type.Enum(['not_requested', 'awaiting_review', 'refused', 'plan_due', 'plan_overdue', 'amending', 'effective']),
    requestedOn: Nullable(Type.String()),
    evidence: Type.Array(Type.Object({ type: Type.String(), id: Type.String(), period: Type.Optional(Type.Integer()) })),
    review: Nullable(Type.Object({ reportedOn: Type.String(), needed: Type.Boolean(), text: Nullable(I18nTextSchema(4000)) })),
    planDue: Nullable(Type.String()), planSubmittedOn: Nullable(Type.String()), plan: Nullable(Type.Object({ targetLaw: I18nTextSchema(300) })),
    schedule: Type.Array(Type.Object({ stage: Type.String(), by: Type.String() })),
    progress: Type.Array(Type.Object({ stage: Type.String(), on: Type.String() })),
    escalatedOn: Nullable(Type.String()),
    escalation: Nullable(Type.Object({ ground: Type.String(), recommendation: I18nTextSchema(4000) })),
    escalationGround: Nullable(Type.Object({ ground: Type.String(), since: Type.String(), rule: Type.String() }, { description: 'why the committee may recommend the amendment now (Act Art. 87(13)), if it may' })),
    effectiveOn: Nullable(Type.String()),
    version: Type.Integer({ description: 'send as If-Match ("<version>") with review, plan, progress and escalation' }),
  })),
  path: Type.Array(Type.Object({ step: Type.String(), on: Type.String(), daysFromGrant: Type.Integer() }), { description: 'steps from grant to the amended law' }),
  deadlines: Type.Array(Type.Object({ kind: Type.Enum([...DEADLINE_KINDS]), due: Type.String(), rule: Type.String(), status: Type.Enum(['overdue', 'due_soon', 'upcoming', 'closed'], { description: 'due_soon: within 90 days' }) })),
});

export type Lifecycle = Static<typeof LifecycleSchema>;
export type EvidenceRef = Static<typeof EvidenceRefSchema>;
