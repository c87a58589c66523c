// The committee's decision on a plan (designate, designate with conditions, reject, send back) with its minutes;
// 7-day meeting notice and quorum are guards (Decree Art. 47(6)–(7), 49(6)); designation creates the zone.
// A repeated decision is a 409: the plan has left deliberation, so no second zone, step or audit entry.
import type { Database } from '../../../db/database.ts';
import { civilDate, type CivilDate } from '../../../domain/calendar/civil-date.ts';
import type { PlanAction } from '../../../domain/zones/plan-machine.ts';
import { checkMeetingNotice } from '../../../domain/zones/procedure.ts';
import { calendarOf } from '../../calendar/provider.ts';
import type { FieldError } from '../../errors.ts';
import type { Caller } from '../../write/caller.ts';
import { writeDrafts } from '../../exemptions/drafts.ts';
import { designateZone } from '../../zones/designation.ts';
import { participantsOf } from '../content.ts';
import { guarded, invalid, isDate, runningClocks, stopClocks } from '../plan-rules.ts';
import type { DecisionInput } from '../../../contract/plans.ts';
import { runPlanWrite, transitionPlan, type PlanRef } from './plan-write.ts';

function problemsOf(body: DecisionInput, today: CivilDate): FieldError[] {
  const problems: FieldError[] = [];
  for (const field of ['meetingOn', 'noticeGivenOn', 'periodStart', 'periodEnd'] as const) {
    const value = body[field];
    if (value !== null && !isDate(value)) problems.push({ path: `/body/${field}`, keyword: 'format', params: { format: 'date' } });
  }
  if (problems.length > 0) return problems;
  if (body.meetingOn > today) problems.push({ path: '/body/meetingOn', keyword: 'maximum', params: { limit: today } });
  if (body.noticeGivenOn !== null && body.noticeGivenOn > body.meetingOn) problems.push({ path: '/body/noticeGivenOn', keyword: 'invalid' });
  if (body.present > body.members) problems.push({ path: '/body/present', keyword: 'maximum', params: { limit: body.members } });
  if (body.decision === 'designate' || body.decision === 'designate_with_conditions') {
    if (body.periodStart === null) problems.push({ path: '/body/periodStart', keyword: 'required' });
    if (body.periodEnd === null) problems.push({ path: '/body/periodEnd', keyword: 'required' });
    if (body.periodStart !== null && body.periodStart < body.meetingOn) problems.push({ path: '/body/periodStart', keyword: 'invalid' });
    if (body.periodStart !== null && body.periodEnd !== null && body.periodEnd <= body.periodStart) problems.push({ path: '/body/periodEnd', keyword: 'invalid' });
  }
  if (body.decision === 'designate_with_conditions' && body.conditions === null) problems.push({ path: '/body/conditions', keyword: 'required' });
  return problems;
}

export async function decidePlan(db: Database, caller: Caller, ref: PlanRef, body: DecisionInput): Promise<void> {
  const calendar = calendarOf(db);
  await runPlanWrite(db, caller, ref, { action: 'plan:decide', ifMatch: 'optional' }, async (ctx, plan) => {
    const { trx, actor, today } = ctx;
    const problems = problemsOf(body, today);
    if (problems.length > 0) throw invalid(problems);
    const notice = checkMeetingNotice({ committee: body.committee, meetingOn: civilDate(body.meetingOn), noticeGivenOn: body.noticeGivenOn === null ? null : civilDate(body.noticeGivenOn), urgent: body.urgent }, calendar);
    // A quorum is a majority of the members; decisions by a majority of those present (Decree Art. 47(7), 49(7)).
    const quorum = body.present * 2 > body.members;
    const violations = guarded([
      ...notice,
      ...(quorum ? [] : [{ code: 'quorum-not-present', rule: body.committee === 'rfz_committee' ? 'Decree Art. 47(7)' : 'Decree Art. 49(7)', params: { members: body.members, present: body.present } }]),
    ]);
    const action: PlanAction = body.decision;
    const to = await transitionPlan(ctx, plan, {
      action, as: { role: 'committee' }, facts: { 'meeting-notice-given': notice.length === 0, 'quorum-present': quorum }, violations, body,
      clocks: stopClocks(plan.clocks, runningClocks(plan.clocks), today),
      patch: { decidedOn: today },
    });
    if (to !== 'designated' && to !== 'designated_with_conditions') return;
    // Designation (RFZ Act Art. 75(3)–(4); Decree Art. 44(3)): the zone with its number and public notice.
    const designated = await designateZone(trx, {
      planId: plan.id, content: plan.content, zoneName: body.zoneName, meetingOn: body.meetingOn, periodStart: body.periodStart!, periodEnd: body.periodEnd!,
      conditions: body.conditions, gazettedOn: today, actorUserId: actor.userId,
    });
    await trx.updateTable('zone_plan').set({ zone_id: designated.zoneId }).where('id', '=', plan.id).execute();
    // From plan to zone: each special case of the plan becomes an exemption draft MSS confirms or corrects.
    const drafts = await writeDrafts(trx, {
      zoneId: designated.zoneId, planId: plan.id, cases: plan.content.exemptions, designatedOn: today,
      zone: { from: civilDate(body.periodStart!), until: civilDate(body.periodEnd!) }, calendar,
    });
    await ctx.audit({
      action: 'zone:designate', objectType: 'zone', objectId: designated.zoneId, before: null,
      after: { plan: plan.id, number: designated.number, model: plan.content.model, regions: participantsOf(plan.content), periodStart: body.periodStart, periodEnd: body.periodEnd, conditions: body.conditions, exemptionDrafts: drafts },
    });
  });
}
