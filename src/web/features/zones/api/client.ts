// A zone after designation, through the one request function of src/web/shared/api.ts.
import { request } from '../../../shared/api.ts';
import { allPages, withCursor, type Page } from '../../../shared/data/pages.ts';
import type { DataRequest, Evaluation, ZoneChange } from '../../../../contract/zone-after.ts';
import type { I18nText } from '../../../shared/types.ts';

export type { DesignationNotice } from '../../../../contract/zones.ts';
export type { DataRequest, Evaluation, ZoneChange } from '../../../../contract/zone-after.ts';
export type Grade = Evaluation['grade'];
export interface HistoryEntry { kind: string; on: string; params: Record<string, unknown> }
export const CRITERIA = ['kpi-achievement', 'regional-economy', 'use-of-special-cases', 'project-results'] as const;
export const CHANGE_ITEMS = ['typo', 'wording-after-law-change', 'name-after-boundary-change', 'area', 'detailed-plan', 'operator-name-or-address', 'operators', 'exemptions', 'conditions', 'purpose', 'other'] as const;

const at = (id: string) => encodeURIComponent(id);

export const zonesApi = {
  /** The zone's whole history and change requests, page after page (the zone page shows all of them). */
  history: (id: string) => allPages((cursor) => request<Page<HistoryEntry>>('GET', withCursor(`/api/zones/${at(id)}/history`, cursor))).then((items) => ({ items })),
  evaluations: (id: string) => request<{ items: Evaluation[]; due: { year: number; due: string; recorded: boolean }[] }>('GET', `/api/zones/${at(id)}/evaluations`),
  changes: (id: string) => allPages((cursor) => request<Page<ZoneChange>>('GET', withCursor(`/api/zones/${at(id)}/changes`, cursor))).then((items) => ({ items })),
  evaluate: (id: string, body: { year: number; scores: Record<string, number>; summary: I18nText; confirmedOn: string }) => request<Evaluation>('POST', `/api/zones/${at(id)}/evaluations`, body),
  fileChange: (id: string, body: { items: string[]; areaChangePercent: number | null; description: I18nText }) => request<ZoneChange>('POST', `/api/zones/${at(id)}/changes`, body),
  withdrawChange: (id: string, changeId: string) => request<ZoneChange>('POST', `/api/zones/${at(id)}/changes/${at(changeId)}/withdraw`),
  dataRequests: (id: string) => allPages((cursor) => request<Page<DataRequest>>('GET', withCursor(`/api/zones/${at(id)}/data-requests`, cursor))).then((items) => ({ items })),
  answerDataRequest: (id: string, requestId: string, answer: I18nText) => request<DataRequest>('POST', `/api/zones/${at(id)}/data-requests/${at(requestId)}/answer`, { answer }),
  reviewChange: (id: string, changeId: string, action: 'approve_minor' | 'accept_for_review' | 'reject') =>
    request<ZoneChange>('POST', `/api/zones/${at(id)}/changes/${at(changeId)}/review`, { action, note: null }),
  extend: (id: string, body: { newPeriodEnd: string; committee: string; meetingOn: string; noticeGivenOn: string | null; urgent: boolean; reason: I18nText }) =>
    request<unknown>('POST', `/api/zones/${at(id)}/extension`, body),
  hearing: (id: string, body: { heldOn: string; ground: string; attendees: string[]; summary: I18nText }) => request<unknown>('POST', `/api/zones/${at(id)}/hearings`, body),
  cancel: (id: string, body: { ground: string; committee: string; meetingOn: string; noticeGivenOn: string | null; urgent: boolean; reason: I18nText }) =>
    request<unknown>('POST', `/api/zones/${at(id)}/cancellation`, body),
};
