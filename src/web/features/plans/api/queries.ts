// Query keys and reads of the plans feature (TanStack Query, see src/web/shared/data/query-client.ts).
// A plan write answers the plan: its answer replaces `planKeys.one`, and `planKeys.all` is invalidated.
import { queryOptions } from '@tanstack/react-query';
import { plansApi } from './client.ts';

export const planKeys = {
  all: ['plans'] as const,
  list: (query: Record<string, string | undefined>) => ['plans', 'list', query] as const,
  one: (id: string) => ['plans', 'one', id] as const,
  versions: (id: string) => ['plans', 'versions', id] as const,
  version: (id: string, version: number) => ['plans', 'version', id, version] as const,
  review: (id: string) => ['plans', 'review', id] as const,
};

export const planQuery = (id: string) => queryOptions({ queryKey: planKeys.one(id), queryFn: () => plansApi.get(id) });
export const planVersionsQuery = (id: string) => queryOptions({ queryKey: planKeys.versions(id), queryFn: () => plansApi.versions(id) });
export const planVersionQuery = (id: string, version: number) =>
  queryOptions({ queryKey: planKeys.version(id, version), queryFn: () => plansApi.version(id, version), staleTime: Infinity });
export const planReviewQuery = (id: string) => queryOptions({ queryKey: planKeys.review(id), queryFn: () => plansApi.review(id) });
export const expertsQuery = queryOptions({ queryKey: ['experts'] as const, queryFn: () => plansApi.experts() });
export const expertWorkspaceQuery = queryOptions({ queryKey: ['experts', 'me'] as const, queryFn: () => plansApi.workspace() });
