// Exemption drafts (issue 14, "From plan to zone"): the special cases of a designated plan, each waiting for MSS to
// record it as an exemption — as proposed or corrected — or to dismiss it with a reason.
import { Type, type Static } from 'typebox';
import { EXEMPTION_KINDS } from '../domain/exemptions/validity.ts';
import { DateOnly, I18nTextSchema, Nullable, Uuid } from './common.ts';
import { ExemptionInput } from './exemptions.ts';

export const EXEMPTION_DRAFT_STATES = ['open', 'confirmed', 'dismissed'] as const;

export const ExemptionDraftSchema = Type.Object({
  id: Uuid,
  zoneId: Uuid,
  planId: Uuid,
  planItem: Type.String({ description: 'the special case\'s id in the plan' }),
  kind: Type.Enum([...EXEMPTION_KINDS]),
  title: I18nTextSchema(300),
  regulations: Type.Array(Type.Object({ id: Uuid, title: I18nTextSchema(300), law: I18nTextSchema(300), article: Type.String(), paragraph: Nullable(Type.String()) })),
  stages: Type.Array(Type.String()),
  conditionsText: I18nTextSchema(4000),
  validFrom: Nullable(DateOnly),
  validUntil: Nullable(DateOnly),
  specialCase: Type.Object({
    law: I18nTextSchema(200), provision: Type.String(), regulation: I18nTextSchema(2000), request: I18nTextSchema(2000),
    responsibleMinistry: Nullable(I18nTextSchema(200)),
  }, { description: 'the special case as the plan wrote it' }),
  state: Type.Enum([...EXEMPTION_DRAFT_STATES]),
  exemptionId: Nullable(Uuid),
  reason: Nullable(I18nTextSchema(2000)),
  decidedAt: Nullable(Type.String({ format: 'date-time' })),
}, { title: 'ExemptionDraft' });
export type ExemptionDraft = Static<typeof ExemptionDraftSchema>;

export const ExemptionDraftListSchema = Type.Object({ items: Type.Array(ExemptionDraftSchema) }, { title: 'ExemptionDraftList' });

/** What MSS records when it confirms a draft: the exemption as granted (the zone is the draft's). */
export const ConfirmDraftInput = Type.Omit(ExemptionInput, ['zoneId'], { additionalProperties: false });
export type ConfirmDraftInput = Static<typeof ConfirmDraftInput>;

export const DismissDraftInput = Type.Object({ reason: I18nTextSchema(2000) }, { additionalProperties: false });
export type DismissDraftInput = Static<typeof DismissDraftInput>;
