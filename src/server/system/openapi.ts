// The OpenAPI description of the API, made from the routes' own schemas (src/contract/): served at /api/openapi.json
// and written to docs/openapi.json by `npm run openapi`. Each operation gets a stable operationId (method and path,
// unless the route declares one), the security its policy action really accepts, a tag and a summary.
import type { SwaggerOptions } from '@fastify/swagger';
import { ProblemSchema } from '../../contract/common.ts';
import { ACTIONS, SESSION_ONLY, type Action } from '../../domain/auth/policy.ts';

/** The tags of the API, each described (the order of the rendered document). */
export const API_TAGS = [
  { name: 'system', description: 'Version and health of the running server.' },
  { name: 'session', description: 'Signing in and out of a browser session (HttpOnly cookie, CSRF token for writes).' },
  { name: 'me', description: 'The signed-in user: profile, language, API tokens, notifications and dashboard.' },
  { name: 'organisations', description: 'Organisations (ministries, local governments, companies, experts, responsible ministries).' },
  { name: 'regions', description: 'The 17 provinces and 250 municipalities, their names through time, neighbours and promotion teams.' },
  { name: 'calendar', description: 'Korean public holidays that count in every legal period.' },
  { name: 'zones', description: 'Designated zones: reference data, public notices, changes, evaluations, extension and cancellation.' },
  { name: 'plans', description: 'Zone plans drafted jointly by local governments: sections, versions, sign-off, submission and decision.' },
  { name: 'review', description: 'Review of submitted plans: ministry consultations, expert reviewers and scores, committees.' },
  { name: 'planner', description: 'Consortium planner: capability inventories per region and the solver of connected zones.' },
  { name: 'regulations', description: 'The regulation catalogue: laws, decrees and notices with articles, texts and amendments.' },
  { name: 'exemptions', description: 'Regulatory exemptions: conditions, validity, deadlines, re-deliberation, law-amendment track.' },
  { name: 'rapid-confirmations', description: 'Rapid confirmation (신속확인): whether an activity needs a permit, answered by governments and ministries.' },
  { name: 'demonstrations', description: 'Demonstration projects: data uploads, compliance, reports, incidents, suspensions, evidence packs.' },
  { name: 'search', description: 'Precedent search over regulations, exemptions and zone plans in five languages.' },
  { name: 'audit', description: 'The audit log of every write.' },
] as const;

const VERBS: Record<string, string> = { GET: 'get', HEAD: 'head', POST: 'post', PUT: 'put', PATCH: 'patch', DELETE: 'delete' };
const pascal = (words: string) => words.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');

/** `GET /api/plans/:id/versions` → `getPlansByIdVersions`: stable as long as the route's method and path are. */
export function operationIdOf(method: string, url: string): string {
  const segments = url.replace(/^\/api\//, '/').split('/').filter(Boolean);
  const words = segments.map((s) => (s.startsWith(':') ? `By${pascal(s.slice(1))}` : pascal(s)));
  return `${VERBS[method] ?? method.toLowerCase()}${words.join('')}`;
}

type SecurityRequirement = Record<string, string[]>;

/** Public routes need nothing; others take a browser session or an API token of the action's scope (read or write). */
export function securityOf(action: Action | 'public' | undefined): SecurityRequirement[] {
  if (action === undefined || action === 'public') return [];
  if (SESSION_ONLY.has(action)) return [{ session: [] }];
  return [{ session: [] }, { token: [ACTIONS[action]] }];
}

export const swaggerOptions: SwaggerOptions = {
  openapi: {
    openapi: '3.1.0',
    info: {
      title: 'ZoneLink API',
      version: '0.1.0',
      description:
        'Regulation-Free Special Zones (규제자유특구) and regionally connected zones (광역 연계형 특구). ' +
        'Errors are application/problem+json in the language of Accept-Language (ko, en, ja, zh, fr). ' +
        'Browser sessions use an HttpOnly cookie and must send X-CSRF-Token on writes; machine clients send the header Authorization: Bearer followed by an API token (create one on your own page or with POST /api/me/tokens). ' +
        'A token of scope `read` may call the operations whose security lists `token: [read]`; one of scope `write` also those listing `token: [write]`.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/', description: 'The ZoneLink server that serves this document (`npm start`: http://localhost:3000)' }],
    tags: API_TAGS.map((t) => ({ ...t })),
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'zl_session', description: 'The browser session of POST /api/session; writes also send X-CSRF-Token.' },
        token: { type: 'http', scheme: 'bearer', description: 'An API token of scope read or write (POST /api/me/tokens).' },
      },
    },
  },
  transform: ({ schema, url, route }) => {
    if (schema === undefined || schema.hide === true) return { schema, url };
    const declared = (schema as { operationId?: string }).operationId;
    const method = [route.method].flat()[0] ?? 'GET';
    const response = (schema.response ?? {}) as Record<string, unknown>;
    return {
      url,
      schema: {
        ...schema,
        operationId: declared ?? operationIdOf(method, route.url),
        security: securityOf(route.config?.action),
        // Every /api request counts against the per-client limit (src/server/http/rate-limit.ts).
        response: url.startsWith('/api/') && !('429' in response) ? { ...response, 429: ProblemSchema } : response,
      },
    };
  },
  transformObject: (document) => ('openapiObject' in document ? hoistTitledSchemas(document.openapiObject as Record<string, unknown>) : document.swaggerObject),
};

/**
 * Every schema with a `title` (the contract's named shapes, src/contract/) becomes one component referred to by `$ref`,
 * instead of a copy in each operation. Two different shapes under one title are a mistake in the contract.
 */
function hoistTitledSchemas<T extends Record<string, unknown>>(document: T): T {
  const components: Record<string, unknown> = {};
  const seen = new Map<string, string>();
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (node === null || typeof node !== 'object') return node;
    const entries = Object.entries(node as Record<string, unknown>).map(([k, v]) => [k, visit(v)] as const);
    const copy = Object.fromEntries(entries);
    const title = copy.title;
    if (typeof title !== 'string' || !('type' in copy || 'anyOf' in copy || 'allOf' in copy)) return copy;
    const text = JSON.stringify(copy);
    const earlier = seen.get(title);
    if (earlier !== undefined && earlier !== text) throw new Error(`two different schemas are titled ${title}`);
    seen.set(title, text);
    components[title] = copy;
    return { $ref: `#/components/schemas/${title}` };
  };
  const paths = visit(document.paths);
  const existing = (document.components ?? {}) as Record<string, unknown>;
  const sorted = Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b)));
  return { ...document, paths, components: { ...existing, schemas: { ...(existing.schemas as object | undefined), ...sorted } } };
}
