// TypeBox schemas of rapid confirmation (RFZ Act Art. 85): filing, forwarding or answering locally, ministry replies,
// supplements, and the committee's decision.
import { Type, type Static } from 'typebox';
import { RAPID_ANSWERS } from '../domain/exemptions/rapid-confirmation.ts';
import { I18nTextSchema, Nullable, Uuid } from './common.ts';

export const RapidParams = Type.Object({ id: Uuid });

export const RapidFileInput = Type.Object({
  zoneId: Uuid,
  activity: I18nTextSchema(4000),
  regulationIds: Type.Array(Uuid, { minItems: 1, maxItems: 20, uniqueItems: true }),
  ministryId: Nullable(Uuid),
}, { additionalProperties: false });

export const RapidForwardInput = Type.Object({
  /** Ministries to ask besides those whose regulations the request names (and the one the company named). */
  ministryIds: Type.Array(Uuid, { maxItems: 20, uniqueItems: true }),
}, { additionalProperties: false });

export const RapidLocalAnswerInput = Type.Object({ answer: I18nTextSchema(4000) }, { additionalProperties: false });

export const RapidReplyInput = Type.Object({
  answer: Type.Enum([...RAPID_ANSWERS]),
  /** Which rules apply (when a permit is needed). */
  rules: Nullable(I18nTextSchema(4000)),
}, { additionalProperties: false });

export const RapidSupplementRequestInput = Type.Object({ request: I18nTextSchema(4000) }, { additionalProperties: false });
export const RapidSupplementInput = Type.Object({ ministryId: Uuid }, { additionalProperties: false });

export const RapidDecisionInput = Type.Object({
  decision: Type.Enum(['permit_needed', 'no_permit_needed']),
  note: Nullable(I18nTextSchema(4000)),
}, { additionalProperties: false });

export const RAPID_STATES = ['filed', 'answered_locally', 'forwarded', 'answered', 'committee', 'decided'] as const;
export const RAPID_REPLY_STATUSES = ['pending', 'paused', 'answered', 'deemed_no_permit_needed'] as const;
const Text = I18nTextSchema(20_000);
export const RapidReplyView = Type.Object({
  organisationId: Type.String(), name: Text, notifiedOn: Type.String(), due: Nullable(Type.String()), daysLeft: Nullable(Type.Integer()),
  paused: Type.Boolean(), status: Type.Enum([...RAPID_REPLY_STATUSES]), answer: Nullable(Type.Enum([...RAPID_ANSWERS])), rules: Nullable(Text), repliedOn: Nullable(Type.String()),
  deemed: Type.Boolean(), supplementRequest: Nullable(Text),
});
export const RapidView = Type.Object({
  id: Type.String(), zoneId: Type.String(), zoneName: Text, companyId: Type.String(), companyName: Text, activity: Text,
  regulations: Type.Array(Type.Object({ id: Type.String(), title: Text, law: Text, article: Type.String(), ministry: Type.String() })),
  ministryId: Nullable(Type.String()), state: Type.Enum([...RAPID_STATES]), filedOn: Type.String(), forwardedOn: Nullable(Type.String()), localAnswer: Nullable(Text),
  committeeDue: Nullable(Type.String()), committeeDecision: Nullable(Type.Enum(['permit_needed', 'no_permit_needed'])), committeeNote: Nullable(Text), decidedOn: Nullable(Type.String()),
  version: Type.Integer(), replies: Type.Array(RapidReplyView),
}, { title: 'RapidConfirmation' });

export type RapidConfirmation = Static<typeof RapidView>;
export type RapidReply = Static<typeof RapidReplyView>;
export type RapidFileInput = Static<typeof RapidFileInput>;
