// What this installation is: version, whether it holds demo data, and the demo logins to try it.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DEMO_PASSWORD, DEMO_USERS } from '../../db/seed/demo.ts';

export async function aboutRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.services;
  app.get('/api/about', {
    config: { action: 'public', readCache: { topics: ['organisations'] } },
    schema: {
      tags: ['system'],
      summary: 'Version, and the demo logins when this installation holds demo data',
      response: {
        200: Type.Object({
          name: Type.String(),
          version: Type.String(),
          demo: Type.Boolean(),
          demoLogins: Type.Array(Type.Object({ email: Type.String(), organisationKind: Type.String() })),
          demoPassword: Type.Union([Type.String(), Type.Null()]),
        }),
      },
    },
  }, async () => {
    const rows = await db.selectFrom('app_user').innerJoin('organisation', 'organisation.id', 'app_user.organisation_id')
      .select(['app_user.email', 'organisation.kind']).where('app_user.demo', '=', true).where('app_user.disabled_at', 'is', null).execute();
    const order = DEMO_USERS.map((u) => u.email);
    const logins = rows.sort((a, b) => order.indexOf(a.email) - order.indexOf(b.email)).map((r) => ({ email: r.email, organisationKind: r.kind }));
    return { name: 'ZoneLink', version: '0.1.0', demo: logins.length > 0, demoLogins: logins, demoPassword: logins.length > 0 ? DEMO_PASSWORD : null };
  });
}
