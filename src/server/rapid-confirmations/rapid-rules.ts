// Refusals shared by the rapid-confirmation use cases, and the write path with the request locked.
import type { Action } from '../../domain/auth/policy.ts';
import type { ClockError } from '../../domain/calendar/clock.ts';
import type { Database } from '../../db/database.ts';
import { AppError, type FieldError } from '../errors.ts';
import type { Caller } from '../write/caller.ts';
import { runWrite, type WriteContext } from '../write/run-write.ts';
import { loadRequest, rapidTarget, type RapidRecord } from './store.ts';

export const invalid = (fields: FieldError[]): AppError => new AppError('validation', { fields });
/** 409 saying each broken rule as a sentence in the reader's language (src/i18n/violations, zone scope). */
export const ruleFailure = (code: string, rule: string, params: Record<string, unknown>): AppError =>
  new AppError('conflict', { violations: [{ code, rule, params, scope: 'zone' }] });
export const transition = (action: string, state: string, allowed: string): AppError => ruleFailure('no-such-transition', 'RFZ Act Art. 85', { action, state, allowed });
export const clockFailure = (e: ClockError): AppError => ruleFailure(e.code, e.rule, e.params);

/** Locks the request, authorises `action` on its scope (company, zone governments, addressed ministries), runs `apply`. */
export function runRapidWrite<R>(db: Database, caller: Caller, id: string, action: Action, apply: (ctx: WriteContext, r: RapidRecord) => Promise<R>): Promise<R> {
  return runWrite(db, caller, {
    action, resource: 'rapid-confirmation',
    lock: async (trx) => (await loadRequest(trx, id, { forUpdate: true })) ?? undefined,
    target: (r) => rapidTarget(r),
    apply,
  });
}
