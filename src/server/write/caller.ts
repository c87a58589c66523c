// Who asks for a write: the actor, the request id and language, and how to tell the route the policy allowed it.
// Routes build it from the request (`callerOf`); the CLI and tests build it with `callerAs`.
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../domain/auth/types.ts';
import type { Action } from '../../domain/auth/policy.ts';
import type { Locale } from '../../i18n/locales.ts';
import type { IdempotencyClaim } from './idempotency.ts';

export interface Caller {
  readonly actor: Actor | null;
  readonly requestId: string | null;
  readonly locale: Locale;
  /** The action the route declared; a use case run for another action is a programming error. */
  readonly routeAction?: Action | 'public';
  /** Called once the policy allowed the write inside its transaction. */
  authorised(): void;
  /** The request's idempotency key (creation routes, src/server/write/idempotency.ts), claimed inside the write. */
  readonly idempotency?: IdempotencyClaim;
}

export function callerOf(request: FastifyRequest): Caller {
  const routeAction = request.routeOptions.config.action;
  return {
    actor: request.actor, requestId: request.id, locale: request.locale, ...(routeAction !== undefined ? { routeAction } : {}),
    authorised: () => { request.authorized = true; },
  };
}

/** A caller outside HTTP (CLI, tests). */
export function callerAs(actor: Actor | null, options: { requestId?: string | null; locale?: Locale } = {}): Caller {
  return { actor, requestId: options.requestId ?? null, locale: options.locale ?? 'ko', authorised: () => undefined };
}

/** The actor columns of an audit entry: one place says who wrote. */
export function auditActor(caller: Pick<Caller, 'requestId'>, actor: Pick<Actor, 'userId' | 'organisationId'> | null) {
  return { requestId: caller.requestId, actorUserId: actor?.userId ?? null, actorOrganisationId: actor?.organisationId ?? null };
}
