// Regulatory needs (규제 수요) of zone plans and demonstration projects and their coverage by exemptions.
import { Type, type Static } from 'typebox';
import { STAGES } from '../domain/supply-chain/stages.ts';
import { I18nTextSchema, Line, Nullable } from './common.ts';

export const NeedSchema = Type.Object({
  stage: Type.Enum([...STAGES], { description: 'the supply-chain stage where the work is blocked' }),
  regulation: Type.String({ format: 'uuid', description: 'the catalogue regulation (GET /api/regulations) that blocks it' }),
  note: Nullable(Line(500, 0)),
}, { additionalProperties: false });
export const NeedsSchema = Type.Array(NeedSchema, { maxItems: 100, description: 'regulatory needs per stage; a stage and regulation appear once' });
export type NeedInput = Static<typeof NeedSchema>;

const ZoneRef = Type.Object({ id: Type.String(), name: I18nTextSchema(300) });
const ExemptionRef = Type.Object({ id: Type.String(), title: I18nTextSchema(300), kind: Type.String(), state: Type.String(), stages: Type.Array(Type.String()), zone: ZoneRef });
const RegulationRef = Type.Object({ id: Type.String(), title: I18nTextSchema(300), law: I18nTextSchema(300), article: Type.String(), paragraph: Nullable(Type.String()) });

export const CoverageSchema = Type.Object({
  zone: Nullable(ZoneRef),
  needs: Type.Integer(),
  met: Type.Integer(),
  stages: Type.Array(Type.Object({
    stage: Type.String(), name: I18nTextSchema(200), status: Type.Enum(['none', 'covered', 'unmet']),
    needs: Type.Array(Type.Object({
      stage: Type.String(), regulation: RegulationRef, note: Nullable(Type.String()), met: Type.Boolean(),
      metBy: Type.Array(ExemptionRef), requestedBy: Type.Array(Type.String()),
      precedents: Type.Array(Type.Object({ ...ExemptionRef.properties, sameStage: Type.Boolean() })),
    })),
  })),
}, { title: 'Coverage' });
export type CoverageView = Static<typeof CoverageSchema>;
