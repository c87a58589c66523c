// Conditions (부가조건) of an exemption: text plus structured parts that demonstration data can be checked against.
import { Type, type Static } from 'typebox';
import { I18nTextSchema, Line, Nullable } from './common.ts';

const Krw = Type.Integer({ minimum: 0, maximum: 1e15 });

export const ConditionsSchema = Type.Object({
  text: I18nTextSchema(4000),
  scope: Nullable(I18nTextSchema(1000)),
  area: Nullable(I18nTextSchema(1000)),
  quantities: Type.Array(Type.Object({
    item: I18nTextSchema(200),
    max: Type.Number({ minimum: 0, maximum: 1e12 }),
    unit: Line(40),
  }, { additionalProperties: false }), { maxItems: 50 }),
  time: Nullable(I18nTextSchema(1000)),
  safetyMeasures: Type.Array(I18nTextSchema(1000), { maxItems: 50 }),
  insurance: Nullable(Type.Object({
    deathPerPerson: Krw,
    injuryPerPerson: Krw,
    disabilityPerPerson: Krw,
    propertyPerAccident: Krw,
  }, { additionalProperties: false })),
}, { title: 'ExemptionConditions', additionalProperties: false });
export type Conditions = Static<typeof ConditionsSchema>;
