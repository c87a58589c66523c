// The one place that decides whether an actor may do an action on an object: role AND scope.
// Every route calls `decide` (through the server's `authorize`); the authorisation-matrix test
// checks every route against an independent table of expectations.
import type { Actor, TokenScope } from './types.ts';

/** Objects an action can be aimed at, with what scope decisions need to know about them. */
export type Target =
  | { kind: 'none' }
  | { kind: 'region'; code: string }
  | { kind: 'user'; userId: string; organisationId: string }
  | { kind: 'organisation'; organisationId: string };

export const ACTIONS = {
  'session:read': 'read',
  'me:read': 'read',
  'me:edit': 'write',
  'api-token:read': 'read',
  'api-token:manage': 'write',
  'region-profile:edit': 'write',
  'region-inventory:edit': 'write',
  'planner:run': 'read',
  'planning-request:read': 'read',
  'planning-request:create': 'write',
  'audit:read': 'read',
} as const satisfies Record<string, TokenScope>;
export type Action = keyof typeof ACTIONS;

export type Decision =
  | { allowed: true }
  | { allowed: false; reason: 'unauthenticated' | 'forbidden' | 'token-scope' };

const ALLOW: Decision = { allowed: true };
const FORBID: Decision = { allowed: false, reason: 'forbidden' };

function isMinistryAdmin(actor: Actor): boolean {
  return actor.orgKind === 'ministry' && actor.role === 'admin';
}

function rule(actor: Actor, action: Action, target: Target): boolean {
  switch (action) {
    case 'session:read':
    case 'me:read':
    case 'me:edit':
    case 'api-token:read':
    case 'api-token:manage':
      // Only about oneself; the target, when given, must be the actor.
      return target.kind === 'none' || (target.kind === 'user' && target.userId === actor.userId);
    case 'region-profile:edit':
      // A local government edits only its own region's promotion team (Act Art. 141-6);
      // the ministry's administrators may correct any region.
      if (target.kind !== 'region') return false;
      return isMinistryAdmin(actor) || (actor.orgKind === 'local_government' && actor.regionCode === target.code);
    case 'region-inventory:edit':
      // The capability inventory: a local government keeps its own region's, and a province (시·도)
      // also compiles its municipalities' (KOSTAT codes: a municipality's starts with its province's).
      if (target.kind !== 'region') return false;
      if (isMinistryAdmin(actor)) return true;
      if (actor.orgKind !== 'local_government' || actor.regionCode === null) return false;
      return actor.regionCode === target.code || (actor.regionCode.length === 2 && target.code.length === 5 && target.code.startsWith(actor.regionCode));
    case 'planner:run':
      // Finding partners is computation over public inventory: any signed-in user.
      return true;
    case 'planning-request:create':
      // Only governments propose connected zones (Act Art. 72(1)); the ministry may prepare calls.
      return actor.orgKind === 'local_government' || actor.orgKind === 'ministry';
    case 'planning-request:read':
      return target.kind === 'organisation' && (actor.orgKind === 'ministry' || actor.organisationId === target.organisationId);
    case 'audit:read':
      return actor.orgKind === 'ministry';
  }
}

export function decide(actor: Actor | null, action: Action, target: Target = { kind: 'none' }): Decision {
  if (actor === null) return { allowed: false, reason: 'unauthenticated' };
  if (actor.tokenScopes !== null && !actor.tokenScopes.includes(ACTIONS[action])) {
    return { allowed: false, reason: 'token-scope' };
  }
  return rule(actor, action, target) ? ALLOW : FORBID;
}
