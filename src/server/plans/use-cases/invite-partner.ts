// The lead invites a partner government (Decree Art. 40(2)). Inviting a participant again is a 409 (already-participant).
import type { Database } from '../../../db/database.ts';
import { checkApplicantsAndSites } from '../../../domain/zones/eligibility.ts';
import { regionLabel } from '../../../i18n/violations/index.ts';
import type { Caller } from '../../write/caller.ts';
import { applicantsOf, isGovernment, participantsOf, withPartners } from '../content.ts';
import { frame } from '../messages.ts';
import { conflict, invalid, move, ruleFailure, summaryOf } from '../plan-rules.ts';
import { saveContent } from '../store.ts';
import { machineActor } from '../view.ts';
import { runPlanWrite, type PlanRef } from './plan-write.ts';

export async function invitePartner(db: Database, caller: Caller, ref: PlanRef, code: string): Promise<void> {
  await runPlanWrite(db, caller, ref, { action: 'plan:lead', ifMatch: 'optional' }, async (ctx, plan) => {
    if (!isGovernment(code)) throw invalid([{ path: '/body/regionCode', keyword: 'unknown', params: { value: code } }]);
    if (participantsOf(plan.content).includes(code)) throw conflict(frame(caller.locale, 'already-participant', { region: regionLabel(caller.locale, code) }));
    const next = withPartners(plan.content, [...plan.content.partners, code]);
    const eligibility = checkApplicantsAndSites(applicantsOf(next).filter((a) => a.code === code), []).filter((v) => v.code !== 'no-site');
    if (eligibility.length > 0) throw ruleFailure(caller.locale, 'applicants-eligible', eligibility);
    const to = move(plan, 'edit', machineActor(ctx.actor, plan), {}, [], caller.locale);
    const saved = await saveContent(ctx.trx, plan, next, `invite:${code}`, ctx.actor, to);
    await ctx.audit({ action: 'plan:invite', objectType: 'zone_plan', objectId: plan.id, before: summaryOf(plan), after: { ...summaryOf(saved), invited: code } });
  });
}
