// A participating government edits its own section; If-Match required, so a replay with the old ETag is a 412.
import type { Database } from '../../../db/database.ts';
import { checkApplicantsAndSites } from '../../../domain/zones/eligibility.ts';
import type { Caller } from '../../write/caller.ts';
import { applicantsOf, checkSection, withSection } from '../content.ts';
import { diffJson } from '../diff.ts';
import { invalid, move, ruleFailure, summaryOf } from '../plan-rules.ts';
import type { SectionInput } from '../../../contract/plans.ts';
import { saveContent } from '../store.ts';
import { machineActor } from '../view.ts';
import { runPlanWrite, type PlanRef } from './plan-write.ts';

export async function editPlanSection(db: Database, caller: Caller, ref: PlanRef & { region: string }, body: SectionInput): Promise<void> {
  const region = ref.region;
  await runPlanWrite(db, caller, ref, { action: 'plan:edit-section', section: region, ifMatch: 'required' }, async (ctx, plan) => {
    const problems = checkSection(body, plan.content);
    if (problems.length > 0) throw invalid(problems);
    // Every site lies outside the capital area and inside this government's territory (RFZ Act Art. 2(13)).
    const sites = body.sites.map((s) => ({ id: `${region}/${s.id}`, regionCode: s.regionCode }));
    const government = applicantsOf(plan.content).filter((a) => a.code === region);
    const eligibility = sites.length === 0 ? [] : checkApplicantsAndSites(government, sites);
    if (eligibility.length > 0) throw ruleFailure(caller.locale, 'applicants-eligible', eligibility);
    const to = move(plan, 'edit', machineActor(ctx.actor, plan), {}, [], caller.locale);
    const saved = await saveContent(ctx.trx, plan, withSection(plan.content, region, body), `section:${region}`, ctx.actor, to);
    await ctx.audit({
      action: 'plan:edit-section', objectType: 'zone_plan', objectId: plan.id,
      before: summaryOf(plan), after: { ...summaryOf(saved), section: region, changed: diffJson(plan.content, saved.content).map((c) => c.path) },
    });
  });
}
