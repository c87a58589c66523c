// Query keys and reads of the exemptions feature (TanStack Query, see src/web/shared/data/query-client.ts).
// Writes invalidate `exemptionKeys.all` (every exemption read) or the narrower key they changed.
import { queryOptions } from '@tanstack/react-query';
import { exemptionsApi } from './client.ts';

export const exemptionKeys = {
  all: ['exemptions'] as const,
  list: (filter: { zone?: string }) => ['exemptions', 'list', filter] as const,
  one: (id: string) => ['exemptions', 'one', id] as const,
  history: (id: string) => ['exemptions', 'history', id] as const,
  bundle: (zoneId: string) => ['exemptions', 'bundle', zoneId] as const,
  reformBoard: ['exemptions', 'reform-board'] as const,
};

export const exemptionQuery = (id: string) => queryOptions({ queryKey: exemptionKeys.one(id), queryFn: () => exemptionsApi.get(id) });

export const exemptionHistoryQuery = (id: string) =>
  queryOptions({ queryKey: exemptionKeys.history(id), queryFn: () => exemptionsApi.history(id).then((r) => r.items) });

export const bundleQuery = (zoneId: string) => queryOptions({ queryKey: exemptionKeys.bundle(zoneId), queryFn: () => exemptionsApi.bundle(zoneId) });

export const reformBoardQuery = queryOptions({ queryKey: exemptionKeys.reformBoard, queryFn: () => exemptionsApi.reformBoard() });

/** The needs coverage of a plan or a project at one version of it (a save gives a new version, so a new read). */
export const needsCoverageQuery = (owner: 'plan' | 'project', id: string, version: string | number) =>
  queryOptions({
    queryKey: ['needs-coverage', owner, id, version] as const,
    queryFn: () => (owner === 'plan' ? exemptionsApi.planCoverage(id) : exemptionsApi.projectCoverage(id)),
  });

/** Organisations of a kind ('' for every kind). */
export const organisationsQuery = (kind: string) =>
  queryOptions({ queryKey: ['organisations', kind] as const, queryFn: () => exemptionsApi.organisations(kind).then((r) => r.items), staleTime: 60_000 });
