// What every request carries: its actor, its language, and whether authorisation was checked.
import type { Actor } from '../domain/auth/types.ts';
import type { Action } from '../domain/auth/policy.ts';
import type { Locale } from '../i18n/locales.ts';
import type { ReadCacheTopic } from '../db/migrations/0040-read-cache-topics.ts';

/** Declared on every /api route: the policy action it performs, or 'public'. */
export interface RouteConfig {
  action: Action | 'public';
  /** The action's target is an object the handler loads; it must call `request.authorize`. */
  objectScoped?: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** The session the actor came with (cookie) — null for API tokens and anonymous requests. */
    sessionIdHash: string | null;
    csrfToken: string | null;
    locale: Locale;
    authorized: boolean;
  }
  interface FastifyContextConfig {
    action?: Action | 'public';
    objectScoped?: boolean;
    /** Anonymous reads of this public route are cached until one of these topics (migration 0040) changes. */
    readCache?: { topics: readonly ReadCacheTopic[] };
  }
}
