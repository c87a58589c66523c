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
  'organisation:read': 'read',
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
      // A local government edits only its own region (Act Art. 141-6: its regional promotion team);
      // the ministry's administrators may correct any region.
      if (target.kind !== 'region') return false;
      return isMinistryAdmin(actor) || (actor.orgKind === 'local_government' && actor.regionCode === target.code);
    case 'organisation:read':
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
