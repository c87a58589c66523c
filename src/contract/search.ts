// Precedent search over regulations, exemptions and zone plans: what one hit and one answer hold.
import { Type, type Static } from 'typebox';
import { I18nTextSchema, Nullable } from './common.ts';

export const HitSchema = Type.Object({
  type: Type.Enum(['regulation', 'exemption', 'plan']),
  id: Type.String(),
  title: I18nTextSchema(300),
  score: Type.Number(),
  matchedFields: Type.Array(Type.String()),
  snippets: Type.Array(Type.Object({ field: Type.String(), text: Type.String(), highlights: Type.Array(Type.Array(Type.Integer())) })),
  year: Type.Integer(),
  demo: Type.Boolean(),
  /** Every responsible ministry of the hit (an exemption may suspend regulations of several), sorted; empty for plans. */
  ministries: Type.Array(Type.String()),
  kind: Nullable(Type.String()),
  state: Nullable(Type.String()),
  stages: Type.Array(Type.String()),
  zone: Nullable(Type.Object({ id: Type.String(), name: I18nTextSchema(300) })),
  law: Nullable(I18nTextSchema(300)),
  article: Nullable(Type.String()),
}, { title: 'SearchHit' });
export const SearchResultSchema = Type.Object({ query: Type.String(), tokens: Type.Array(Type.String()), total: Type.Integer(), items: Type.Array(HitSchema) });

export type SearchHit = Static<typeof HitSchema>;
export type SearchResult = Static<typeof SearchResultSchema>;
