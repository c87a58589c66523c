// "Overdue and due soon": the exemption deadlines a reader must act on, scoped to what they answer for —
// every exemption for the ministries, the zones of its region for a local government (a province sees its
// municipalities' zones), the exemptions it holds for a company.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DEADLINE_KINDS, watchList } from '../../domain/exemptions/deadlines.ts';
import { actorOf } from '../auth/authorize.ts';
import { I18nTextSchema, ProblemSchema } from '../../contract/common.ts';
import { openDeadlines } from './deadlines.ts';
import { todayInSeoul } from './view.ts';

export async function exemptionDeadlineRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.services;

  app.get('/api/exemption-deadlines', {
    config: { action: 'exemption-deadlines:read' },
    schema: {
      tags: ['exemptions'],
      summary: 'Overdue, closed and due-soon exemption deadlines (extension/amendment window — closed while the term still runs —, expiry, results report, amendment plan), scoped to the reader: ministries all, a local government its zones, a company its own',
      querystring: Type.Object({ horizon: Type.Optional(Type.Integer({ minimum: 0, maximum: 366, description: 'days ahead counted as due soon (default 90)' })) }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          asOf: Type.String(), horizonDays: Type.Integer(), scope: Type.Enum(['all', 'region', 'holder']),
          overdue: Type.Integer(), closed: Type.Integer(), dueSoon: Type.Integer(),
          items: Type.Array(Type.Object({
            kind: Type.Enum([...DEADLINE_KINDS]), due: Type.String(), status: Type.Enum(['overdue', 'closed', 'due_soon'], { description: 'closed: the extension / amendment-request window closed unused and the exemption lapses on expiry' }), daysLeft: Type.Integer(), rule: Type.String(),
            exemption: Type.Object({ id: Type.String(), title: I18nTextSchema(300), state: Type.String(), zone: Type.Object({ id: Type.String(), name: I18nTextSchema(300) }) }),
          })),
        }),
        400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema,
      },
    },
  }, async (request) => {
    const actor = actorOf(request);
    const horizon = request.query.horizon ?? 90;
    let ids: string[] | undefined;
    let scope: 'all' | 'region' | 'holder' = 'all';
    if (actor.orgKind === 'company') {
      scope = 'holder';
      ids = (await db.selectFrom('exemption').select('id').where((eb) => eb('holders', '@>', eb.val([actor.organisationId]))).execute()).map((r) => r.id);
    } else if (actor.orgKind === 'local_government') {
      scope = 'region';
      const code = actor.regionCode ?? '-';
      ids = (await db.selectFrom('exemption').innerJoin('zone_region', 'zone_region.zone_id', 'exemption.zone_id').select('exemption.id')
        .where((eb) => eb.or([eb('zone_region.region_code', '=', code), ...(code.length === 2 ? [eb('zone_region.region_code', 'like', `${code}___`)] : [])]))
        .distinct().execute()).map((r) => r.id);
    }
    const asOf = todayInSeoul();
    const all = await openDeadlines(db, ids);
    const byKey = new Map(all.map((d) => [d.key, d]));
    const items = watchList(all, asOf, horizon).map((w) => ({ kind: w.kind, due: w.due, status: w.status, daysLeft: w.daysLeft, rule: w.rule, exemption: byKey.get(w.key)!.exemption }));
    return {
      asOf, horizonDays: horizon, scope,
      overdue: items.filter((i) => i.status === 'overdue').length, closed: items.filter((i) => i.status === 'closed').length, dueSoon: items.filter((i) => i.status === 'due_soon').length, items,
    };
  });
}
