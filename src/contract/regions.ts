// Regions (시·도, 시·군·구) with their names through time, and regional promotion teams.
import { Type, type Static } from 'typebox';
import { I18nTextSchema, Nullable } from './common.ts';

export const RegionName = Type.Object({
  ko: Type.String(), en: Type.String(), ja: Type.Optional(Type.String()), zh: Type.Optional(Type.String()), fr: Type.Optional(Type.String()),
});
export const RegionSchema = Type.Object({
  code: Type.String(),
  level: Type.Enum(['province', 'municipality']),
  parentCode: Nullable(Type.String()),
  name: RegionName,
  capitalArea: Type.Boolean(),
  eligible: Type.Boolean(),
  /** A renamed region's names through time (e.g. 강원도 until 2023-06-10); `name` is today's. */
  names: Type.Optional(Type.Array(Type.Object({ from: Type.Optional(Type.String()), until: Type.Optional(Type.String()), name: RegionName, basis: Type.Optional(Type.String()) }))),
  /** A municipality that moved between provinces: its provinces through time (군위군: 37 until 2023-06-30, 22 since); `parentCode` is today's. */
  parents: Type.Optional(Type.Array(Type.Object({ from: Type.Optional(Type.String()), until: Type.Optional(Type.String()), code: Type.String(), basis: Type.Optional(Type.String()) }))),
}, { title: 'Region' });
export const ProfileSchema = Type.Object({
  teamName: I18nTextSchema(200),
  contactEmail: Type.String(),
  phone: Nullable(Type.String()),
  introduction: I18nTextSchema(4000),
  updatedAt: Type.String({ format: 'date-time' }),
  version: Type.Integer(),
  demo: Type.Boolean(),
});
export const ProfileInput = Type.Object({
  teamName: I18nTextSchema(200),
  contactEmail: Type.String({ format: 'email', maxLength: 254 }),
  phone: Nullable(Type.String({ maxLength: 40, pattern: '^[0-9+()\\- ]*$' })),
  introduction: I18nTextSchema(4000),
}, { additionalProperties: false });
export const CodeParams = Type.Object({ code: Type.String({ pattern: '^[0-9]{2}([0-9]{3})?$' }) });

export const NeighbourSchema = Type.Object({ region: RegionSchema, kind: Type.Enum(['border', 'fixed', 'ferry']), note: Nullable(Type.String()) });
export const RegionDetailSchema = Type.Object({
  region: RegionSchema,
  parent: Nullable(RegionSchema),
  municipalities: Type.Array(RegionSchema),
  neighbours: Type.Array(NeighbourSchema),
  profile: Nullable(ProfileSchema),
  canEdit: Type.Boolean(),
});

export type RegionName = Static<typeof RegionName>;
export type Region = Static<typeof RegionSchema>;
export type RegionProfile = Static<typeof ProfileSchema>;
export type ProfileInput = Static<typeof ProfileInput>;
export type Neighbour = Static<typeof NeighbourSchema>;
export type RegionDetail = Static<typeof RegionDetailSchema>;
