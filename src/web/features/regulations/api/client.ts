// The regulation catalogue: search, one provision, adding one, importing a file, through the one request function
// of src/web/shared/api.ts (session cookie, UI language, CSRF token on writes).
import { queryString, request } from '../../../shared/api.ts';
import { allPages, withCursor, type Page } from '../../../shared/data/pages.ts';
import type { Regulation, RegulationInput } from '../../../shared/types.ts';

export const regulationsApi = {
  /** Every provision of the catalogue (matching `q`), all pages: pick lists offer them all. */
  list: async (q?: string) => ({ items: await allPages((cursor) => request<Page<Regulation>>('GET', withCursor(`/api/regulations${queryString({ q })}`, cursor))) }),
  get: (id: string) => request<Regulation>('GET', `/api/regulations/${encodeURIComponent(id)}`),
  create: (input: RegulationInput) => request<Regulation>('POST', '/api/regulations', input),
  /** A CSV file is sent as it is (text/csv), a JSON file as `{ items }`; all or nothing. */
  import: async (file: File) => /\.json$/i.test(file.name)
    ? request<{ created: number; ids: string[] }>('POST', '/api/regulations/import', JSON.parse(await file.text()) as unknown)
    : request<{ created: number; ids: string[] }>('POST', '/api/regulations/import', undefined, { raw: file, headers: { 'Content-Type': 'text/csv; charset=utf-8' } }),
};
