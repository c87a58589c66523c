// Schemas of the regulation catalogue.
import { Type, type Static } from 'typebox';
import { DateOnly, I18nTextSchema, Line, Nullable } from './common.ts';

export const INSTRUMENTS = ['act', 'decree', 'rule', 'notice'] as const;
export type Instrument = (typeof INSTRUMENTS)[number];

export const MinistryCode = Type.String({ pattern: '^[A-Z][A-Z0-9_]{1,15}$', examples: ['MOTIE'] });

export const AmendmentSchema = Type.Object({
  date: DateOnly,
  act: Line(200),
  note: Nullable(I18nTextSchema(1000)),
}, { additionalProperties: false });

export const RegulationInputSchema = Type.Object({
  instrument: Type.Enum([...INSTRUMENTS]),
  law: I18nTextSchema(300),
  article: Type.String({ minLength: 1, maxLength: 20, pattern: '^[0-9A-Za-z가-힣()\\-]+$' }),
  paragraph: Nullable(Type.String({ minLength: 1, maxLength: 20, pattern: '^[0-9A-Za-z()\\-]+$' })),
  ministry: MinistryCode,
  ministryName: I18nTextSchema(200),
  title: I18nTextSchema(300),
  body: I18nTextSchema(20_000),
  effectiveFrom: DateOnly,
  amendments: Type.Array(AmendmentSchema, { maxItems: 100 }),
}, { additionalProperties: false });

export const RegulationSchema = Type.Object({
  id: Type.String(),
  instrument: Type.Enum([...INSTRUMENTS]),
  law: I18nTextSchema(300),
  article: Type.String(),
  paragraph: Nullable(Type.String()),
  ministry: Type.String(),
  ministryName: I18nTextSchema(200),
  title: I18nTextSchema(300),
  body: I18nTextSchema(20_000),
  effectiveFrom: Type.String(),
  amendments: Type.Array(Type.Object({ date: Type.String(), act: Type.String(), note: Nullable(I18nTextSchema(1000)) })),
  demo: Type.Boolean(),
  source: Type.Enum(['reference', 'demo', 'platform']),
  updatedAt: Type.String(),
}, { title: 'Regulation' });
export type Regulation = Static<typeof RegulationSchema>;
export type RegulationInput = Static<typeof RegulationInputSchema>;
