// Lists the server sends in pages (`items` and the `next` cursor, see src/server/http/pages.ts): a hook that shows the
// first page and adds the next one on request, a "show more" button, and a reader of every page for pick lists.
import { useCallback, useEffect, useState } from 'react';
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
}

/** The first page of a list (again whenever `fetchPage` changes), and the next ones on request. */
export function usePaged<T>(fetchPage: PageFetcher<T> | null): Paged<T> {
  const [state, setState] = useState<{ items: T[] | null; next: string | null; error: unknown; loadingMore: boolean }>({ items: null, next: null, error: null, loadingMore: false });
  useEffect(() => {
    if (!fetchPage) return;
    let live = true;
    setState({ items: null, next: null, error: null, loadingMore: false });
    fetchPage().then(
      (page) => live && setState({ items: page.items, next: page.next, error: null, loadingMore: false }),
      (error: unknown) => live && setState({ items: null, next: null, error, loadingMore: false }),
    );
    return () => {
      live = false;
    };
  }, [fetchPage]);
  const { next, loadingMore } = state;
  const more = useCallback(() => {
    if (!fetchPage || next === null || loadingMore) return;
    setState((s) => ({ ...s, loadingMore: true }));
    fetchPage(next).then(
      (page) => setState((s) => ({ items: [...(s.items ?? []), ...page.items], next: page.next, error: null, loadingMore: false })),
      (error: unknown) => setState((s) => ({ ...s, error, loadingMore: false })),
    );
  }, [fetchPage, next, loadingMore]);
  return { items: state.items, error: state.error, more: next === null ? null : more, loadingMore };
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
