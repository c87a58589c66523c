// The plans API over the one transport (src/web/shared/api.ts); If-Match carries the version a content write is based on.
import { allPages, withCursor, type Page } from '../../../shared/data/pages.ts';
import { request, type Method } from '../../../shared/api.ts';
import { listQuery, type ListParams } from '../../../shared/data/list-params.ts';
import type { Criterion, ExpertSummary, ExpertWorkspace, Position, ReviewView, Tie } from '../review-types.ts';
import type { CommonContent, Consultation, DecisionInput, PlanContent, PlanModel, PlanSummary, PlanView, SectionContent, VersionSummary } from '../types.ts';
import type { Regulation } from '../../../shared/types.ts';

function write<T>(method: Method, path: string, body?: unknown, etag?: string): Promise<T> {
  return request<T>(method, path, body, etag ? { headers: { 'If-Match': etag } } : {});
}

/** The plans list's filters and order (GET /api/plans). */
export type PlanListParams = ListParams<'state' | 'model' | 'sort'>;

const p = (id: string) => `/api/plans/${encodeURIComponent(id)}`;
export const plansApi = {
  /** One page of the plans the caller may see (`cursor`: the `next` of the page before). */
  /** A page of the plans the reader may see, filtered and ordered as asked (the server's `state`, `model`, `sort`). */
  list: (query: PlanListParams = {}, cursor?: string) => request<Page<PlanSummary>>('GET', withCursor(`/api/plans${listQuery(query)}`, cursor)),
  get: (id: string) => request<PlanView>('GET', p(id)),
  /** Every version of the plan, page after page (the history panel and the comparison pick from all of them). */
  versions: (id: string) => allPages((cursor) => request<Page<VersionSummary>>('GET', withCursor(`${p(id)}/versions`, cursor))),
  version: (id: string, version: number) => request<{ version: number; content: PlanContent }>('GET', `${p(id)}/versions/${version}`),
  /** The regulation catalogue matching `q` in any language (public). */
  regulations: (q: string) => request<{ items: Regulation[] }>('GET', `/api/regulations?${new URLSearchParams({ q }).toString()}`).then((r) => r.items),
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
  review: (id: string) => request<ReviewView>('GET', `${p(id)}/review`),
  /** Every expert MSS may assign (all pages: the assignment form picks from them). */
  experts: () => allPages((cursor) => request<Page<ExpertSummary>>('GET', withCursor('/api/experts', cursor))),
  assignExpert: (id: string, expertUserId: string) => write<ReviewView>('POST', `${p(id)}/experts`, { expertUserId }),
  consult: (id: string, organisationId: string) => write<ReviewView>('POST', `${p(id)}/consultations`, { organisationId }),
  giveOpinion: (id: string, input: { position: Position; opinion: { ko: string }; conditions: { ko: string } | null }) => write<ReviewView>('POST', `${p(id)}/opinions`, input),
  declare: (id: string, input: { conflict: boolean; note: { ko: string } | null }) => write<ReviewView>('POST', `${p(id)}/experts/me/declaration`, input),
  score: (id: string, input: { scores: Record<Criterion, number>; comment: { ko: string } | null }) => write<ReviewView>('PUT', `${p(id)}/experts/me/scores`, input),
  workspace: () => request<ExpertWorkspace>('GET', '/api/experts/me'),
  saveTies: (ties: Tie[]) => write<ExpertWorkspace>('PUT', '/api/experts/me/ties', { ties }),
};
export type PlansClient = typeof plansApi;
