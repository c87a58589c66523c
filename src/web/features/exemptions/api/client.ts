// Exemptions, needs coverage, bundles, the reform board and organisations, through the one
// request function of src/web/shared/api.ts (session cookie, UI language, CSRF token on writes).
import { queryString, request } from '../../../shared/api.ts';
import { allPages, withCursor, type Page } from '../../../shared/data/pages.ts';
import type {
  AuditEntry, Bundle, Conditions, EvidenceRef, Exemption, ExemptionInput, NeedsCoverage, Organisation, ReformBoard,
} from '../types.ts';

const qs = queryString;
const at = (id: string) => encodeURIComponent(id);

export const exemptionsApi = {
  planCoverage: (id: string) => request<NeedsCoverage>('GET', `/api/plans/${at(id)}/coverage`),
  projectCoverage: (id: string) => request<NeedsCoverage>('GET', `/api/projects/${at(id)}/coverage`),
  /** One page of the exemptions (`cursor`: the `next` of the page before). */
  list: (filter: { zone?: string } = {}, cursor?: string) => request<Page<Exemption>>('GET', withCursor(`/api/exemptions${qs(filter)}`, cursor)),
  get: (id: string) => request<Exemption>('GET', `/api/exemptions/${at(id)}`),
  create: (input: ExemptionInput) => request<Exemption>('POST', '/api/exemptions', input),
  extend: (id: string, body: { requestedOn: string; newUntil: string; ground: string }) =>
    request<Exemption>('POST', `/api/exemptions/${at(id)}/extend`, body),
  requestAmendment: (id: string, body: { requestedOn: string; results: { ko: string }; evidence: string[]; evidenceRefs: EvidenceRef[] }) =>
    request<Exemption>('POST', `/api/exemptions/${at(id)}/amendment-request`, body),
  recordAmendment: (id: string, body: { amendedOn: string; act: string }) =>
    request<Exemption>('POST', `/api/exemptions/${at(id)}/law-amended`, body),
  requestRedeliberation: (id: string, body: { notifiedOn: string; requestedOn: string; grounds: { ko: string } }) =>
    request<Exemption>('POST', `/api/exemptions/${at(id)}/redeliberation`, body),
  decideRedeliberation: (id: string, body: {
    decidedOn: string; outcome: 'granted' | 'rejected'; validFrom: string | null; validUntil: string | null; insuranceProofSubmitted: boolean; conditions?: Conditions;
  }) => request<Exemption>('POST', `/api/exemptions/${at(id)}/redeliberation/decision`, body),
  hearing: (id: string, body: { ground: string; noticeOn: string; heldOn: string; record: { ko: string } }) =>
    request<Exemption>('POST', `/api/exemptions/${at(id)}/cancellation/hearing`, body),
  cancel: (id: string, body: { decidedOn: string; reason: { ko: string } }) => request<Exemption>('POST', `/api/exemptions/${at(id)}/cancel`, body),
  expire: (id: string) => request<Exemption>('POST', `/api/exemptions/${at(id)}/expire`),
  reportResults: (id: string, body: { submittedOn: string; results: { ko: string }; evidenceRefs: EvidenceRef[] }) =>
    request<Exemption>('POST', `/api/exemptions/${at(id)}/results-report`, body),
  /** The law-amendment track; each edit carries the track's version (If-Match), so a stale page gets 412. */
  amendment: (e: Exemption, step: 'review' | 'plan' | 'progress' | 'escalate', body: unknown) =>
    request<Exemption>('POST', `/api/exemptions/${at(e.id)}/amendment/${step}`, body, { headers: { 'If-Match': `"${e.lifecycle.amendment?.version ?? 0}"` } }),
  history: (id: string) => request<{ items: AuditEntry[] }>('GET', `/api/audit${qs({ limit: '50', objectType: 'exemption', objectId: id })}`),
  bundle: (zoneId: string) => request<Bundle>('GET', `/api/bundles/${at(zoneId)}`),
  reformBoard: () => request<ReformBoard>('GET', '/api/reform-board'),
  /** Every organisation of a kind (all pages: pick lists offer them all). */
  organisations: async (kind: string) => ({ items: await allPages((cursor) => request<Page<Organisation>>('GET', withCursor(`/api/organisations${qs({ kind })}`, cursor))) }),
};
