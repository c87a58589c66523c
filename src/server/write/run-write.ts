// One write path (issue 11): every write runs here, in one transaction that locks its target row(s), authorises the
// actor by role and scope against what it locked (src/domain/auth/policy.ts), applies the use case, appends its
// audit entries (src/server/audit/append.ts) and returns the use case's answer. A use case that finds its effect
// already in place (a repeated request) writes nothing and audits nothing; a request repeated with its
// Idempotency-Key gets the first one's result (./idempotency.ts): see docs/decisions/0035-one-write-path.md, 0048.
import type { Action, Target } from '../../domain/auth/policy.ts';
import type { Actor } from '../../domain/auth/types.ts';
import type { CivilDate } from '../../domain/calendar/civil-date.ts';
import type { Database } from '../../db/database.ts';
import { appendAudit } from '../audit/append.ts';
import { authorizeActor } from '../auth/authorize.ts';
import { notFound, type ObjectKind } from '../errors.ts';
import { todayInSeoul } from '../plans/evaluate.ts';
import { auditActor, type Caller } from './caller.ts';
import { claimKey, keepResult } from './idempotency.ts';

export interface AuditEntry {
  action: string;
  objectType: string;
  objectId: string;
  before: unknown;
  after: unknown;
}

/** What every write gets: its transaction, the day it began and the one way to audit. */
export interface SystemContext {
  readonly trx: Database;
  /** The civil day in Seoul when the write began. */
  readonly today: CivilDate;
  /** Appends an audit entry as this actor and request, in this transaction. */
  audit(entry: AuditEntry): Promise<void>;
}

export interface WriteContext extends SystemContext {
  readonly actor: Actor;
  readonly caller: Caller;
}

/**
 * Who a write without a policy actor is recorded as: nobody (the system: scheduled scans, seeding) or the user the
 * write is for when the caller proved who they are by other means (signing in with a password).
 */
export interface SystemCaller {
  readonly requestId?: string | null;
  readonly as?: Pick<Actor, 'userId' | 'organisationId'> | null;
}

/** The system actor of scheduled scans: audited with no user and no organisation. */
export const SYSTEM: SystemCaller = { requestId: null, as: null };

export interface WriteSpec<T, R> {
  /** The policy action the write performs. */
  action: Action;
  /** Loads the target row(s) `FOR UPDATE`; undefined is a 404 naming `resource`. Omitted for writes on no row (creations). */
  lock?: (trx: Database) => Promise<T | undefined>;
  /** What a missing row is called in the 404 (required with `lock`). */
  resource?: ObjectKind;
  /** What the policy decides on: the locked row's scope. */
  target: Target | ((row: T) => Target);
  apply: (ctx: WriteContext, row: T) => Promise<R>;
}

export async function runWrite<T = undefined, R = void>(db: Database, caller: Caller, spec: WriteSpec<T, R>): Promise<R> {
  if (caller.routeAction !== undefined && caller.routeAction !== spec.action) {
    throw new Error(`route declares ${caller.routeAction} but runs a use case of ${spec.action}`);
  }
  const today = todayInSeoul();
  return db.transaction().execute(async (trx) => {
    const locked = spec.lock ? await spec.lock(trx) : undefined;
    if (spec.lock && locked === undefined) throw notFound(spec.resource!);
    const row = locked as T;
    const target = typeof spec.target === 'function' ? spec.target(row) : spec.target;
    const actor = authorizeActor(caller.actor, spec.action, target);
    caller.authorised();
    const claim = caller.idempotency;
    // A request repeated with its idempotency key gets the first one's result and writes nothing.
    if (claim && !(await claimKey(trx, actor.userId, claim))) return claim.replay!.result as R;
    const ctx: WriteContext = {
      trx, actor, caller, today,
      audit: (entry) => appendAudit(trx, { ...auditActor(caller, actor), ...entry }),
    };
    const result = await spec.apply(ctx, row);
    if (claim) await keepResult(trx, actor.userId, claim, result);
    return result;
  });
}

/**
 * A write with no human caller to authorise (scheduled scans, seeding) or whose caller is authorised by other means
 * (sign-in): the same one transaction and the same audit, recorded as `who` (the system by default). The apply
 * function locks what it changes and returns without writing when its effect is already in place.
 */
export async function runSystemWrite<R>(db: Database, who: SystemCaller, apply: (ctx: SystemContext) => Promise<R>): Promise<R> {
  const today = todayInSeoul();
  return db.transaction().execute(async (trx) => {
    const ctx: SystemContext = {
      trx, today,
      audit: (entry) => appendAudit(trx, { ...auditActor({ requestId: who.requestId ?? null }, who.as ?? null), ...entry }),
    };
    return apply(ctx);
  });
}
