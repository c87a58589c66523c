// Lists the server sends in pages (`items` and the `next` cursor, see ./pages.ts): a hook that shows the first page
// and adds the next one on request, and a "show more" button.
import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useApp } from '../app-context.tsx';
import type { Page, PageFetcher } from './pages.ts';

export interface Paged<T> {
  /** The rows shown so far, null before the first page arrives. */
  items: T[] | null;
  error: unknown;
  /** Asks for the next page; null on the last page. */
  more: (() => void) | null;
  loadingMore: boolean;
  /** Reads the pages again, showing the rows meanwhile (after a change the user made: open rows stay open). */
  reload: () => void;
}

/** The first page of the list under `key` (a query), and the next ones on request (the server's `next` cursor). */
export function usePaged<T>(key: QueryKey, fetchPage: PageFetcher<T> | null): Paged<T> {
  const query = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => (fetchPage as PageFetcher<T>)(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: Page<T>) => last.next ?? undefined,
    enabled: fetchPage !== null,
  });
  const items = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? null, [query.data]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const more = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  return { items, error: query.error, more: hasNextPage ? more : null, loadingMore: isFetchingNextPage, reload };
}

/** The button that adds the next page under a list (nothing on the last page). */
export function ShowMore<T>({ paged, testId }: { paged: Paged<T>; testId?: string }) {
  const { t } = useApp();
  if (!paged.more) return null;
  return (
    <p className="zl-show-more">
      <button type="button" className="krds-btn secondary medium" onClick={paged.more} disabled={paged.loadingMore} data-testid={testId}>
        {paged.loadingMore ? t('loading') : t('showMore')}
      </button>
    </p>
  );
}
