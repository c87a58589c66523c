// Query keys and reads of the zones feature (TanStack Query, see src/web/shared/data/query-client.ts).
import { queryOptions } from '@tanstack/react-query';
import { zonesApi } from './client.ts';

/** The post-management data requests of a zone addressed to the reader's organisation. */
export const dataRequestsQuery = (zoneId: string) =>
  queryOptions({ queryKey: ['zones', 'data-requests', zoneId] as const, queryFn: () => zonesApi.dataRequests(zoneId) });
