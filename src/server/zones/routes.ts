// Zones, public: the 42 designated zones of rounds 1–10 as reference data, and zones designated on the platform.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import type { Selectable } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { ZONE_STATES } from '../../domain/zones/zone-machine.ts';
import { notFound } from '../errors.ts';
import { zoneEtag } from './store.ts';
import { inPageOrder, nextSchema, pageOf, pageQuery, readPage, type ListSpec } from '../http/pages.ts';
import { ProblemSchema, Uuid } from '../../contract/common.ts';
import { ZoneDetailSchema, ZoneSchema, type NoticeSchema } from '../../contract/zones.ts';

/** Zones by round, then committee date (zones designated here, without a round, last). */
const ZONE_LIST: ListSpec<'round'> = {
  list: 'zones', defaultSort: 'round', defaultLimit: 100, maxLimit: 200,
  orders: {
    round: {
      direction: 'asc',
      columns: [{ sql: 'coalesce(zone.round, 2147483647)', type: 'int' }, { sql: "coalesce(zone.committee_date, '9999-12-31')", type: 'text' }, { sql: 'zone.id', type: 'uuid' }],
    },
  },
};

interface ZoneFilter { round?: number; region?: string; state?: string; model?: string }

const LISTED = ['id', 'name', 'field', 'model', 'round', 'committee_date', 'state', 'outcome', 'status_note', 'period_start', 'period_end', 'source', 'designation_number', 'ended_on', 'post_management_until'] as const;

function zoneQuery(db: Database, filter: ZoneFilter) {
  let query = db.selectFrom('zone').select(LISTED);
  if (filter.round !== undefined) query = query.where('round', '=', filter.round);
  if (filter.state !== undefined) query = query.where('state', '=', filter.state as never);
  if (filter.model !== undefined) query = query.where('model', '=', filter.model as never);
  if (filter.region !== undefined) {
    const region = filter.region;
    query = query.where('id', 'in', db.selectFrom('zone_region').select('zone_id').where((eb) => eb.or([eb('region_code', '=', region), eb('region_code', 'like', `${region}%`)])));
  }
  return query;
}

async function withRegions<Z extends { id: string }>(db: Database, zones: Z[]) {
  const links = zones.length === 0 ? [] : await db.selectFrom('zone_region').selectAll().where('zone_id', 'in', zones.map((z) => z.id)).orderBy('role').orderBy('region_code').execute();
  return zones.map((z) => ({ zone: z, regions: links.filter((l) => l.zone_id === z.id).map((l) => ({ code: l.region_code, role: l.role })) }));
}

function listed(z: Selectable<DB['zone']> | Pick<Selectable<DB['zone']>, (typeof LISTED)[number]>, regions: { code: string; role: 'lead' | 'partner' }[]) {
  return {
    id: z.id, name: z.name, field: z.field, model: z.model, round: z.round, committeeDate: z.committee_date, state: z.state, outcome: z.outcome,
    statusNote: z.status_note, periodStart: z.period_start, periodEnd: z.period_end, source: z.source, regions,
    designationNumber: z.designation_number, endedOn: z.ended_on, postManagementUntil: z.post_management_until,
  };
}

async function loadZone(db: Database, id: string) {
  const row = await db.selectFrom('zone').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const [entry] = await withRegions(db, [row]);
  return { ...listed(row, entry!.regions), notice: (row.notice ?? null) as Static<typeof NoticeSchema> | null, version: row.version };
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
        ...pageQuery(ZONE_LIST),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(ZoneSchema), next: nextSchema }), 400: ProblemSchema },
    },
  }, async (request) => {
    const { limit, cursor, ...filter } = request.query;
    const page = readPage(ZONE_LIST, { limit, cursor }, filter, await app.services.listKey());
    const { rows, next } = pageOf(page, await inPageOrder(zoneQuery(db, filter), page).execute());
    return { items: (await withRegions(db, rows)).map(({ zone, regions }) => listed(zone, regions)), next };
  });

  app.get('/api/zones/:id', {
    config: { action: 'public', readCache: { topics: ['zones'] } },
    schema: {
      tags: ['zones'], summary: 'One zone, with its designation number and gazette-style public notice (Decree Art. 44(3)); ETag for If-Match on zone writes',
      params: Type.Object({ id: Uuid }), response: { 200: ZoneDetailSchema, 400: ProblemSchema, 404: ProblemSchema },
    },
  }, async (request, reply) => {
    const zone = await loadZone(db, request.params.id);
    if (!zone) throw notFound('zone');
    reply.header('etag', zoneEtag(zone));
    return zone;
  });
}
