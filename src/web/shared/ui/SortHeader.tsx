// A column header that orders the list on the server: a button asking for `sort=<value>` (the list reads its rows
// again from the first page), with `aria-sort` on the header while the list is in that order.
import type { ReactNode } from 'react';

export function SortHeader({ children, sort, current, direction, onSort, label }: {
  children: ReactNode;
  /** The server's name of this order. */
  sort: string;
  /** The order the list is in now. */
  current: string;
  /** The direction of this order (the server's: each order has one). */
  direction: 'asc' | 'desc';
  onSort: (sort: string) => void;
  /** The button's accessible name ("Sort by …"). */
  label: string;
}) {
  const active = current === sort;
  return (
    <th scope="col" aria-sort={active ? (direction === 'desc' ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="zl-sort-button" aria-label={label} aria-pressed={active} onClick={() => onSort(sort)} data-sort={sort}>
        {children}
        <span aria-hidden="true" className="zl-sort-mark">{active ? (direction === 'desc' ? ' ▼' : ' ▲') : ' ↕'}</span>
      </button>
    </th>
  );
}
