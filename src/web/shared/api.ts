// The only way the UI talks to the server: same-origin fetch with the session cookie,
// the UI language as Accept-Language and the CSRF token on every cookie-authenticated write.
import { allPages, withCursor, type Page } from './data/pages.ts';
import type { Lang } from '../i18n/index.ts';
import type {
  About,
  ApiTokenItem,
  CatalogueEntry,
  InventoryInput,
  InventoryView,
  Me,
  NotificationItem,
  PlannerQuery,
  PlannerResult,
  PlanningRequestItem,
  Problem,
  ProfileInput,
  Region,
  RegionDetail,
  RegionProfile,
  Session,
  TokenScope,
  Zone,
  ZoneFilter,
} from './types.ts';

let currentLang: Lang = 'ko';
let csrfToken: string | null = null;

export function setApiLanguage(lang: Lang): void {
  currentLang = lang;
}

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

let sessionLost: () => void = () => undefined;

/** Called when the server answers 401 to a signed-in call (the session expired or was ended elsewhere). */
export function onSessionLost(handler: () => void): void {
  sessionLost = handler;
}

/** An error answered by the server (problem+json) or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }
  get fieldErrors(): { path: string; message: string }[] {
    return this.problem.errors ?? [];
  }
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Headers every call carries: the UI language, and the CSRF token for a write (for callers that cannot use `request`). */
export function apiHeaders(write: boolean): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', 'Accept-Language': currentLang };
  if (write && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  return headers;
}

/** A JSON call (the one transport: language, CSRF token, problem+json as ApiError, 401 ends the session); with `opts.raw` the body is sent as it is (a file) instead of as JSON. */
export async function request<T>(method: Method, path: string, body?: unknown, opts: { csrf?: boolean; raw?: Blob; headers?: Record<string, string> } = {}): Promise<T> {
  const headers = { ...apiHeaders(method !== 'GET' && opts.csrf !== false), ...opts.headers };
  if (opts.raw) headers['Content-Type'] = opts.headers?.['Content-Type'] ?? 'application/octet-stream';
  else if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network' });
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  const isJson = type.includes('json');
  const payload: unknown = isJson ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    const problem: Problem =
      payload && typeof payload === 'object' ? { ...(payload as Problem), status: response.status } : { status: response.status };
    // Sign-in and the session check answer 401 by design; anywhere else it means the session is gone.
    if (response.status === 401 && csrfToken !== null && !path.startsWith('/api/session')) sessionLost();
    throw new ApiError(problem);
  }
  return payload as T;
}

/** `?a=1&b=2` from the parameters that have a value ('' when none has). */
export function queryString(params: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') query.set(key, value);
  const text = query.toString();
  return text ? `?${text}` : '';
}

export const api = {
  getSession: async (): Promise<Session | null> => {
    try {
      return await request<Session>('GET', '/api/session');
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  login: (email: string, password: string) =>
    request<Session>('POST', '/api/session', { email, password }, { csrf: false }),
  logout: () => request<void>('DELETE', '/api/session'),
  updateMe: (patch: { displayName?: string; locale?: Lang }) => request<Me>('PATCH', '/api/me', patch),
  listTokens: () => request<{ items: ApiTokenItem[] }>('GET', '/api/me/tokens'),
  createToken: (name: string, scopes: TokenScope[]) =>
    request<{ token: string; item: ApiTokenItem }>('POST', '/api/me/tokens', { name, scopes }),
  revokeToken: (id: string) => request<void>('DELETE', `/api/me/tokens/${encodeURIComponent(id)}`),
  listRegions: (level: 'province' | 'municipality', parent?: string) => {
    const query = new URLSearchParams({ level });
    if (parent) query.set('parent', parent);
    return request<{ items: Region[] }>('GET', `/api/regions?${query.toString()}`);
  },
  getRegion: (code: string) => request<RegionDetail>('GET', `/api/regions/${encodeURIComponent(code)}`),
  saveProfile: (code: string, input: ProfileInput) =>
    request<RegionProfile>('PUT', `/api/regions/${encodeURIComponent(code)}/profile`, input),
  about: () => request<About>('GET', '/api/about'),
  listZones: (filter: ZoneFilter = {}) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(filter)) if (value !== undefined && value !== '') query.set(key, String(value));
    const url = `/api/zones${query.size > 0 ? `?${query.toString()}` : ''}`;
    // Zones are few (tens): every page, for maps and pick lists.
    return allPages((cursor) => request<Page<Zone>>('GET', withCursor(url, cursor))).then((items) => ({ items }));
  },
  getZone: (id: string) => request<Zone>('GET', `/api/zones/${encodeURIComponent(id)}`),
  capabilityCatalogue: () => request<{ items: CatalogueEntry[] }>('GET', '/api/capabilities/catalogue'),
  getInventory: (code: string) => request<InventoryView>('GET', `/api/regions/${encodeURIComponent(code)}/inventory`),
  saveInventory: (code: string, input: InventoryInput) =>
    request<InventoryView>('PUT', `/api/regions/${encodeURIComponent(code)}/inventory`, input),
  importInventory: (csv: string) => request<{ regions: string[]; rows: number }>('POST', '/api/inventory/import', { csv }),
  solvePlan: (query: PlannerQuery) => request<PlannerResult>('POST', '/api/planner/solve', query),
  savePlanRequest: (title: string, query: PlannerQuery) =>
    request<{ id: string; title: string; regions: string[] }>('POST', '/api/planner/requests', { title, query }),
  listPlanRequests: (cursor?: string) => request<Page<PlanningRequestItem>>('GET', withCursor('/api/planner/requests', cursor)),
  listNotifications: (opts: { unread?: boolean; limit?: number } = {}) => {
    const query = new URLSearchParams();
    if (opts.unread) query.set('unread', 'true');
    if (opts.limit) query.set('limit', String(opts.limit));
    const qs = query.toString();
    return request<{ items: NotificationItem[]; unread: number }>('GET', `/api/me/notifications${qs ? `?${qs}` : ''}`);
  },
  markNotificationRead: (id: string) => request<void>('POST', `/api/me/notifications/${encodeURIComponent(id)}/read`),
};
