// Builds the HTTP application: one Fastify instance serving the API, the docs and the browser UI.
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { replicaOf, type Database } from '../db/database.ts';
import { negotiateLocale } from '../i18n/locales.ts';
import { resolveActor, SIGNED_IN_COOKIE } from './auth/resolve-actor.ts';
import { authorize } from './auth/authorize.ts';
import './context.ts';
import { databaseUnavailableReason } from '../db/unavailable.ts';
import { InputLimitExceeded } from '../domain/input-limits.ts';
import { AppError, inputLimit, unavailable } from './errors.ts';
import { refreshCalendar } from './calendar/provider.ts';
import { registerCompression } from './http/compression.ts';
import { registerCors } from './http/cors.ts';
import { registerJsonBody } from './http/json-body.ts';
import { listKeyReader } from './http/list-key.ts';
import { registerRateLimit } from './http/rate-limit.ts';
import { fieldErrors, registerValidation } from './http/validation.ts';
import { registerValidators } from './http/validators.ts';
import { registerReadCache } from './read-cache/plugin.ts';
import { TopicVersionReader } from './read-cache/topic-versions.ts';
import { renderProblem } from './problem.ts';
import { LoginLimiter } from './session/login-limiter.ts';
import { registerRoutes } from './routes.ts';
import { registerDocs } from './system/docs.ts';
import { registerWeb } from './system/web.ts';

export interface AppDeps {
  config: Config;
  db: Database;
}

export interface AppServices extends AppDeps {
  loginLimiter: LoginLimiter;
  /** The key that signs list cursors (src/server/http/pages.ts). */
  listKey: () => Promise<Buffer>;
}

/** A registered route, as the authorisation-matrix and input-fuzz tests enumerate them. */
export interface RouteInfo {
  method: string;
  url: string;
  action: string | undefined;
  objectScoped: boolean;
  bodySchema: unknown;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: AppServices;
    routeTable: RouteInfo[];
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const REQUEST_ID = /^[\w.-]{1,64}$/;

function toAppError(error: FastifyError | AppError, config: Config): AppError | null {
  if (error instanceof AppError) return error;
  // The database is down, restarting or out of connections: 503 with Retry-After, not a 500.
  if (databaseUnavailableReason(error) !== null) return unavailable();
  if (error instanceof InputLimitExceeded) return inputLimit(error.limit, error.max);
  if (error.validation) {
    return new AppError('validation', { fields: fieldErrors(error.validation as never, error.validationContext ?? 'body') });
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload-too-large', { params: { limit: config.bodyLimitBytes } });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported-media-type');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('malformed-body');
  }
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError('malformed-body');
  }
  return null;
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger: { level: config.logLevel },
    bodyLimit: config.bodyLimitBytes,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    trustProxy: config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.decorate('services', { ...deps, loginLimiter: new LoginLimiter(deps.db, config.login), listKey: listKeyReader(deps.db) });
  // The list key is made now, not by a first read (a GET writes nothing); a database away now makes it on first use.
  await app.services.listKey().catch(() => undefined);
  // The holiday calendar of this database, with its administrator-added one-off holidays (docs/decisions/0012-holidays.md).
  await refreshCalendar(deps.db);
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionIdHash', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('locale', 'ko');
  app.decorateRequest('authorized', false);

  registerJsonBody(app, config.inputLimits);
  registerValidation(app);
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        'default-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'style-src': ["'self'", "'unsafe-inline'"],
        'script-src': ["'self'"],
        'connect-src': ["'self'"],
        'upgrade-insecure-requests': null,
      },
    },
    hsts: config.cookieSecure,
  });

  // Every /api route must say which policy action it performs.
  const routeTable: RouteInfo[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') {
        routeTable.push({ method, url: route.url, action: route.config?.action, objectScoped: route.config?.objectScoped ?? false, bodySchema: route.schema?.body });
      }
    }
    if (route.url.startsWith('/api/') && route.url !== '/api/openapi.json' && !route.url.startsWith('/api/docs') && route.config?.action === undefined) {
      throw new Error(`${route.method} ${route.url} declares no action`);
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    request.locale = negotiateLocale(request.headers['accept-language']);
  });
  // Before callers are looked up: CORS answers preflights, then the per-client limit counts the request.
  await registerCors(app);
  await registerRateLimit(app, config.rateLimitPerMinute);
  app.addHook('onRequest', async (request, reply) => {
    // Health, docs and the browser UI need no caller (and must answer while the database is down).
    const action = request.routeOptions.config.action;
    if (action === undefined) return;
    const resolved = await resolveActor(deps.db, request);
    request.actor = resolved.actor;
    request.sessionIdHash = resolved.sessionIdHash;
    request.csrfToken = resolved.csrfToken;
    // A session that ended on the server (expired, signed out elsewhere, user disabled): the page stops asking.
    if (resolved.invalid && request.headers.authorization === undefined && request.cookies[SIGNED_IN_COOKIE] !== undefined) reply.clearCookie(SIGNED_IN_COOKIE, { path: '/' });
    if (action === 'public') return;
    if (!request.actor) throw new AppError('unauthenticated');
    if (UNSAFE.has(request.method) && request.sessionIdHash !== null) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || sent !== request.csrfToken) throw new AppError('csrf');
    }
    if (!request.routeOptions.config.objectScoped) authorize(request);
  });

  // A route that answers successfully without having been authorised is a bug: refuse to send it.
  app.addHook('onSend', async (request, reply, payload) => {
    const action = request.routeOptions.config.action;
    if (action !== undefined && action !== 'public' && reply.statusCode < 400 && !request.authorized) {
      request.log.error({ route: request.routeOptions.url }, 'route answered without authorisation');
      reply.code(500).type('application/problem+json');
      return JSON.stringify(renderProblem(new AppError('internal'), request.locale, request.id, request.url));
    }
    return payload;
  });

  const replica = replicaOf(deps.db);
  registerReadCache(app, { versions: new TopicVersionReader(deps.db, { withWal: replica !== null }), maxBytes: config.readCacheBytes, replica });
  registerValidators(app);

  app.setErrorHandler((error: FastifyError | AppError, request: FastifyRequest, reply) => {
    const appError = toAppError(error, config);
    if (!appError) request.log.error({ err: error }, 'unexpected error');
    else if (appError.code === 'unavailable' && !(error instanceof AppError)) request.log.warn({ reason: databaseUnavailableReason(error) }, 'database unavailable');
    const problem = renderProblem(appError ?? new AppError('internal'), request.locale, request.id, request.url);
    for (const [name, value] of Object.entries(appError?.headers ?? {})) reply.header(name, value);
    // Refused before the body was read to its end (a streamed upload past a limit): close the connection after the
    // answer, so the client stops sending instead of the server reading the rest only to throw it away.
    if (problem.status === 413 && !request.raw.complete) reply.header('connection', 'close');
    return reply.code(problem.status).type('application/problem+json').send(problem);
  });

  await registerCompression(app);
  await registerDocs(app);
  await registerRoutes(app);
  await registerWeb(app, config);
  return app;
}
