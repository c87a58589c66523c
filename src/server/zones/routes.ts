// Zones, public: the 42 designated zones of rounds 1–10 as reference data, and zones designated on the platform.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import type { Database } from '../../db/database.ts';
import { ZONE_STATES } from '../../domain/zones/zone-machine.ts';
import { notFound } from '../errors.ts';
import { zoneEtag } from './store.ts';
import { I18nTextSchema, Nullable, ProblemSchema, Uuid } from '../http/schemas.ts';

const ZoneSchema = Type.Object({
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
});

const OperatorSchema = Type.Object({ name: I18nTextSchema(300), address: Nullable(I18nTextSchema(500)) });
const NoticeSchema = Type.Object({
  number: Type.String(), gazettedOn: Type.String(), name: I18nTextSchema(300), location: Type.Array(Type.String()), areaSqm: Type.Number(),
  purpose: I18nTextSchema(4000), periodStart: Type.String(), periodEnd: Type.String(), operators: Type.Array(OperatorSchema),
  exemptions: Type.Array(Type.Object({ kind: Type.String(), law: I18nTextSchema(300), provision: Type.String(), request: I18nTextSchema(4000) })),
  mapRegions: Type.Array(Type.String()), conditions: Nullable(I18nTextSchema(4000)), rule: Type.String(),
});
const ZoneDetailSchema = Type.Intersect([ZoneSchema, Type.Object({ notice: Nullable(NoticeSchema), version: Type.Integer() })]);

async function loadZones(db: Database, filter: { id?: string; round?: number; region?: string; state?: string; model?: string }) {
  let query = db.selectFrom('zone').selectAll().orderBy('round').orderBy('committee_date').orderBy('id');
  if (filter.id !== undefined) query = query.where('id', '=', filter.id);
  if (filter.round !== undefined) query = query.where('round', '=', filter.round);
  if (filter.state !== undefined) query = query.where('state', '=', filter.state as never);
  if (filter.model !== undefined) query = query.where('model', '=', filter.model as never);
  if (filter.region !== undefined) {
    const region = filter.region;
    query = query.where('id', 'in', db.selectFrom('zone_region').select('zone_id').where((eb) => eb.or([eb('region_code', '=', region), eb('region_code', 'like', `${region}%`)])));
  }
  const zones = await query.execute();
  const links = zones.length === 0 ? [] : await db.selectFrom('zone_region').selectAll().where('zone_id', 'in', zones.map((z) => z.id)).orderBy('role').orderBy('region_code').execute();
  return zones.map((z) => ({
    id: z.id, name: z.name, field: z.field, model: z.model, round: z.round, committeeDate: z.committee_date, state: z.state, outcome: z.outcome,
    statusNote: z.status_note, periodStart: z.period_start, periodEnd: z.period_end, source: z.source,
    regions: links.filter((l) => l.zone_id === z.id).map((l) => ({ code: l.region_code, role: l.role })),
    designationNumber: z.designation_number, endedOn: z.ended_on, postManagementUntil: z.post_management_until,
    notice: (z.notice ?? null) as Static<typeof NoticeSchema> | null, version: z.version,
  }));
}

export async function zoneRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.services;

  app.get('/api/zones', {
    config: { action: 'public', readCache: { topics: ['zones'] } },
    schema: {
      tags: ['zones'],
      summary: 'Designated zones (rounds 1–10 as reference data, and zones designated here)',
      querystring: Type.Object({
        round: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
        region: Type.Optional(Type.String({ pattern: '^[0-9]{2}([0-9]{3})?$' })),
        state: Type.Optional(Type.Enum([...ZONE_STATES])),
        model: Type.Optional(Type.Enum(['single', 'connected'])),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(ZoneSchema) }), 400: ProblemSchema },
    },
  }, async (request) => ({ items: (await loadZones(db, request.query)).map(({ notice: _notice, version: _version, ...zone }) => zone) }));

  app.get('/api/zones/:id', {
    config: { action: 'public', readCache: { topics: ['zones'] } },
    schema: {
      tags: ['zones'], summary: 'One zone, with its designation number and gazette-style public notice (Decree Art. 44(3)); ETag for If-Match on zone writes',
      params: Type.Object({ id: Uuid }), response: { 200: ZoneDetailSchema, 400: ProblemSchema, 404: ProblemSchema },
    },
  }, async (request, reply) => {
    const [zone] = await loadZones(db, { id: request.params.id });
    if (!zone) throw notFound('zone');
    reply.header('etag', zoneEtag(zone));
    return zone;
  });
}
