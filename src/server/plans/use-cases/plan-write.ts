// The plan's write path: every plan use case runs through runWrite with the plan locked, authorised on its scope
// (section for section edits), and its If-Match checked; a transition records state, clocks, step, audit and notices.
import type { Action } from '../../../domain/auth/policy.ts';
import type { Database } from '../../../db/database.ts';
import type { PlanAction, PlanGuard, PlanState } from '../../../domain/zones/plan-machine.ts';
import type { Actor as MachineActor, Facts } from '../../../domain/zones/transition-table.ts';
import { AppError } from '../../errors.ts';
import { runWrite, type WriteContext } from '../../write/run-write.ts';
import type { Caller } from '../../write/caller.ts';
import type { GuardedViolation } from '../evaluate.ts';
import { notifyTransition } from '../notify-transition.ts';
import { invalid, move, summaryOf } from '../plan-rules.ts';
import { addStep, loadPlan, planEtag, planTarget, updatePlan, type Clocks, type PlanRecord } from '../store.ts';
import { machineActor } from '../view.ts';

export interface PlanRef {
  planId: string;
  /** The request's If-Match header, if any. */
  ifMatch?: string | undefined;
}

function checkIfMatch(header: string | undefined, plan: PlanRecord, required: boolean): void {
  if (header === undefined) {
    if (required) throw invalid([{ path: '/headers/if-match', keyword: 'required' }]);
    return;
  }
  const tags = header.split(',').map((t) => t.trim().replace(/^W\//, ''));
  if (!tags.includes('*') && !tags.includes(planEtag(plan))) throw new AppError('precondition-failed');
}

/** Locks the plan, authorises `action` on it (on `section` when given), checks If-Match, runs `apply`. */
export function runPlanWrite<R>(
  db: Database, caller: Caller, ref: PlanRef,
  options: { action: Action; section?: string; ifMatch: 'required' | 'optional' },
  apply: (ctx: WriteContext, plan: PlanRecord) => Promise<R>,
): Promise<R> {
  return runWrite(db, caller, {
    action: options.action, resource: 'plan',
    lock: async (trx) => (await loadPlan(trx, ref.planId, { forUpdate: true })) ?? undefined,
    target: (plan) => planTarget(plan, options.section),
    apply: async (ctx, plan) => {
      checkIfMatch(ref.ifMatch, plan, options.ifMatch === 'required');
      return apply(ctx, plan);
    },
  });
}

export interface TransitionSpec {
  action: PlanAction;
  as?: MachineActor;
  facts?: Facts<PlanGuard>;
  violations?: readonly GuardedViolation[];
  body?: unknown;
  clocks?: Clocks;
  patch?: Parameters<typeof updatePlan>[2];
}

/** A transition without content change: state, optional record, clocks, step and audit. */
export async function transitionPlan(ctx: WriteContext, plan: PlanRecord, spec: TransitionSpec): Promise<PlanState> {
  const { trx, actor, today } = ctx;
  const to = move(plan, spec.action, spec.as ?? machineActor(actor, plan), spec.facts ?? {}, spec.violations ?? [], ctx.caller.locale);
  await updatePlan(trx, plan, { state: to, ...(spec.clocks ? { clocks: spec.clocks } : {}), ...(spec.patch ?? {}) });
  await addStep(trx, plan, { kind: spec.action, to, on: today, body: spec.body ?? {}, actor });
  await ctx.audit({ action: `plan:${spec.action}`, objectType: 'zone_plan', objectId: plan.id, before: summaryOf(plan), after: { state: to, record: spec.body ?? null } });
  await notifyTransition(trx, plan, actor, to);
  return to;
}
