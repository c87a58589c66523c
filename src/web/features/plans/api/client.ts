// The plans API, over the same conventions as src/web/shared/api.ts: same-origin cookie session, UI language as
// Accept-Language, the CSRF token on writes, problem+json errors as ApiError; If-Match for content writes.
import { withCursor, type Page } from '../../../shared/data/paged.tsx';
import { ApiError } from '../../../shared/api.ts';
import type { Problem, Session } from '../../../shared/types.ts';
import type { Criterion, ExpertSummary, ExpertWorkspace, Position, ReviewView, Tie } from '../review-types.ts';
import type { CommonContent, Consultation, DecisionInput, PlanContent, PlanModel, PlanSummary, PlanView, SectionContent, VersionSummary } from '../types.ts';
import type { Regulation } from '../../../shared/types.ts';

let csrf: { user: string; token: string } | null = null;

async function raw(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<unknown> {
  const all: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': document.documentElement.lang || 'ko',
    ...headers,
  };
  if (body !== undefined) all['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, { method, headers: all, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError({ status: 0, code: 'network' });
  }
  const payload: unknown = (response.headers.get('content-type') ?? '').includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    throw new ApiError(payload && typeof payload === 'object' ? { ...(payload as Problem), status: response.status } : { status: response.status });
  }
  return payload;
}

/** The session's CSRF token (the session answer carries it; cached per user). */
async function csrfToken(userId: string): Promise<string> {
  if (csrf?.user === userId) return csrf.token;
  const session = (await raw('GET', '/api/session')) as Session;
  csrf = { user: userId, token: session.csrfToken };
  return session.csrfToken;
}

export function plansClient(userId: string) {
  async function write<T>(method: string, path: string, body?: unknown, etag?: string): Promise<T> {
    const headers: Record<string, string> = { 'X-CSRF-Token': await csrfToken(userId) };
    if (etag) headers['If-Match'] = etag;
    return (await raw(method, path, body, headers)) as T;
  }
  const p = (id: string) => `/api/plans/${encodeURIComponent(id)}`;
  return {
    /** One page of the plans the caller may see (`cursor`: the `next` of the page before). */
    list: async (cursor?: string) => (await raw('GET', withCursor('/api/plans', cursor))) as Page<PlanSummary>,
    get: async (id: string) => (await raw('GET', p(id))) as PlanView,
    versions: async (id: string) => ((await raw('GET', `${p(id)}/versions`)) as { items: VersionSummary[] }).items,
    version: async (id: string, version: number) => (await raw('GET', `${p(id)}/versions/${version}`)) as { version: number; content: PlanContent },
    /** The regulation catalogue matching `q` in any language (public). */
    regulations: async (q: string) => ((await raw('GET', `/api/regulations?${new URLSearchParams({ q }).toString()}`)) as { items: Regulation[] }).items,
    create: (input: { model: PlanModel; leadRegion: string; title: { ko: string; en?: string } }) => write<PlanView>('POST', '/api/plans', input),
    saveCommon: (plan: PlanView, input: CommonContent) => write<PlanView>('PUT', p(plan.id), input, plan.etag),
    saveSection: (plan: PlanView, region: string, input: SectionContent) => write<PlanView>('PUT', `${p(plan.id)}/sections/${region}`, input, plan.etag),
    invite: (plan: PlanView, regionCode: string) => write<PlanView>('POST', `${p(plan.id)}/partners`, { regionCode }, plan.etag),
    removePartner: (plan: PlanView, region: string) => write<PlanView>('DELETE', `${p(plan.id)}/partners/${region}`, undefined, plan.etag),
    saveConsultation: (plan: PlanView, input: Consultation) => write<PlanView>('PUT', `${p(plan.id)}/consultation`, input, plan.etag),
    requestSignOff: (plan: PlanView) => write<PlanView>('POST', `${p(plan.id)}/request-signoff`, undefined, plan.etag),
    signOff: (plan: PlanView) => write<PlanView>('POST', `${p(plan.id)}/signoff`, { contentHash: plan.contentHash }),
    withdrawSignOff: (plan: PlanView) => write<PlanView>('DELETE', `${p(plan.id)}/signoff`),
    submit: (plan: PlanView) => write<PlanView>('POST', `${p(plan.id)}/submit`, undefined, plan.etag),
    withdraw: (plan: PlanView) => write<PlanView>('POST', `${p(plan.id)}/withdraw`, undefined, plan.etag),
    accept: (plan: PlanView) => write<PlanView>('POST', `${p(plan.id)}/accept`, undefined, plan.etag),
    requestSupplement: (plan: PlanView, request: { ko: string }) => write<PlanView>('POST', `${p(plan.id)}/supplement-requests`, { request, items: [] }, plan.etag),
    answerSupplement: (plan: PlanView, answer: { ko: string }) => write<PlanView>('POST', `${p(plan.id)}/supplement-answer`, { answer }, plan.etag),
    refer: (plan: PlanView, input: { committee: string; ministryRepliesComplete: boolean; note: { ko: string } | null }) =>
      write<PlanView>('POST', `${p(plan.id)}/refer`, input, plan.etag),
    decide: (plan: PlanView, input: DecisionInput) => write<PlanView>('POST', `${p(plan.id)}/decision`, input, plan.etag),
    revise: (plan: PlanView) => write<PlanView>('POST', `${p(plan.id)}/revise`, undefined, plan.etag),
    // Review (src/server/plans/review-routes.ts)
    returnApplication: (plan: PlanView, input: { missingItems: string[]; reason: { ko: string } }) => write<PlanView>('POST', `${p(plan.id)}/return`, input, plan.etag),
    requestSupplementBy: (plan: PlanView, request: { ko: string }, answerBy: string | null) =>
      write<PlanView>('POST', `${p(plan.id)}/supplement-requests`, { request, items: [], answerBy }, plan.etag),
    redeliberate: (plan: PlanView, reason: { ko: string }) => write<PlanView>('POST', `${p(plan.id)}/redeliberation`, { reason }, plan.etag),
    review: async (id: string) => (await raw('GET', `${p(id)}/review`)) as ReviewView,
    experts: async () => ((await raw('GET', '/api/experts')) as { items: ExpertSummary[] }).items,
    assignExpert: (id: string, expertUserId: string) => write<ReviewView>('POST', `${p(id)}/experts`, { expertUserId }),
    consult: (id: string, organisationId: string) => write<ReviewView>('POST', `${p(id)}/consultations`, { organisationId }),
    giveOpinion: (id: string, input: { position: Position; opinion: { ko: string }; conditions: { ko: string } | null }) => write<ReviewView>('POST', `${p(id)}/opinions`, input),
    declare: (id: string, input: { conflict: boolean; note: { ko: string } | null }) => write<ReviewView>('POST', `${p(id)}/experts/me/declaration`, input),
    score: (id: string, input: { scores: Record<Criterion, number>; comment: { ko: string } | null }) => write<ReviewView>('PUT', `${p(id)}/experts/me/scores`, input),
    workspace: async () => (await raw('GET', '/api/experts/me')) as ExpertWorkspace,
    saveTies: (ties: Tie[]) => write<ExpertWorkspace>('PUT', '/api/experts/me/ties', { ties }),
  };
}
export type PlansClient = ReturnType<typeof plansClient>;
