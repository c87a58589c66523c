// The lead government edits the common part; If-Match required, so a replay with the old ETag is a 412.
import type { Database } from '../../../db/database.ts';
import type { Caller } from '../../write/caller.ts';
import type { FieldError } from '../../errors.ts';
import { checkNeeds, unknownRegulations } from '../../exemptions/needs.ts';
import { checkCommon, withCommon } from '../content.ts';
import type { CommonInput } from '../../../contract/plans.ts';
import { diffJson } from '../diff.ts';
import { invalid, move, summaryOf } from '../plan-rules.ts';
import { saveContent } from '../store.ts';
import { machineActor } from '../view.ts';
import { runPlanWrite, type PlanRef } from './plan-write.ts';

export async function editPlanCommon(db: Database, caller: Caller, ref: PlanRef, body: CommonInput): Promise<void> {
  const problems: FieldError[] = [
    ...checkCommon(body),
    ...await unknownRegulations(db, body.exemptions.map((e) => e.regulationId), (i) => `/body/exemptions/${i}/regulationId`),
    ...await checkNeeds(db, body.needs ?? [], '/body/needs'),
  ];
  await runPlanWrite(db, caller, ref, { action: 'plan:lead', ifMatch: 'required' }, async (ctx, plan) => {
    if (problems.length > 0) throw invalid(problems);
    const to = move(plan, 'edit', machineActor(ctx.actor, plan), {}, [], caller.locale);
    const saved = await saveContent(ctx.trx, plan, withCommon(plan.content, body), 'common', ctx.actor, to);
    await ctx.audit({
      action: 'plan:edit-common', objectType: 'zone_plan', objectId: plan.id,
      before: summaryOf(plan), after: { ...summaryOf(saved), changed: diffJson(plan.content, saved.content).map((c) => c.path) },
    });
  });
}
