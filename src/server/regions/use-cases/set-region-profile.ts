// A region's government sets its promotion-team profile (지역추진단, Act Art. 141-6). If-Match guards concurrent
// edits (412 on a stale version); the same profile again with the current version: 200, nothing recorded.
import type { Database } from '../../../db/database.ts';
import { normaliseText, type I18nText } from '../../../domain/i18n-text.ts';
import { AppError } from '../../errors.ts';
import type { Caller } from '../../write/caller.ts';
import { runWrite } from '../../write/run-write.ts';

export interface ProfileEdit { teamName: I18nText; contactEmail: string; phone?: string | null | undefined; introduction: I18nText }

/** Text objects compared whatever order their languages are stored in. */
const sameText = (stored: unknown, text: string): boolean => {
  const sorted = (o: object) => JSON.stringify(Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b))));
  return typeof stored === 'object' && stored !== null && sorted(stored) === sorted(JSON.parse(text) as object);
};

export const profileEtag = (version: number): string => `"profile-v${version}"`;

/** The profile's version after the write. */
export function setRegionProfile(db: Database, caller: Caller, code: string, ifMatch: string | undefined, body: ProfileEdit): Promise<number> {
  return runWrite(db, caller, {
    action: 'region-profile:edit', target: { kind: 'region', code },
    apply: async ({ trx, actor, audit }) => {
      const before = await trx.selectFrom('region_profile').selectAll().where('region_code', '=', code).forUpdate().executeTakeFirst();
      if (ifMatch !== undefined && ifMatch !== '*' && (!before || ifMatch !== profileEtag(before.version))) throw new AppError('precondition-failed');
      const content = {
        team_name: JSON.stringify(normaliseText(body.teamName)),
        contact_email: body.contactEmail.trim().toLowerCase(),
        phone: body.phone?.trim() || null,
        introduction: JSON.stringify(normaliseText(body.introduction)),
      };
      if (before && !before.demo && sameText(before.team_name, content.team_name) && before.contact_email === content.contact_email
        && before.phone === content.phone && sameText(before.introduction, content.introduction)) return before.version;
      const values = { ...content, demo: false, version: (before?.version ?? 0) + 1, updated_at: new Date(), updated_by: actor.userId };
      await trx.insertInto('region_profile').values({ region_code: code, ...values })
        .onConflict((oc) => oc.column('region_code').doUpdateSet(values)).execute();
      await audit({
        action: 'region-profile:update', objectType: 'region', objectId: code,
        before: before ? { teamName: before.team_name, contactEmail: before.contact_email, phone: before.phone, introduction: before.introduction, version: before.version } : null,
        after: { ...body, version: values.version },
      });
      return values.version;
    },
  });
}
