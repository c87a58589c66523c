// Which plans a reader may see, decided in SQL (the plan list pages through only those): the same rule as the
// policy's `plan:read` (src/domain/auth/policy.ts), which a test checks against it for every kind of reader.
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../../domain/auth/types.ts';
import type { DB } from '../../db/schema.ts';
import { governedRegion } from '../auth/governed-region.ts';

export function visiblePlans(actor: Actor): (eb: ExpressionBuilder<DB, 'zone_plan'>) => Expression<SqlBool> {
  return (eb) => {
    switch (actor.orgKind) {
      case 'ministry':
        return sql<SqlBool>`true`;
      case 'responsible_ministry':
        return eb('zone_plan.submitted_on', 'is not', null);
      case 'expert':
        return eb.exists(eb.selectFrom('plan_expert').select(sql`1`.as('one'))
          .whereRef('plan_expert.plan_id', '=', 'zone_plan.id').where('plan_expert.expert_user_id', '=', actor.userId));
      case 'local_government': {
        const code = actor.regionCode;
        if (code === null) return sql<SqlBool>`false`;
        // Its own plans, and a province those of its basic governments (codes of five digits under its two).
        return eb.exists(eb.selectFrom('zone_plan_participant').select(sql`1`.as('one')).whereRef('zone_plan_participant.plan_id', '=', 'zone_plan.id')
          .where(governedRegion('zone_plan_participant.region_code', code)));
      }
      case 'company':
        return sql<SqlBool>`false`;
    }
  };
}
