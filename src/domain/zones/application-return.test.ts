import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { civilDate } from '../calendar/civil-date.ts';
import { checkReturn } from './application-return.ts';

const d = civilDate;

describe('return of an application (RFZ Act Art. 72(4), 75(5))', () => {
  // [state, missing items, answer deadline, today, guard fact, violation codes]
  const rows: [string, string[], string | null, string, Record<string, boolean>, string[]][] = [
    ['submitted', ['zone-maps'], null, '2026-11-25', { 'return-ground': true }, []],
    ['under_review', ['zone-maps', 'funding-plan'], null, '2026-11-25', { 'return-ground': true }, []],
    ['under_review', [], null, '2026-11-25', { 'return-ground': false }, ['return-without-missing-item']],
    ['submitted', ['no-such-item'], null, '2026-11-25', { 'return-ground': false }, ['unknown-item']],
    ['supplement_requested', [], null, '2026-11-25', { 'supplement-not-answered': false }, ['supplement-without-deadline']],
    ['supplement_requested', [], '2026-11-25', '2026-11-25', { 'supplement-not-answered': false }, ['supplement-deadline-open']],
    ['supplement_requested', [], '2026-11-24', '2026-11-25', { 'supplement-not-answered': true }, []],
    ['supplement_requested', ['zone-maps'], '2026-10-31', '2026-11-25', { 'supplement-not-answered': true }, []],
  ];
  for (const [state, items, answerBy, today, facts, codes] of rows) {
    it(`${state}, items [${items.join(', ')}], deadline ${answerBy ?? '—'}, on ${today} → ${codes.join(', ') || 'may return'}`, () => {
      const r = checkReturn({ state: state as never, missingItems: items, answerBy: answerBy === null ? null : d(answerBy), today: d(today) });
      assert.deepEqual(r.facts, facts);
      assert.deepEqual(r.violations.map((v) => v.code), codes);
      for (const v of r.violations) assert.equal(v.rule, 'RFZ Act Art. 72(4), 75(5)');
    });
  }
});
