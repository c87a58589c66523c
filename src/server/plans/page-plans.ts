// A page of the plans a reader may see, in the order asked for (newest first by default), filtered by state and model — visibility decided in SQL, so a
// reader who may see none of 100,000 plans waits as little as one who may see them all.
import type { Database } from '../../db/database.ts';
import type { Actor } from '../../domain/auth/types.ts';
import type { PlanContent } from './content.ts';
import type { PlanState } from '../../domain/zones/plan-machine.ts';
import { inPageOrder, pageOf, type ListSpec, type PageRequest } from '../http/pages.ts';
import { planSummary } from './view.ts';
import { visiblePlans } from './visible-plans.ts';

/** The orders a reader may ask for (`sort`): newest first, last changed first, or by lead region in KOSTAT code order. */
export const PLAN_SORTS = ['created', 'updated', 'region'] as const;
export type PlanSort = (typeof PLAN_SORTS)[number];

export const PLAN_LIST: ListSpec<PlanSort> = {
  list: 'plans', defaultSort: 'created', defaultLimit: 50, maxLimit: 200,
  orders: {
    created: { direction: 'desc', columns: [{ sql: 'zone_plan.created_at', type: 'timestamptz' }, { sql: 'zone_plan.id', type: 'uuid' }] },
    updated: { direction: 'desc', columns: [{ sql: 'zone_plan.updated_at', type: 'timestamptz' }, { sql: 'zone_plan.id', type: 'uuid' }] },
    region: { direction: 'asc', columns: [{ sql: 'zone_plan.lead_region', type: 'text' }, { sql: 'zone_plan.created_at', type: 'timestamptz' }, { sql: 'zone_plan.id', type: 'uuid' }] },
  },
};

export async function pagePlans(db: Database, actor: Actor, filters: { state?: PlanState; model?: 'single' | 'connected' }, page: PageRequest) {
  let query = db.selectFrom('zone_plan')
    .select(['id', 'model', 'lead_region', 'state', 'content', 'content_version', 'submitted_on', 'zone_id', 'demo', 'created_at', 'updated_at'])
    .where(visiblePlans(actor));
  if (filters.state !== undefined) query = query.where('state', '=', filters.state);
  if (filters.model !== undefined) query = query.where('model', '=', filters.model);
  const { rows, next } = pageOf(page, await inPageOrder(query, page).execute());
  return {
    items: rows.map((r) => planSummary({
      id: r.id, leadRegion: r.lead_region, state: r.state, content: r.content as PlanContent, contentVersion: r.content_version,
      submittedOn: r.submitted_on, zoneId: r.zone_id, demo: r.demo, updatedAt: r.updated_at,
    })),
    next,
  };
}
