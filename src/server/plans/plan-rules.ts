// Refusals and clock helpers shared by the plan use cases: a move of the plan machine (403 by role, 409 naming
// the guards and articles), rule failures, and the clocks a transition stops.
import type { CivilDate } from '../../domain/calendar/civil-date.ts';
import { civilDate } from '../../domain/calendar/civil-date.ts';
import { PLAN_GUARD_ARTICLES, PLAN_MACHINE, type PlanAction, type PlanGuard, type PlanState } from '../../domain/zones/plan-machine.ts';
import { attempt, availableActions, type Actor as MachineActor, type Facts, type Violation } from '../../domain/zones/transition-table.ts';
import type { Locale } from '../../i18n/locales.ts';
import { zoneViolationSentence } from '../../i18n/violations/index.ts';
import { AppError, type FieldError, type GuardProblem } from '../errors.ts';
import { guardOf, type GuardedViolation } from './evaluate.ts';
import { frame } from './messages.ts';
import type { Clocks, PlanRecord } from './store.ts';

export const BEFORE_SUBMISSION: readonly PlanState[] = ['drafting', 'signing_off'];

export const conflict = (reason: string): AppError => new AppError('conflict', { params: { reason } });
export const invalid = (fields: FieldError[]): AppError => new AppError('validation', { fields });

export function guarded(violations: readonly Violation[]): GuardedViolation[] {
  return violations.map((v) => ({ ...v, guard: guardOf(v) }));
}

/** Tries a move of the plan machine; a refusal becomes 403 (role) or 409 (state, guards) naming the guards and the article,
 *  in the text and as data (`transition`, `guards` with each guard's article and the violations behind it). */
export function move(plan: PlanRecord, action: PlanAction, actor: MachineActor, facts: Facts<PlanGuard>, violations: readonly GuardedViolation[], locale: Locale): PlanState {
  const result = attempt(PLAN_MACHINE, plan.state, action, actor, facts);
  if (result.ok) return result.to;
  if (result.code === 'role-not-allowed') throw new AppError('forbidden');
  if (result.code === 'no-such-transition') {
    const allowed = availableActions(PLAN_MACHINE, plan.state, actor).map((a) => a.action);
    throw new AppError('conflict', {
      params: { reason: frame(locale, 'no-such-transition', { action, state: plan.state, allowed: allowed.join(', ') || '—' }) },
      extensions: { transition: { state: plan.state, action, allowed } },
    });
  }
  const blocking = violations.filter((v) => v.guard !== null && result.failedGuards.includes(v.guard) && (v.severity ?? 'error') === 'error');
  const refused = { code: 'guard-failed', rule: result.rule, params: { action, guards: result.failedGuards.join(', ') }, scope: 'zone' as const };
  throw new AppError('conflict', {
    violations: [refused, ...blocking.map(({ code, rule, params }) => ({ code, rule, params, scope: 'zone' as const }))],
    extensions: {
      transition: { state: plan.state, action, allowed: availableActions(PLAN_MACHINE, plan.state, actor).map((a) => a.action) },
      guards: result.guards.map((g) => guardProblem(locale, g.guard, g.article, blocking.filter((v) => v.guard === g.guard))),
    },
  });
}

export function guardProblem(locale: Locale, guard: string, article: string, violations: readonly Violation[]): GuardProblem {
  return { guard, article, violations: violations.map((v) => ({ code: v.code, rule: v.rule, params: { ...v.params }, message: zoneViolationSentence(locale, v) })) };
}

/** A rule checked when content is saved (e.g. a capital-area site): 409 naming the guard and each violation. */
export function ruleFailure(locale: Locale, guard: PlanGuard, violations: readonly Violation[]): AppError {
  return new AppError('conflict', {
    violations: violations.map((v) => ({ ...v, scope: 'zone' as const })),
    extensions: { guards: [guardProblem(locale, guard, PLAN_GUARD_ARTICLES[guard], violations)] },
  });
}

export const summaryOf = (plan: PlanRecord) => ({ state: plan.state, contentVersion: plan.contentVersion, contentHash: plan.contentHash, revision: plan.revision });

export function runningClocks(clocks: Clocks): (keyof Clocks)[] {
  return (['decision', 'ministryReply'] as const).filter((k) => clocks[k] !== undefined && clocks[k]!.stoppedOn === null);
}

export function stopClocks(clocks: Clocks, names: readonly (keyof Clocks)[], on: CivilDate): Clocks {
  const next: Clocks = { ...clocks };
  for (const name of names) if (next[name] && next[name]!.stoppedOn === null) next[name] = { ...next[name]!, stoppedOn: on };
  return next;
}

export function isDate(value: string): boolean {
  try {
    civilDate(value);
    return true;
  } catch {
    return false;
  }
}
