// The signed-in user's notifications, rendered in their language, newest first in pages.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { renderNotification, type NotificationParams } from '../../i18n/notifications/index.ts';
import { authorize } from '../auth/authorize.ts';
import { notFound } from '../errors.ts';
import { inPageOrder, nextSchema, pageOf, pageQuery, readPage, type ListSpec } from '../http/pages.ts';
import { ProblemSchema, Uuid } from '../../contract/common.ts';
import { NotificationSchema } from '../../contract/notifications.ts';

const NOTIFICATION_LIST: ListSpec<'created'> = {
  list: 'notifications', defaultSort: 'created', defaultLimit: 50, maxLimit: 200,
  orders: { created: { direction: 'desc', columns: [{ sql: 'notification.created_at', type: 'timestamptz' }, { sql: 'notification.id', type: 'uuid' }] } },
};
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };

export async function notificationRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.services;

  app.get('/api/me/notifications', {
    config: { action: 'me:read' },
    schema: {
      tags: ['me'],
      summary: 'My notifications, newest first, in the language of the request',
      querystring: Type.Object({ unread: Type.Optional(Type.Boolean()), ...pageQuery(NOTIFICATION_LIST) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(NotificationSchema), next: nextSchema, unread: Type.Integer() }), ...errors },
    },
  }, async (request) => {
    const actor = authorize(request);
    const { unread: onlyUnread, limit, cursor } = request.query;
    // The user is part of the filters: another user's cursor is refused (it would name rows of another inbox).
    const page = readPage(NOTIFICATION_LIST, { limit, cursor }, { unread: onlyUnread, user: actor.userId }, await app.services.listKey());
    let query = db.selectFrom('notification').selectAll().where('user_id', '=', actor.userId);
    if (onlyUnread) query = query.where('read_at', 'is', null);
    const [{ rows, next }, unread] = await Promise.all([
      inPageOrder(query, page).execute().then((found) => pageOf(page, found)),
      db.selectFrom('notification').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', actor.userId).where('read_at', 'is', null).executeTakeFirstOrThrow(),
    ]);
    return {
      next,
      unread: Number(unread.n),
      items: rows.map((r) => ({
        id: r.id, kind: r.kind, ...renderNotification(r.kind, r.params as NotificationParams, request.locale), link: r.link,
        createdAt: r.created_at.toISOString(), readAt: r.read_at?.toISOString() ?? null,
      })),
    };
  });

  app.post('/api/me/notifications/:id/read', {
    config: { action: 'me:edit', objectScoped: true },
    schema: { tags: ['me'], summary: 'Mark one of my notifications as read', params: Type.Object({ id: Uuid }), response: { 204: Type.Null(), ...errors } },
  }, async (request, reply) => {
    const row = await db.selectFrom('notification').select(['id', 'user_id', 'read_at']).where('id', '=', request.params.id).executeTakeFirst();
    if (!row || row.user_id !== request.actor?.userId) throw notFound('notification');
    authorize(request, { kind: 'user', userId: row.user_id, organisationId: '' });
    // Reading a notification is bookkeeping of one's own inbox, not a change to a governed object: not audit-logged.
    if (row.read_at === null) await db.updateTable('notification').set({ read_at: new Date() }).where('id', '=', row.id).execute();
    return reply.code(204).send(null);
  });
}
