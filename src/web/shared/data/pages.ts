// Lists the server sends in pages (`items` and the `next` cursor, see src/server/http/pages.ts): the page shape, a
// list URL with a cursor, and a reader of every page for pick lists. No React here: the API clients import it.

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
