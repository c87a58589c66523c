// Route-side use of the policy: every /api route declares its action; object-scoped routes
// call `authorize(request, target)` once they have loaded the object. Writes authorise inside their
// transaction through src/server/write/run-write.ts, which calls `authorizeActor`.
import type { FastifyRequest } from 'fastify';
import { ACTIONS, decide, type Action, type Target } from '../../domain/auth/policy.ts';
import type { Actor } from '../../domain/auth/types.ts';
import { AppError } from '../errors.ts';

/** The policy's answer for an actor, an action and its target: the actor, or the 401/403 problem. */
export function authorizeActor(actor: Actor | null, action: Action, target: Target = { kind: 'none' }): Actor {
  const decision = decide(actor, action, target);
  if (!decision.allowed) {
    if (decision.reason === 'token-scope') throw new AppError('token-scope', { params: { scope: ACTIONS[action] } });
    throw new AppError(decision.reason);
  }
  return actor!;
}

export function authorize(request: FastifyRequest, target: Target = { kind: 'none' }): Actor {
  const action = request.routeOptions.config.action;
  if (action === undefined) throw new Error(`route ${request.routeOptions.url} declares no action`);
  if (action === 'public') {
    request.authorized = true;
    if (request.actor) return request.actor;
    throw new AppError('unauthenticated');
  }
  const actor = authorizeActor(request.actor, action, target);
  request.authorized = true;
  return actor;
}

/** The actor of a route that already passed authorisation. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.authorized || !request.actor) throw new Error('actorOf before authorize');
  return request.actor;
}
