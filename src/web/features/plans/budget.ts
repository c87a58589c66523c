// Budget of a zone plan per year and source (national, local, private), in million KRW (RFZ Act Art. 74(1):
// the funding plan). Pure: the editors show these totals under the rows and the workspace for the whole plan.
import { BUDGET_SOURCES, type BudgetLine, type BudgetSource } from './types.ts';

export interface BudgetTotals {
  /** Years present, ascending. */
  years: number[];
  /** Amount per year and source (0 where nothing is planned). */
  byYear: Map<number, Record<BudgetSource, number>>;
  yearTotal: Map<number, number>;
  bySource: Record<BudgetSource, number>;
  total: number;
}

const zero = (): Record<BudgetSource, number> => ({ national: 0, local: 0, private: 0 });

/** Sums lines; lines with a year or amount that is not a finite number are left out (the form shows them as errors). */
export function budgetTotals(lines: readonly Pick<BudgetLine, 'year' | 'source' | 'amountMillionKrw'>[]): BudgetTotals {
  const byYear = new Map<number, Record<BudgetSource, number>>();
  const bySource = zero();
  let total = 0;
  for (const line of lines) {
    if (!Number.isInteger(line.year) || !Number.isFinite(line.amountMillionKrw) || !BUDGET_SOURCES.includes(line.source)) continue;
    const row = byYear.get(line.year) ?? zero();
    row[line.source] += line.amountMillionKrw;
    byYear.set(line.year, row);
    bySource[line.source] += line.amountMillionKrw;
    total += line.amountMillionKrw;
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const yearTotal = new Map(years.map((y) => [y, BUDGET_SOURCES.reduce((s, src) => s + byYear.get(y)![src], 0)]));
  return { years, byYear, yearTotal, bySource, total };
}

/** Share of each source in the total, in whole percent (0 when there is no budget). */
export function sourceShares(totals: BudgetTotals): Record<BudgetSource, number> {
  const out = zero();
  if (totals.total <= 0) return out;
  for (const s of BUDGET_SOURCES) out[s] = Math.round((totals.bySource[s] / totals.total) * 100);
  return out;
}
