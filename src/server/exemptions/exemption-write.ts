// The exemption's write path: the exemption row locked, the actor authorised on its holders in the same transaction,
// and moves of the exemption machine refused as 409 naming the article.
import type { Action } from '../../domain/auth/policy.ts';
import type { Database } from '../../db/database.ts';
import { EXEMPTION_MACHINE, type ExemptionAction, type ExemptionGuard, type ExemptionState } from '../../domain/exemptions/lifecycle.ts';
import { attempt, findTransition, type Role } from '../../domain/zones/transition-table.ts';
import type { Caller } from '../write/caller.ts';
import { runWrite, type WriteContext } from '../write/run-write.ts';
import { conflict } from './refuse.ts';
import type { ExemptionRecord } from './view.ts';

/** Locks the exemption, authorises `action` on its holders, runs `apply`; every step in one transaction. */
export function runExemptionWrite<R>(db: Database, caller: Caller, id: string, action: Action, apply: (ctx: WriteContext, row: ExemptionRecord) => Promise<R>): Promise<R> {
  return runWrite(db, caller, {
    action, resource: 'exemption',
    lock: async (trx) => (await trx.selectFrom('exemption').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()) as unknown as ExemptionRecord | undefined,
    target: (row) => ({ kind: 'exemption', holders: row.holders }),
    apply,
  });
}

/** Moves the exemption by the machine or refuses with 409 naming the article. */
export function moveExemption(state: string, action: ExemptionAction, role: Role, facts: Partial<Record<ExemptionGuard, boolean>>): ExemptionState {
  const moved = attempt(EXEMPTION_MACHINE, state as ExemptionState, action, { role }, facts);
  if (!moved.ok) {
    const rule = findTransition(EXEMPTION_MACHINE, state as ExemptionState, action)?.rule ?? EXEMPTION_MACHINE.transitions.find((t) => t.action === action)?.rule ?? '';
    throw conflict(moved.code, action, state, rule, moved.code === 'guard-failed' ? moved.failedGuards : []);
  }
  return moved.to;
}
