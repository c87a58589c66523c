// Precedent search over exemptions, zones and the regulation catalogue, through the one request function of
// src/web/shared/api.ts.
import { queryString, request } from '../../../shared/api.ts';
import type { SearchResult } from '../../../../contract/search.ts';

export type { SearchHit, SearchResult } from '../../../../contract/search.ts';

export interface SearchQuery {
  q: string;
  type?: string | undefined;
  kind?: string | undefined;
  ministry?: string | undefined;
  zone?: string | undefined;
  state?: string | undefined;
  stage?: string | undefined;
  year?: string | undefined;
}

export const searchApi = {
  search: (query: SearchQuery) => request<SearchResult>('GET', `/api/search${queryString({ ...query, limit: '50' })}`),
};
