// The organisations API: the public list (kind, name, ministry code) and an MSS administrator's ministry code.
import { request } from '../../../shared/api.ts';
import { allPages, withCursor, type Page } from '../../../shared/data/pages.ts';
import type { I18nText } from '../../../shared/types.ts';

export interface Organisation {
  id: string;
  kind: 'ministry' | 'local_government' | 'company' | 'expert' | 'responsible_ministry';
  name: I18nText;
  ministryCode: string | null;
  demo: boolean;
}

export const organisationsApi = {
  /** Every organisation (all pages: the page lists them all). */
  list: async () => ({ items: await allPages((cursor) => request<Page<Organisation>>('GET', withCursor('/api/organisations', cursor))) }),
  setMinistryCode: (id: string, ministryCode: string | null) =>
    request<Organisation>('PUT', `/api/organisations/${encodeURIComponent(id)}/ministry-code`, { ministryCode }),
};
