// The lead records the public notice, inspection, hearing and opinions (RFZ Act Art. 74(2); Decree Art. 43).
// If-Match required; recording the same record again changes nothing and records nothing (idempotent).
import { isDeepStrictEqual } from 'node:util';
import type { Database } from '../../../db/database.ts';
import type { FieldError } from '../../errors.ts';
import type { Caller } from '../../write/caller.ts';
import { frame } from '../messages.ts';
import { BEFORE_SUBMISSION, conflict, invalid, isDate } from '../plan-rules.ts';
import type { ConsultationInput } from '../../../contract/plans.ts';
import { updatePlan } from '../store.ts';
import { runPlanWrite, type PlanRef } from './plan-write.ts';

function problemsOf(body: ConsultationInput): FieldError[] {
  const problems: FieldError[] = [];
  const ids = new Set<string>();
  body.opinions.forEach((o, i) => {
    if (ids.has(o.id)) problems.push({ path: `/body/opinions/${i}/id`, keyword: 'duplicate' });
    ids.add(o.id);
  });
  const dates: [string, string | null][] = [['noticeOn', body.noticeOn], ['noticeUntil', body.noticeUntil], ['inspectionFrom', body.inspectionFrom], ['inspectionUntil', body.inspectionUntil]];
  for (const [field, value] of dates) if (value !== null && !isDate(value)) problems.push({ path: `/body/${field}`, keyword: 'format', params: { format: 'date' } });
  if (body.noticeOn && body.noticeUntil && body.noticeUntil < body.noticeOn) problems.push({ path: '/body/noticeUntil', keyword: 'invalid' });
  if (body.inspectionFrom && body.inspectionUntil && body.inspectionUntil < body.inspectionFrom) problems.push({ path: '/body/inspectionUntil', keyword: 'invalid' });
  if (body.hearing && body.hearing.heldOn < body.hearing.announcedOn) problems.push({ path: '/body/hearing/heldOn', keyword: 'invalid' });
  return problems;
}

export async function recordConsultation(db: Database, caller: Caller, ref: PlanRef, body: ConsultationInput): Promise<void> {
  const problems = problemsOf(body);
  await runPlanWrite(db, caller, ref, { action: 'plan:lead', ifMatch: 'required' }, async (ctx, plan) => {
    if (problems.length > 0) throw invalid(problems);
    if (!BEFORE_SUBMISSION.includes(plan.state)) throw conflict(frame(caller.locale, 'before-submission', { rule: 'RFZ Act Art. 74(2); Decree Art. 40(1)3', state: plan.state }));
    const consultation = { ...body, opinions: body.opinions.map((o) => ({ ...o, from: o.from.trim() })) };
    if (isDeepStrictEqual(JSON.parse(JSON.stringify(consultation)), JSON.parse(JSON.stringify(plan.consultation)))) return;
    await updatePlan(ctx.trx, plan, { consultation });
    await ctx.audit({ action: 'plan:record-consultation', objectType: 'zone_plan', objectId: plan.id, before: plan.consultation, after: consultation });
  });
}
