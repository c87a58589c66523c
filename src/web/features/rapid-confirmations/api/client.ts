// The rapid-confirmation API (RFZ Act Art. 85): list, file, forward or answer locally, reply, supplements, decision.
import { request } from '../../../shared/api.ts';
import type { I18nText } from '../../../shared/types.ts';

export type RapidAnswer = 'permit_needed' | 'no_permit_needed' | 'not_our_matter';
export type RapidState = 'filed' | 'answered_locally' | 'forwarded' | 'answered' | 'committee' | 'decided';

export interface RapidReply {
  organisationId: string;
  name: I18nText;
  notifiedOn: string;
  due: string | null;
  daysLeft: number | null;
  paused: boolean;
  status: 'pending' | 'paused' | 'answered' | 'deemed_no_permit_needed';
  answer: RapidAnswer | null;
  rules: I18nText | null;
  repliedOn: string | null;
  deemed: boolean;
  supplementRequest: I18nText | null;
}

export interface RapidRequest {
  id: string;
  zoneId: string;
  zoneName: I18nText;
  companyId: string;
  companyName: I18nText;
  activity: I18nText;
  regulations: { id: string; title: I18nText; law: I18nText; article: string; ministry: string }[];
  ministryId: string | null;
  state: RapidState;
  filedOn: string;
  forwardedOn: string | null;
  localAnswer: I18nText | null;
  committeeDue: string | null;
  committeeDecision: 'permit_needed' | 'no_permit_needed' | null;
  committeeNote: I18nText | null;
  decidedOn: string | null;
  version: number;
  replies: RapidReply[];
}

const base = '/api/rapid-confirmations';
const one = (id: string, suffix: string) => `${base}/${encodeURIComponent(id)}/${suffix}`;

export const rapidApi = {
  list: () => request<{ items: RapidRequest[] }>('GET', base),
  file: (input: { zoneId: string; activity: I18nText; regulationIds: string[]; ministryId: string | null }) => request<RapidRequest>('POST', base, input),
  forward: (id: string, ministryIds: string[]) => request<RapidRequest>('POST', one(id, 'forward'), { ministryIds }),
  answerLocally: (id: string, answer: I18nText) => request<RapidRequest>('POST', one(id, 'local-answer'), { answer }),
  reply: (id: string, answer: RapidAnswer, rules: I18nText | null) => request<RapidRequest>('POST', one(id, 'reply'), { answer, rules }),
  requestSupplement: (id: string, text: I18nText) => request<RapidRequest>('POST', one(id, 'supplement-request'), { request: text }),
  supplement: (id: string, ministryId: string) => request<RapidRequest>('POST', one(id, 'supplement'), { ministryId }),
  decide: (id: string, decision: 'permit_needed' | 'no_permit_needed', note: I18nText | null) => request<RapidRequest>('POST', one(id, 'decision'), { decision, note }),
};
