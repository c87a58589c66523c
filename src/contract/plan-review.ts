// TypeBox schemas of the review record: experts (ties, assignment, declaration, scores) and ministries' opinions.
import { Type, type Static } from 'typebox';
import { MAX_SCORE, REVIEW_CRITERIA } from '../domain/zones/expert-review.ts';
import { I18nTextSchema, Line, Nullable, Uuid } from './common.ts';
import { RegionCode } from './plans.ts';

const Note = Type.Optional(Line(300));
export const TieSchema = Type.Union([
  Type.Object({ kind: Type.Literal('government'), regionCode: RegionCode, note: Note }, { additionalProperties: false }),
  Type.Object({
    kind: Type.Literal('company'), name: Line(200), businessNumber: Nullable(Type.String({ pattern: '^[0-9]{3}-[0-9]{2}-[0-9]{5}$' })), note: Note,
  }, { additionalProperties: false }),
]);
export const TiesInput = Type.Object({ ties: Type.Array(TieSchema, { maxItems: 50 }) }, { additionalProperties: false });
export type TiesInput = Static<typeof TiesInput>;

export const AssignInput = Type.Object({ expertUserId: Uuid }, { additionalProperties: false });
export const ExpertParams = Type.Object({ id: Uuid, userId: Uuid });
export const DeclarationInput = Type.Object({ conflict: Type.Boolean(), note: Nullable(I18nTextSchema(2000)) }, { additionalProperties: false });

const Score = Type.Integer({ minimum: 0, maximum: MAX_SCORE });
export const ScoreSheet = Type.Object(Object.fromEntries(REVIEW_CRITERIA.map((c) => [c, Score])) as Record<(typeof REVIEW_CRITERIA)[number], typeof Score>, { additionalProperties: false });
export const ScoresInput = Type.Object({ scores: ScoreSheet, comment: Nullable(I18nTextSchema(4000)) }, { additionalProperties: false });

export const ConsultInput = Type.Object({ organisationId: Uuid }, { additionalProperties: false });
export const PositionSchema = Type.Enum(['agree', 'agree_with_conditions', 'disagree']);
export const OpinionInput = Type.Object({ position: PositionSchema, opinion: I18nTextSchema(4000), conditions: Nullable(I18nTextSchema(4000)) }, { additionalProperties: false });

// ---- views

const OrgName = Type.Record(Type.String(), Type.String());
const ClockView = Type.Object({
  name: Type.String(), rule: Type.String(), startedOn: Type.String(), days: Type.Integer(), countedDays: Type.Integer(), pausedDays: Type.Integer(),
  remainingDays: Type.Integer(), paused: Type.Boolean(), due: Nullable(Type.String()), nominalDue: Nullable(Type.String()), stoppedOn: Nullable(Type.String()),
  pauses: Type.Array(Type.Object({ from: Type.String(), to: Nullable(Type.String()) })),
});
export const ExpertView = Type.Object({
  userId: Type.String(), name: Type.String(), organisation: OrgName, ties: Type.Array(TieSchema),
});
const Sheet = Type.Record(Type.String(), Type.Integer());
export const ReviewView = Type.Object({
  planId: Type.String(),
  state: Type.String(),
  criteria: Type.Array(Type.Object({ key: Type.String(), rule: Type.String(), max: Type.Integer() })),
  experts: Type.Array(Type.Object({
    userId: Type.String(), name: Type.String(), assignedOn: Type.String(),
    declaration: Nullable(Type.Enum(['no_conflict', 'conflict'])), declaredAt: Nullable(Type.String()), declarationNote: Nullable(OrgName),
    scores: Nullable(Sheet), total: Nullable(Type.Integer()), comment: Nullable(OrgName), scoredAt: Nullable(Type.String()),
  })),
  summary: Type.Object({
    sheets: Type.Integer(), maxTotal: Type.Integer(), averageTotal: Nullable(Type.Number()), averages: Type.Record(Type.String(), Nullable(Type.Number())),
  }),
  consultations: Type.Array(Type.Object({
    organisationId: Type.String(), organisation: OrgName, requestedOn: Type.String(), clock: ClockView,
    repliedOn: Nullable(Type.String()), position: Nullable(PositionSchema), opinion: Nullable(OrgName), conditions: Nullable(OrgName),
  })),
  /** Responsible ministries MSS may consult (MSS only). */
  ministries: Type.Array(Type.Object({ organisationId: Type.String(), name: OrgName })),
  can: Type.Object({ assign: Type.Boolean(), consult: Type.Boolean(), declare: Type.Boolean(), score: Type.Boolean(), opine: Type.Boolean() }),
}, { title: 'PlanReview' });

export const ExpertWorkspace = Type.Object({
  ties: Type.Array(TieSchema),
  criteria: Type.Array(Type.Object({ key: Type.String(), rule: Type.String(), max: Type.Integer() })),
  assignments: Type.Array(Type.Object({
    planId: Type.String(), title: OrgName, state: Type.String(), model: Type.String(), leadRegion: Type.String(), participants: Type.Array(Type.String()),
    demo: Type.Boolean(), assignedOn: Type.String(), declaration: Nullable(Type.Enum(['no_conflict', 'conflict'])), scores: Nullable(Sheet), scoredAt: Nullable(Type.String()),
  })),
});
