// A page of the rapid-confirmation requests a reader may see, newest filed first — visibility decided in SQL by the
// same rule as the policy's `rapid-confirmation:read` (src/domain/auth/policy.ts), which tests/api/list-pages.test.ts
// checks against it for every kind of reader.
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../domain/auth/types.ts';
import { governedRegion } from '../auth/governed-region.ts';
import { calendarOf } from '../calendar/provider.ts';
import { inPageOrder, pageOf, type ListSpec, type PageRequest } from '../http/pages.ts';
import { todayInSeoul } from '../plans/evaluate.ts';
import { loadRequest, viewOf } from './store.ts';

export const RAPID_LIST: ListSpec<'filed'> = {
  list: 'rapid-confirmations', defaultSort: 'filed', defaultLimit: 50, maxLimit: 200,
  orders: { filed: { direction: 'desc', columns: [{ sql: 'rapid_confirmation.filed_on', type: 'date' }, { sql: 'rapid_confirmation.id', type: 'uuid' }] } },
};

function visibleRequests(actor: Actor): (eb: ExpressionBuilder<DB, 'rapid_confirmation'>) => Expression<SqlBool> {
  return (eb) => {
    if (actor.orgKind === 'ministry') return sql<SqlBool>`true`;
    const own = eb('rapid_confirmation.company_id', '=', actor.organisationId);
    const code = actor.regionCode;
    if (actor.orgKind === 'local_government' && code !== null) {
      return eb.or([own, eb.exists(eb.selectFrom('zone_region').select(sql`1`.as('one'))
        .whereRef('zone_region.zone_id', '=', 'rapid_confirmation.zone_id').where(governedRegion('zone_region.region_code', code)))]);
    }
    if (actor.orgKind === 'responsible_ministry') {
      return eb.or([own, eb.exists(eb.selectFrom('rapid_confirmation_reply').select(sql`1`.as('one'))
        .whereRef('rapid_confirmation_reply.request_id', '=', 'rapid_confirmation.id').where('rapid_confirmation_reply.organisation_id', '=', actor.organisationId))]);
    }
    return own;
  };
}

export async function pageRequests(db: Database, actor: Actor, page: PageRequest) {
  const query = db.selectFrom('rapid_confirmation').select('id').where(visibleRequests(actor));
  const { rows, next } = pageOf(page, await inPageOrder(query, page).execute());
  const today = todayInSeoul();
  const items = [];
  for (const { id } of rows) items.push(await viewOf(db, (await loadRequest(db, id))!, today, calendarOf(db)));
  return { items, next };
}
