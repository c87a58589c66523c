// A page of the demonstration projects a reader may see, oldest first — visibility decided in SQL by the same rule as
// the policy's `project:read` (src/domain/auth/policy.ts), which tests/api/list-pages.test.ts checks against it.
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../domain/auth/types.ts';
import { governedRegion } from '../auth/governed-region.ts';
import { inPageOrder, pageOf, type ListSpec, type PageRequest } from '../http/pages.ts';
import { projectTarget, projectView, selectProjects, zoneRegions } from './store.ts';

export const PROJECT_LIST: ListSpec<'created'> = {
  list: 'projects', defaultSort: 'created', defaultLimit: 50, maxLimit: 200,
  orders: { created: { direction: 'asc', columns: [{ sql: 'demonstration_project.created_at', type: 'timestamptz' }, { sql: 'demonstration_project.id', type: 'uuid' }] } },
};

/** The projects `project:read` lets the actor see, as a condition on `demonstration_project`. */
export function visibleProjects(actor: Actor): (eb: ExpressionBuilder<DB, 'demonstration_project'>) => Expression<SqlBool> {
  return (eb) => {
    const code = actor.regionCode;
    switch (actor.orgKind) {
      case 'ministry':
        return sql<SqlBool>`true`;
      case 'company':
        return sql<SqlBool>`(demonstration_project.lead_company = ${actor.organisationId} or ${actor.organisationId} = any(demonstration_project.partner_companies))`;
      case 'local_government':
        if (code === null) return sql<SqlBool>`false`;
        // The zone's regions and the project's sites (Act Art. 87; Decree Art. 59).
        return eb.or([
          eb.exists(eb.selectFrom('zone_region').select(sql`1`.as('one')).whereRef('zone_region.zone_id', '=', 'demonstration_project.zone_id').where(governedRegion('zone_region.region_code', code))),
          sql<SqlBool>`exists (select 1 from unnest(demonstration_project.sites) as site(code) where ${governedRegion('site.code', code)})`,
        ]);
      case 'expert':
      case 'responsible_ministry':
        return sql<SqlBool>`false`;
    }
  };
}

export async function pageProjects(db: Database, actor: Actor, filters: { zone?: string }, page: PageRequest) {
  let query = selectProjects(db).where(visibleProjects(actor));
  if (filters.zone !== undefined) query = query.where('demonstration_project.zone_id', '=', filters.zone);
  const { rows, next } = pageOf(page, await inPageOrder(query, page).execute());
  const regions = await zoneRegions(db, rows.map((r) => r.zone_id));
  return { items: rows.map((r) => projectView(r, actor, projectTarget(r, regions.get(r.zone_id) ?? []))), next };
}
