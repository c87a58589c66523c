// Reference data the pages share, loaded once per page load: region names and the capability catalogue.
import { useEffect, useMemo, useState } from 'react';
import { api } from '../api.ts';
import type { CatalogueEntry, Region } from '../types.ts';

const cache = new Map<string, Promise<unknown>>();

function once<T>(key: string, load: () => Promise<T>): Promise<T> {
  let pending = cache.get(key) as Promise<T> | undefined;
  if (!pending) {
    pending = load();
    pending.catch(() => cache.delete(key));
    cache.set(key, pending);
  }
  return pending;
}

export const loadProvinces = () =>
  once('provinces', () =>
    api.listRegions('province').then((r) => [...r.items].sort((a, b) => a.code.localeCompare(b.code))),
  );

export const loadMunicipalities = () =>
  once('municipalities', () =>
    api.listRegions('municipality').then((r) => [...r.items].sort((a, b) => a.code.localeCompare(b.code))),
  );

export const loadCatalogue = () => once('catalogue', () => api.capabilityCatalogue().then((r) => r.items));

/** Loads once; `data` is null while loading, `error` set on failure. */
export function useLoaded<T>(load: () => Promise<T>, enabled = true): { data: T | null; error: unknown } {
  const [state, setState] = useState<{ data: T | null; error: unknown }>({ data: null, error: null });
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    load()
      .then((data) => live && setState({ data, error: null }))
      .catch((error: unknown) => live && setState({ data: null, error }));
    return () => {
      live = false;
    };
  }, [load, enabled]);
  return state;
}

/** Regions of both levels by code (municipalities only when asked for). */
export function useRegionIndex(withMunicipalities: boolean): Map<string, Region> {
  const provinces = useLoaded(loadProvinces).data;
  const municipalities = useLoaded(loadMunicipalities, withMunicipalities).data;
  return useMemo(
    () => new Map([...(provinces ?? []), ...(withMunicipalities ? (municipalities ?? []) : [])].map((r) => [r.code, r])),
    [provinces, municipalities, withMunicipalities],
  );
}

export type CatalogueIndex = Map<string, CatalogueEntry>;
