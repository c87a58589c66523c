// Reference data the pages share (region names, the capability catalogue, the zones for maps and pick lists):
// queries that stay fresh for the page load, asked once however many components read them.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../api.ts';
import type { CatalogueEntry, Region } from '../types.ts';

const byCode = (items: Region[]) => [...items].sort((a, b) => a.code.localeCompare(b.code));

export const provincesQuery = queryOptions({
  queryKey: ['regions', 'province'],
  queryFn: () => api.listRegions('province').then((r) => byCode(r.items)),
  staleTime: Infinity,
});

export const municipalitiesQuery = queryOptions({
  queryKey: ['regions', 'municipality'],
  queryFn: () => api.listRegions('municipality').then((r) => byCode(r.items)),
  staleTime: Infinity,
});

export const catalogueQuery = queryOptions({
  queryKey: ['capabilities', 'catalogue'],
  queryFn: () => api.capabilityCatalogue().then((r) => r.items),
  staleTime: Infinity,
});

/** Every zone (all pages; zones are tens), for maps and pick lists. */
export const allZonesQuery = queryOptions({
  queryKey: ['zones', 'all'],
  queryFn: () => api.listZones().then((r) => r.items),
});

/** Regions of both levels by code (municipalities only when asked for). */
export function useRegionIndex(withMunicipalities: boolean): Map<string, Region> {
  const provinces = useQuery(provincesQuery).data;
  const municipalities = useQuery({ ...municipalitiesQuery, enabled: withMunicipalities }).data;
  return useMemo(
    () => new Map([...(provinces ?? []), ...(withMunicipalities ? (municipalities ?? []) : [])].map((r) => [r.code, r])),
    [provinces, municipalities, withMunicipalities],
  );
}

export type CatalogueIndex = Map<string, CatalogueEntry>;
