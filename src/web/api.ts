// The only way the UI talks to the server: same-origin fetch with the session cookie,
// the UI language as Accept-Language and the CSRF token on every cookie-authenticated write.
import type { Lang } from './i18n/index.ts';
import type {
  ApiTokenItem,
  Me,
  Problem,
  ProfileInput,
  Region,
  RegionDetail,
  RegionProfile,
  Session,
  TokenScope,
} from './types.ts';

let currentLang: Lang = 'ko';
let csrfToken: string | null = null;

export function setApiLanguage(lang: Lang): void {
  currentLang = lang;
}

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
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

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function request<T>(method: Method, path: string, body?: unknown, opts: { csrf?: boolean } = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': currentLang,
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && opts.csrf !== false && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
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
    throw new ApiError(problem);
  }
  return payload as T;
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
};
