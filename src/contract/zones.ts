// Zones: the designated zones as the API lists and shows them.
import { Type, type Static } from 'typebox';
import { ZONE_STATES } from '../domain/zones/zone-machine.ts';
import { I18nTextSchema, Nullable } from './common.ts';

export const ZoneSchema = Type.Object({
  id: Type.String(),
  name: I18nTextSchema(300),
  field: I18nTextSchema(300),
  model: Type.Enum(['single', 'connected']),
  round: Nullable(Type.Integer()),
  committeeDate: Nullable(Type.String()),
  state: Type.Enum([...ZONE_STATES]),
  outcome: Nullable(Type.Enum(['ended', 'temporary_permit', 'cancelled'])),
  statusNote: Nullable(I18nTextSchema(1000)),
  periodStart: Nullable(Type.String()),
  periodEnd: Nullable(Type.String()),
  source: Type.Enum(['reference', 'demo', 'platform']),
  regions: Type.Array(Type.Object({ code: Type.String(), role: Type.Enum(['lead', 'partner']) })),
  designationNumber: Nullable(Type.String()),
  endedOn: Nullable(Type.String()),
  postManagementUntil: Nullable(Type.String()),
}, { title: 'Zone' });
export const OperatorSchema = Type.Object({ name: I18nTextSchema(300), address: Nullable(I18nTextSchema(500)) });
export const NoticeSchema = Type.Object({
  number: Type.String(), gazettedOn: Type.String(), name: I18nTextSchema(300), location: Type.Array(Type.String()), areaSqm: Type.Number(),
  purpose: I18nTextSchema(4000), periodStart: Type.String(), periodEnd: Type.String(), operators: Type.Array(OperatorSchema),
  exemptions: Type.Array(Type.Object({ kind: Type.String(), law: I18nTextSchema(300), provision: Type.String(), request: I18nTextSchema(4000) })),
  mapRegions: Type.Array(Type.String()), conditions: Nullable(I18nTextSchema(4000)), rule: Type.String(),
});
export const ZoneDetailSchema = Type.Intersect([ZoneSchema, Type.Object({ notice: Nullable(NoticeSchema), version: Type.Integer() })]);

export type ZoneState = (typeof ZONE_STATES)[number];
export type Zone = Static<typeof ZoneSchema>;
export type ZoneDetail = Static<typeof ZoneDetailSchema>;
export type DesignationNotice = Static<typeof NoticeSchema>;
