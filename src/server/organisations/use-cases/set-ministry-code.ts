// An MSS administrator sets (or clears, with null) the ministry code of a responsible ministry: one the regulation
// catalogue names, held by no other organisation. Setting the code it already has records nothing (idempotent).
import { sql } from 'kysely';
import type { Database } from '../../../db/database.ts';
import type { I18nText } from '../../../domain/i18n-text.ts';
import { AppError } from '../../errors.ts';
import type { Caller } from '../../write/caller.ts';
import { runWrite } from '../../write/run-write.ts';

const FIELD = '/body/ministryCode';
const invalid = (keyword: 'required' | 'ministryUnknown' | 'notResponsibleMinistry' | 'ministryTaken', params?: Record<string, string>) =>
  new AppError('validation', { fields: [{ path: FIELD, keyword, ...(params ? { params } : {}) }] });

export function setMinistryCode(db: Database, caller: Caller, organisationId: string, ministryCode: string | null) {
  const code = ministryCode === null ? null : ministryCode.trim();
  if (code === '') throw invalid('required');
  return runWrite(db, caller, {
    action: 'organisation:manage', resource: 'organisation', target: { kind: 'none' },
    lock: async (trx) => {
      // Two administrators giving the same code to two organisations at once: the second waits and sees the first.
      await sql`lock table organisation in share row exclusive mode`.execute(trx);
      return trx.selectFrom('organisation').select(['id', 'kind', 'name', 'ministry_code', 'demo']).where('id', '=', organisationId).executeTakeFirst();
    },
    apply: async ({ trx, audit }, org) => {
      if (code !== null) {
        if (org.kind !== 'responsible_ministry') throw invalid('notResponsibleMinistry');
        const known = (await trx.selectFrom('regulation').select('ministry').distinct().orderBy('ministry').execute()).map((r) => r.ministry);
        if (!known.includes(code)) throw invalid('ministryUnknown', { value: code, allowed: known.join(', ') || '—' });
        const holder = await trx.selectFrom('organisation').select(['id', 'name']).where('ministry_code', '=', code).where('id', '<>', org.id).executeTakeFirst();
        if (holder) {
          const name = holder.name as I18nText;
          throw invalid('ministryTaken', { value: code, organisation: name[caller.locale] ?? name.ko });
        }
      }
      if (org.ministry_code !== code) {
        await trx.updateTable('organisation').set({ ministry_code: code }).where('id', '=', org.id).execute();
        await audit({ action: 'organisation:set-ministry-code', objectType: 'organisation', objectId: org.id, before: { ministryCode: org.ministry_code }, after: { ministryCode: code } });
      }
      return { id: org.id, kind: org.kind, name: org.name, ministryCode: code, demo: org.demo };
    },
  });
}
