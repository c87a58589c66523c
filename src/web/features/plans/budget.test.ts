import { test } from 'node:test';
import assert from 'node:assert/strict';
import { budgetTotals, sourceShares } from './budget.ts';

test('budget totals per year and source, and overall', () => {
  const t = budgetTotals([
    { year: 2028, source: 'private', amountMillionKrw: 500 },
    { year: 2027, source: 'national', amountMillionKrw: 3000 },
    { year: 2027, source: 'local', amountMillionKrw: 1000 },
    { year: 2028, source: 'national', amountMillionKrw: 2500.5 },
    { year: 2027, source: 'national', amountMillionKrw: Number.NaN },
  ]);
  assert.deepEqual(t.years, [2027, 2028]);
  assert.deepEqual(t.byYear.get(2027), { national: 3000, local: 1000, private: 0 });
  assert.equal(t.yearTotal.get(2028), 3000.5);
  assert.deepEqual(t.bySource, { national: 5500.5, local: 1000, private: 500 });
  assert.equal(t.total, 7000.5);
  assert.deepEqual(sourceShares(t), { national: 79, local: 14, private: 7 });
});

test('no budget: empty totals and zero shares', () => {
  const t = budgetTotals([]);
  assert.deepEqual(t.years, []);
  assert.equal(t.total, 0);
  assert.deepEqual(sourceShares(t), { national: 0, local: 0, private: 0 });
});
