// Lists the server sends in pages (`items` and the `next` cursor, see src/server/http/pages.ts): a hook that shows the
// first page and adds the next one on request, a "show more" button, and a reader of every page for pick lists.
import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useApp } from '../app-context.tsx';

export interface Page<T> {
  items: T[];
  next: string | null;
}

export type PageFetcher<T> = (cursor?: string) => Promise<Page<T>>;

/** Every row of a list, page after page (for pick lists that must offer all of them), at most `maxPages` pages. */
export async function allPages<T>(fetchPage: PageFetcher<T>, maxPages = 100): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < maxPages; i += 1) {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    if (page.next === null) break;
    cursor = page.next;
  }
  return items;
}

/** Adds `cursor` to a list URL's query. */
export function withCursor(url: string, cursor: string | undefined): string {
  if (cursor === undefined) return url;
  return `${url}${url.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}`;
}

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
