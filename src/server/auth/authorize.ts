// Route-side use of the policy: every /api route declares its action; object-scoped routes
// call `authorize(request, target)` once they have loaded the object.
import type { FastifyRequest } from 'fastify';
import { ACTIONS, decide, type Target } from '../../domain/auth/policy.ts';
import type { Actor } from '../../domain/auth/types.ts';
import { AppError } from '../errors.ts';

export function authorize(request: FastifyRequest, target: Target = { kind: 'none' }): Actor {
  const action = request.routeOptions.config.action;
  if (action === undefined) throw new Error(`route ${request.routeOptions.url} declares no action`);
  if (action === 'public') {
    request.authorized = true;
    if (request.actor) return request.actor;
    throw new AppError('unauthenticated');
  }
  const decision = decide(request.actor, action, target);
  if (!decision.allowed) {
    if (decision.reason === 'token-scope') throw new AppError('token-scope', { params: { scope: ACTIONS[action] } });
    throw new AppError(decision.reason);
  }
  request.authorized = true;
  return request.actor!;
}

/** The actor of a route that already passed authorisation. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.authorized || !request.actor) throw new Error('actorOf before authorize');
  return request.actor;
}
