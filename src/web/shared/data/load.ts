// Loading data for a page: the answer, or the error, for the current inputs; stale answers are dropped.
import { useCallback, useEffect, useState } from 'react';

export interface Loaded<T> {
  /** undefined while loading. */
  data: T | undefined;
  error: unknown;
  reload: () => void;
  /** Replaces the data with a write's answer. */
  setData: (data: T) => void;
}

/** Calls `load` now and whenever `key` changes (or `reload` is called); `null` as key loads nothing. */
export function useLoad<T>(key: string | null, load: () => Promise<T>): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (key === null) return;
    let live = true;
    setError(null);
    load()
      .then((value) => live && setData(value))
      .catch((err: unknown) => live && setError(err));
    return () => {
      live = false;
    };
    // `load` is a fresh closure each render; `key` says when its inputs changed.
  }, [key, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data, error, reload, setData };
}
