// The demonstrations API through the app's one request helper (src/web/shared/api.ts); uploads go through
// XMLHttpRequest, the only browser API that reports upload progress, with the same headers.
import { allPages, withCursor, type Page } from '../../../shared/data/pages.ts';
import { apiHeaders, ApiError, request } from '../../../shared/api.ts';
import type { Problem } from '../../../shared/types.ts';
import type {
  Attachment, Company, ComplianceView, DeadlineHours, EvidencePack, ExemptionItem, Incident, IncidentInput, Project, ProjectInput, ProjectState, ReportingPeriod, UploadMode, UploadResult,
} from '../types.ts';

const p = (id: string) => `/api/projects/${encodeURIComponent(id)}`;

export const projectsApi = {
  /** Every project the user may read (all pages). */
  list: () => allPages((cursor) => request<Page<Project>>('GET', withCursor('/api/projects', cursor))),
  get: (id: string) => request<Project>('GET', p(id)),
  create: (input: ProjectInput) => request<Project>('POST', '/api/projects', input),
  /** Replaces the project's regulatory needs through the project's update route (If-Match on its version). */
  saveNeeds: (x: Project, needs: Project['needs']) => request<Project>('PUT', p(x.id), {
    title: x.title, summary: x.summary, partnerCompanies: x.partnerCompanies, exemptionIds: x.exemptionIds, sites: x.sites, products: x.products,
    periodStart: x.periodStart, periodEnd: x.periodEnd, milestones: x.milestones, kpis: x.kpis, safetyPlan: x.safetyPlan,
    insuranceRequired: x.insuranceRequired, insurance: x.insurance, rules: x.rules, needs,
  }, { headers: { 'If-Match': `"project-v${x.version}"` } }),
  transition: (id: string, to: ProjectState) => request<Project>('POST', `${p(id)}/transition`, { to }),
  /** Suspends, after a serious incident, the exemptions it names for the project. */
  suspendExemptions: (id: string, incidentId: string, exemptionIds: string[], reason: { ko: string }) =>
    request<Project>('POST', `${p(id)}/incidents/${encodeURIComponent(incidentId)}/suspension`, { exemptionIds, reason }),
  liftSuspension: (id: string, exemptionId: string, reason: { ko: string }) =>
    request<Project>('POST', `${p(id)}/exemptions/${encodeURIComponent(exemptionId)}/lift-suspension`, { reason }),
  reports: (id: string) => request<{ frequency: string; items: ReportingPeriod[] }>('GET', `${p(id)}/reports`),
  fileReport: (id: string, period: number, body: { kpiValues: { kpiId: string; value: number }[]; narrative: { ko: string } }) =>
    request<ReportingPeriod>('PUT', `${p(id)}/reports/${period}`, body),
  review: (id: string, period: number, decision: 'accept' | 'request-changes', comment: { ko: string }) =>
    request<ReportingPeriod>('POST', `${p(id)}/reports/${period}/review`, { decision, comment }),
  attachments: (id: string, period: number) => allPages((cursor) => request<Page<Attachment>>('GET', withCursor(`${p(id)}/reports/${period}/attachments`, cursor))),
  /** Attaches a file to a filed report (the server recognises its type from the bytes). */
  attach: (id: string, period: number, file: File) =>
    request<Attachment>('POST', `${p(id)}/reports/${period}/attachments?name=${encodeURIComponent(file.name)}`, undefined, { raw: file }),
  /** Withdraws an attachment (`href` as the list gives it) with the reason kept on record. */
  removeAttachment: (href: string, reason: string) => request<unknown>('DELETE', href, { reason }),
  /** Companies by name (partners are picked from them; names are public). */
  companies: () => allPages((cursor) => request<Page<Company>>('GET', withCursor('/api/organisations?kind=company', cursor))),
  /** A page of the evidence packs the reader may download. */
  evidencePacks: (cursor?: string) => request<Page<EvidencePack>>('GET', withCursor('/api/evidence-packs', cursor)),
  /** The incidents and the reporting deadlines in force (the UI shows these, it computes none). */
  incidents: async (id: string) => {
    let deadlineHours: DeadlineHours | undefined;
    const items = await allPages(async (cursor) => {
      const page = await request<Page<Incident> & { deadlineHours: DeadlineHours }>('GET', withCursor(`${p(id)}/incidents`, cursor));
      deadlineHours = page.deadlineHours;
      return page;
    });
    return { items, deadlineHours: deadlineHours! };
  },
  reportIncident: (id: string, input: IncidentInput) => request<Incident>('POST', `${p(id)}/incidents`, input),
  /** Every problem of an upload (skip-invalid or refused) as CSV in the reader's language: a link target. */
  uploadErrorsUrl: (id: string, uploadId: string) => `${p(id)}/uploads/${uploadId}/errors.csv`,
  uploads: (id: string) => allPages((cursor) => request<Page<UploadResult>>('GET', withCursor(`${p(id)}/uploads`, cursor))),
  compliance: (id: string, examples = 20) => request<ComplianceView>('GET', `${p(id)}/compliance?examples=${examples}`),
  /** Every exemption of the zone (all pages: the project forms pick from them). */
  exemptions: (zoneId: string) => allPages((cursor) => request<Page<ExemptionItem>>('GET', withCursor(`/api/exemptions?zone=${encodeURIComponent(zoneId)}`, cursor))),
};

/** The media type the upload API expects for a file (by its name, then its type); null when neither fits. */
export function uploadMediaType(file: { name: string; type: string }): 'text/csv' | 'application/x-ndjson' | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv') || file.type === 'text/csv') return 'text/csv';
  if (name.endsWith('.ndjson') || name.endsWith('.jsonl') || file.type === 'application/x-ndjson') return 'application/x-ndjson';
  return null;
}

/** A random UUID (v4), also where crypto.randomUUID is missing (plain-HTTP origins other than localhost). */
export function newUploadId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Size of one part of a resumable upload. */
export const PART_BYTES = 8 * 1024 * 1024;

/** One XMLHttpRequest (the only browser API with upload progress) with the API's headers; problems as ApiError. */
function xhrSend<T>(method: string, url: string, headers: Record<string, string>, body: Blob | string | null, onProgress?: (loaded: number) => void): Promise<{ data: T; xhr: XMLHttpRequest }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    xhr.withCredentials = true;
    for (const [name, value] of Object.entries({ ...apiHeaders(true), ...headers })) xhr.setRequestHeader(name, value);
    if (onProgress) xhr.upload.onprogress = (event) => onProgress(event.loaded);
    xhr.onerror = () => reject(new ApiError({ status: 0, code: 'network' }));
    xhr.onabort = () => reject(new ApiError({ status: 0, code: 'network' }));
    xhr.onload = () => {
      let payload: unknown;
      try {
        payload = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        payload = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve({ data: payload as T, xhr });
      else reject(Object.assign(new ApiError(payload && typeof payload === 'object' ? { ...(payload as Problem), status: xhr.status } : { status: xhr.status }), { offset: xhr.getResponseHeader('upload-offset') }));
    };
    xhr.send(body);
  });
}

/**
 * Sends the file in parts of PART_BYTES (resumable upload, ADR 0008): asks the server how much of this upload id
 * it already has, sends the rest part by part, then completes it. Called again after a lost connection, it
 * resumes from the server's offset; a completed upload id is replayed, never stored twice.
 */
export async function uploadInParts(
  projectId: string, uploadId: string, file: Blob, mediaType: string, mode: UploadMode, onProgress: (sent: number, total: number) => void,
): Promise<UploadResult> {
  if (file.size === 0) return uploadFile(projectId, uploadId, file, mediaType, mode, onProgress);
  const base = `${p(projectId)}/uploads/${encodeURIComponent(uploadId)}`;
  let offset = await request<{ offset: number }>('GET', `${base}/parts`).then((s) => s.offset, (error: unknown) => {
    if (error instanceof ApiError && error.status === 404) return 0;
    throw error;
  });
  while (offset < file.size) {
    const end = Math.min(offset + PART_BYTES, file.size);
    const at = offset;
    onProgress(at, file.size);
    try {
      const { data } = await xhrSend<{ offset: number }>('PUT', `${base}/parts`, { 'Content-Type': mediaType, 'Content-Range': `bytes ${at}-${end - 1}/${file.size}` }, file.slice(at, end), (loaded) => onProgress(at + loaded, file.size));
      offset = data.offset;
    } catch (error) {
      const told = (error as { offset?: string | null }).offset;
      if (!(error instanceof ApiError) || error.status !== 409) throw error;
      // No offset: the upload is already complete (its answer was lost) — completing replays it.
      if (told === null || told === undefined) break;
      if (Number(told) === at) throw error;
      offset = Number(told);
    }
  }
  onProgress(file.size, file.size);
  return request<UploadResult>('POST', `${base}/complete`, { mode });
}

/**
 * Streams the file to PUT /api/projects/:id/uploads/:uploadId. The same upload id may be sent again after a
 * failure: the server answers a replay with the first result and stores nothing twice.
 */
export async function uploadFile(
  projectId: string, uploadId: string, file: Blob, mediaType: string, mode: UploadMode, onProgress: (sent: number, total: number) => void,
): Promise<UploadResult> {
  const url = `${p(projectId)}/uploads/${encodeURIComponent(uploadId)}${mode === 'skip-invalid' ? '?mode=skip-invalid' : ''}`;
  return (await xhrSend<UploadResult>('PUT', url, { 'Content-Type': mediaType }, file, (loaded) => onProgress(loaded, file.size))).data;
}
