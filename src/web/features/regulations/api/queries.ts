// Query keys and reads of the regulation catalogue (TanStack Query, see src/web/shared/data/query-client.ts).
import { queryOptions } from '@tanstack/react-query';
import { regulationsApi } from './client.ts';

export const regulationKeys = { all: ['regulations'] as const };

/** The regulation catalogue (matching `q` when given). */
export const regulationsQuery = (q = '') =>
  queryOptions({ queryKey: ['regulations', 'list', q] as const, queryFn: () => regulationsApi.list(q || undefined).then((r) => r.items) });

export const regulationQuery = (id: string) => queryOptions({ queryKey: ['regulations', 'one', id] as const, queryFn: () => regulationsApi.get(id) });
