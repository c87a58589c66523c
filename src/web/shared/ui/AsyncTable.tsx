// A list shown as a table, with the states every list has: a problem (the server's sentence), loading, an empty
// sentence, or its rows in a TableFrame table (caption for assistive technology, head, one row per item).
import type { ReactNode } from 'react';
import { Loading, ProblemAlert } from './ui.tsx';
import { TableFrame } from './TableFrame.tsx';

/**
 * `rows`: null or undefined while loading; `empty`: a sentence (shown as a paragraph) or markup; `head`: the
 * header row's cells; `footer`: under the table inside its frame (e.g. "show more").
 */
export function AsyncTable<T>({ rows, error, empty, caption, head, row, testId, compact = false, footer }: {
  rows: readonly T[] | null | undefined;
  error: unknown;
  empty: ReactNode;
  caption: string;
  head: ReactNode;
  row: (item: T, index: number) => ReactNode;
  testId?: string;
  compact?: boolean;
  footer?: ReactNode;
}) {
  if (error) return <ProblemAlert error={error} />;
  if (!rows) return <Loading />;
  if (rows.length === 0) return typeof empty === 'string' ? <p>{empty}</p> : <>{empty}</>;
  return (
    <TableFrame>
      <table className={`tbl col data zl-table${compact ? ' zl-compact' : ''}`} data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>{head}</tr>
        </thead>
        <tbody>{rows.map(row)}</tbody>
      </table>
      {footer}
    </TableFrame>
  );
}
