// The read-only counterpart of RowList (forms.tsx): a list's rows as a compact table under its heading.
import type { ReactNode } from 'react';
import { useApp } from '../app-context.tsx';
import { TableFrame } from './TableFrame.tsx';

/** A column heading; a numeric column is right-aligned. */
export type RowTableColumn = string | { label: string; numeric: true };

/**
 * The heading `title`, then a table of `rows` (each rendered by `children` as a `<tr>`, its first cell a row
 * header), or "no rows" when there are none.
 */
export function RowTable<T>({ title, columns, rows, children }: { title: string; columns: readonly RowTableColumn[]; rows: readonly T[]; children: (row: T) => ReactNode }) {
  const { t } = useApp();
  return (
    <>
      <h3 className="zl-subheading">{title}</h3>
      {rows.length === 0 ? <p>{t('formRowsEmpty')}</p> : (
        <TableFrame>
          <table className="tbl col data zl-table zl-compact">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                {columns.map((c) => typeof c === 'string'
                  ? <th scope="col" key={c}>{c}</th>
                  : <th scope="col" key={c.label} className="zl-num">{c.label}</th>)}
              </tr>
            </thead>
            <tbody>{rows.map(children)}</tbody>
          </table>
        </TableFrame>
      )}
    </>
  );
}
