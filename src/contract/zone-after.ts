// TypeBox schemas of a zone after designation: change requests, evaluations, extension, hearing, cancellation, data requests.
import { Type, type Static } from 'typebox';
import { CHANGE_ITEMS, CHANGE_STATES } from '../domain/zones/zone-changes.ts';
import { EVALUATION_CRITERIA, GRADES } from '../domain/zones/zone-evaluation.ts';
import { CANCELLATION_GROUNDS } from '../domain/zones/zone-period.ts';
import { DateOnly, I18nTextSchema, Nullable, Uuid } from './common.ts';
import { CommitteeSchema } from './plans.ts';

export const ZoneParams = Type.Object({ id: Uuid });
export const ChangeParams = Type.Object({ id: Uuid, changeId: Uuid });
export const DataRequestParams = Type.Object({ id: Uuid, requestId: Uuid });

/** The committee meeting a decision was taken at (7-day written notice: Decree Art. 47(6), 49(6)). */
const Meeting = {
  committee: CommitteeSchema,
  meetingOn: DateOnly,
  noticeGivenOn: Nullable(DateOnly),
  urgent: Type.Boolean(),
};

export const ChangeInput = Type.Object({
  items: Type.Array(Type.Enum([...CHANGE_ITEMS]), { minItems: 1, maxItems: CHANGE_ITEMS.length, uniqueItems: true }),
  areaChangePercent: Nullable(Type.Number({ minimum: -100, maximum: 1000 })),
  description: I18nTextSchema(4000),
}, { additionalProperties: false });

export const ChangeReviewInput = Type.Object({
  action: Type.Enum(['approve_minor', 'accept_for_review', 'reject']),
  note: Nullable(I18nTextSchema(4000)),
}, { additionalProperties: false });

export const ChangeDecisionInput = Type.Object({
  decision: Type.Enum(['approve', 'reject']),
  ...Meeting,
  ministryRepliesComplete: Type.Boolean(),
  note: Nullable(I18nTextSchema(4000)),
}, { additionalProperties: false });

export const EvaluationInput = Type.Object({
  year: Type.Integer({ minimum: 2019, maximum: 2200 }),
  scores: Type.Object(Object.fromEntries(EVALUATION_CRITERIA.map((c) => [c, Type.Number({ minimum: 0, maximum: 100 })])) as Record<(typeof EVALUATION_CRITERIA)[number], ReturnType<typeof Type.Number>>, { additionalProperties: false }),
  summary: I18nTextSchema(4000),
  confirmedOn: DateOnly,
}, { additionalProperties: false });
export type EvaluationInput = Static<typeof EvaluationInput>;

export const ExtensionInput = Type.Object({ newPeriodEnd: DateOnly, ...Meeting, reason: I18nTextSchema(4000) }, { additionalProperties: false });

export const HearingInput = Type.Object({
  heldOn: DateOnly,
  ground: Type.Enum([...CANCELLATION_GROUNDS]),
  attendees: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { minItems: 1, maxItems: 50 }),
  summary: I18nTextSchema(8000),
}, { additionalProperties: false });

export const CancellationInput = Type.Object({ ground: Type.Enum([...CANCELLATION_GROUNDS]), ...Meeting, reason: I18nTextSchema(4000) }, { additionalProperties: false });

export const DataRequestInput = Type.Object({ organisationId: Uuid, subject: I18nTextSchema(4000), dueOn: DateOnly }, { additionalProperties: false });
export const DataAnswerInput = Type.Object({ answer: I18nTextSchema(20_000) }, { additionalProperties: false });

export const ChangeView = Type.Object({
  id: Type.String(), state: Type.Enum([...CHANGE_STATES]), items: Type.Array(Type.String()), areaChangePercent: Nullable(Type.Number()), description: I18nTextSchema(4000),
  minor: Type.Boolean(), filedByRegion: Type.String(), filedOn: Type.String(), replyDue: Nullable(Type.String()), decidedOn: Nullable(Type.String()),
  decision: Type.Unknown(), actions: Type.Array(Type.String()),
});

export const EvaluationView = Type.Object({
  year: Type.Integer(), grade: Type.Enum([...GRADES]), scores: Type.Record(Type.String(), Type.Number()), summary: I18nTextSchema(4000), confirmedOn: Type.String(),
  consequences: Type.Object({ improvementRequired: Type.Boolean(), cancellationWarning: Type.Boolean(), extensionEligible: Type.Boolean(), supportPriority: Type.Boolean() }),
});

export const DataRequestView = Type.Object({
  id: Type.String(), zoneId: Type.String(), organisationId: Type.String(), organisationName: I18nTextSchema(300), subject: I18nTextSchema(4000), requestedOn: Type.String(),
  dueOn: Type.String(), answer: Nullable(I18nTextSchema(20_000)), answeredOn: Nullable(Type.String()),
});

export type ZoneChange = Static<typeof ChangeView>;
export type Evaluation = Static<typeof EvaluationView>;
export type DataRequest = Static<typeof DataRequestView>;
