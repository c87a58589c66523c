// The signed-in user changes their display name or preferred language. The same change again: 200, nothing recorded.
import type { Database } from '../../../db/database.ts';
import type { Locale } from '../../../i18n/locales.ts';
import type { Caller } from '../../write/caller.ts';
import { runWrite } from '../../write/run-write.ts';

export function editProfile(db: Database, caller: Caller, input: { displayName?: string | undefined; locale?: Locale | undefined }): Promise<void> {
  return runWrite(db, caller, {
    action: 'me:edit', target: { kind: 'none' },
    apply: async ({ trx, actor, audit }) => {
      const before = await trx.selectFrom('app_user').select(['display_name', 'locale']).where('id', '=', actor.userId).forUpdate().executeTakeFirstOrThrow();
      const changes = {
        ...(input.displayName !== undefined && input.displayName.trim() !== before.display_name ? { display_name: input.displayName.trim() } : {}),
        ...(input.locale !== undefined && input.locale !== before.locale ? { locale: input.locale } : {}),
      };
      if (Object.keys(changes).length === 0) return;
      await trx.updateTable('app_user').set(changes).where('id', '=', actor.userId).execute();
      await audit({ action: 'user:update', objectType: 'user', objectId: actor.userId, before: { displayName: before.display_name, locale: before.locale }, after: input });
    },
  });
}
