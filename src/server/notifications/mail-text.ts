// The subject and text of a notification's e-mail, rendered when it is sent in the recipient's language of that
// moment (the outbox stores no sentences since migration 0061; older rows keep the text they were given).
import type { Selectable } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { EmailOutboxTable } from '../../db/schema.ts';
import { renderNotification, type NotificationParams } from '../../i18n/notifications/index.ts';

export async function mailText(db: Database, mail: Selectable<EmailOutboxTable>): Promise<{ subject: string; text: string }> {
  if (mail.subject !== null && mail.body !== null) return { subject: mail.subject, text: mail.body };
  const row = await db.selectFrom('notification').innerJoin('app_user', 'app_user.id', 'notification.user_id')
    .select(['notification.kind', 'notification.params', 'notification.link', 'app_user.locale']).where('notification.id', '=', mail.notification_id).executeTakeFirstOrThrow();
  const text = renderNotification(row.kind, row.params as NotificationParams, row.locale);
  return { subject: `[ZoneLink] ${text.title}`, text: `${text.body}\n${row.link ? `\n${row.link}\n` : ''}` };
}
