// The problems of an imported file, one row each: where (the file's row or line, the column) and what is wrong.
// Used by every import (CSV uploads, the inventory, the regulation catalogue) inside its error alert.
import type { ReactNode } from 'react';
import { TableFrame } from './TableFrame.tsx';

export interface CsvProblem {
  /** The row, line or item the problem is on (as the reader counts it). */
  at: ReactNode;
  /** The column or field, or a phrase such as "whole row". */
  column: string;
  message: string;
}

/** `labels`: the caption and the three column headings in the reader's language; `captionShown`: a visible caption. */
export function CsvProblemTable({ problems, labels, captionShown = false, testId }: {
  problems: readonly CsvProblem[];
  labels: { caption: string; at: string; column: string; problem: string };
  captionShown?: boolean;
  testId: string;
}) {
  return (
    <TableFrame>
      <table className="tbl col data zl-table zl-compact" data-testid={testId}>
        <caption className={captionShown ? undefined : 'sr-only'}>{labels.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{labels.at}</th>
            <th scope="col">{labels.column}</th>
            <th scope="col">{labels.problem}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => (
            <tr key={i}>
              <td className="zl-num">{p.at}</td>
              <td>
                <code>{p.column}</code>
              </td>
              <td>{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableFrame>
  );
}
