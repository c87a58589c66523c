// Tells the people concerned that a zone moved or needs action: its local governments and the ministry
// (the one who acted is not notified). A dedup key makes a scan-driven notice go out once, even across restarts.
import type { Database } from '../../db/database.ts';
import type { NotificationEvent, NotificationParams } from '../../i18n/notifications/index.ts';
import { notify, usersOfKind, usersOfRegions } from '../notifications/notify.ts';
import type { ZoneRecord } from './store.ts';

export async function notifyZone(
  trx: Database,
  zone: Pick<ZoneRecord, 'id' | 'name' | 'regions'>,
  input: { state: NotificationEvent; params?: NotificationParams; actorUserId: string | null; dedupKey?: string; alsoUserIds?: readonly string[] },
): Promise<number> {
  const recipients = new Set([...(await usersOfRegions(trx, zone.regions)), ...(await usersOfKind(trx, 'ministry')), ...(input.alsoUserIds ?? [])]);
  if (input.actorUserId !== null) recipients.delete(input.actorUserId);
  const who = input.actorUserId === null ? null : await trx.selectFrom('app_user').select('display_name').where('id', '=', input.actorUserId).executeTakeFirst();
  return notify(trx, {
    userIds: [...recipients], kind: 'transition', params: { ...input.params, subject: zone.name, state: input.state, actor: who?.display_name ?? null },
    link: `/zones/${zone.id}`, objectType: 'zone', objectId: zone.id, ...(input.dedupKey ? { dedupKey: input.dedupKey } : {}),
  });
}

/** The users of one organisation (the addressee of a data request). */
export async function usersOfOrganisation(db: Database, organisationId: string): Promise<string[]> {
  const rows = await db.selectFrom('app_user').select('id').where('organisation_id', '=', organisationId).where('disabled_at', 'is', null).execute();
  return rows.map((r) => r.id);
}
