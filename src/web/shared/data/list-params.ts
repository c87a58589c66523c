// A list's filters and order kept in the page's URL (`?state=…&sort=…`), so they survive a reload, the back button
// and a shared link; the server reads the same names (src/server/http/pages.ts). A value the list does not offer is
// dropped, as if absent.
import { useCallback, useMemo } from 'react';
import { navigate, useLocation } from '../router.tsx';

export type ListParams<K extends string> = Partial<Record<K, string>>;

/** The allowed values of each parameter the list keeps in the URL. */
export type ListParamSpec<K extends string> = Readonly<Record<K, readonly string[]>>;

/** The list's query string for the API (unset parameters left out). */
export function listQuery<K extends string>(params: ListParams<K>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params) as [string, string | undefined][]) if (value) query.set(name, value);
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** The parameters in the URL (allowed values only) and a setter that replaces them in the URL (no new history entry). */
export function useListParams<K extends string>(spec: ListParamSpec<K>): [ListParams<K>, (changes: ListParams<K>) => void] {
  const { pathname, search } = useLocation();
  const text = search.toString();
  const params = useMemo(() => {
    const read = new URLSearchParams(text);
    const out: ListParams<K> = {};
    for (const name of Object.keys(spec) as K[]) {
      const value = read.get(name);
      if (value !== null && spec[name].includes(value)) out[name] = value;
    }
    return out;
  }, [spec, text]);
  const set = useCallback((changes: ListParams<K>) => {
    const next = new URLSearchParams(text);
    for (const [name, value] of Object.entries(changes) as [string, string | undefined][]) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    const query = next.toString();
    navigate(query ? `${pathname}?${query}` : pathname, { replace: true });
  }, [pathname, text]);
  return [params, set];
}
