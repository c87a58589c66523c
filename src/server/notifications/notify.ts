// Creates notifications (in-app, and an e-mail in the outbox) inside the caller's transaction,
// so a notification exists exactly when the change it reports was committed. Both are stored as a kind and
// parameters, not sentences: the inbox renders them in the reader's language, the mailer in the recipient's when
// it sends (mail-text.ts).
import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/database.ts';
import type { NotificationKind, NotificationParams } from '../../i18n/notifications/index.ts';

export interface NotifyInput {
  userIds: readonly string[];
  kind: NotificationKind;
  params: NotificationParams;
  link?: string;
  objectType?: string;
  objectId?: string;
  /** The same key for the same user is stored once, ever (deadline notices across restarts). */
  dedupKey?: string;
  email?: boolean;
}

/** Returns how many notifications were created (duplicates by dedup key are skipped). */
export async function notify(trx: Database, input: NotifyInput): Promise<number> {
  if (input.userIds.length === 0) return 0;
  const users = await trx.selectFrom('app_user').select(['id', 'email']).where('id', 'in', [...input.userIds]).where('disabled_at', 'is', null).execute();
  const now = new Date();
  let created = 0;
  for (const user of users) {
    const id = randomUUID();
    const inserted = await trx.insertInto('notification').values({
      id, user_id: user.id, kind: input.kind, params: JSON.stringify(input.params), link: input.link ?? null,
      object_type: input.objectType ?? null, object_id: input.objectId ?? null, dedup_key: input.dedupKey ?? null, created_at: now, read_at: null,
    }).onConflict((oc) => oc.columns(['user_id', 'dedup_key']).doNothing()).returning('id').executeTakeFirst();
    if (!inserted) continue;
    created += 1;
    if (input.email ?? true) {
      await trx.insertInto('email_outbox').values({
        id: randomUUID(), notification_id: id, to_address: user.email, subject: null, body: null,
        status: 'pending', attempts: 0, next_attempt_at: now, last_error: null, sent_at: null, created_at: now,
      }).execute();
    }
  }
  return created;
}

/** The users of the organisations that govern these regions (for notices to local governments). */
export async function usersOfRegions(db: Database, regionCodes: readonly string[]): Promise<string[]> {
  if (regionCodes.length === 0) return [];
  const rows = await db.selectFrom('app_user').innerJoin('organisation', 'organisation.id', 'app_user.organisation_id')
    .select('app_user.id').where('organisation.region_code', 'in', [...regionCodes]).where('app_user.disabled_at', 'is', null).execute();
  return rows.map((r) => r.id);
}

/** The users of every organisation of one kind (e.g. the ministry). */
export async function usersOfKind(db: Database, kind: 'ministry' | 'responsible_ministry'): Promise<string[]> {
  const rows = await db.selectFrom('app_user').innerJoin('organisation', 'organisation.id', 'app_user.organisation_id')
    .select('app_user.id').where('organisation.kind', '=', kind).where('app_user.disabled_at', 'is', null).execute();
  return rows.map((r) => r.id);
}
