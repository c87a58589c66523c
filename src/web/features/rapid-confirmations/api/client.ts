// The rapid-confirmation API (RFZ Act Art. 85): list, file, forward or answer locally, reply, supplements, decision.
import { request } from '../../../shared/api.ts';
import { withCursor, type Page } from '../../../shared/data/pages.ts';
import type { RapidConfirmation as RapidRequest, RapidFileInput, RapidReply } from '../../../../contract/rapid-confirmations.ts';
import type { I18nText } from '../../../shared/types.ts';

export type { RapidConfirmation as RapidRequest, RapidReply } from '../../../../contract/rapid-confirmations.ts';
export type RapidAnswer = NonNullable<RapidReply['answer']>;
export type RapidState = RapidRequest['state'];

const base = '/api/rapid-confirmations';
const one = (id: string, suffix: string) => `${base}/${encodeURIComponent(id)}/${suffix}`;

export const rapidApi = {
  list: (cursor?: string) => request<Page<RapidRequest>>('GET', withCursor(base, cursor)),
  file: (input: RapidFileInput) => request<RapidRequest>('POST', base, input),
  forward: (id: string, ministryIds: string[]) => request<RapidRequest>('POST', one(id, 'forward'), { ministryIds }),
  answerLocally: (id: string, answer: I18nText) => request<RapidRequest>('POST', one(id, 'local-answer'), { answer }),
  reply: (id: string, answer: RapidAnswer, rules: I18nText | null) => request<RapidRequest>('POST', one(id, 'reply'), { answer, rules }),
  requestSupplement: (id: string, text: I18nText) => request<RapidRequest>('POST', one(id, 'supplement-request'), { request: text }),
  supplement: (id: string, ministryId: string) => request<RapidRequest>('POST', one(id, 'supplement'), { ministryId }),
  decide: (id: string, decision: 'permit_needed' | 'no_permit_needed', note: I18nText | null) => request<RapidRequest>('POST', one(id, 'decision'), { decision, note }),
};
