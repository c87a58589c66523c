import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  addDays,
  addMonthsClamped,
  civilDate,
  diffDays,
  fromDayNumber,
  isLeapYear,
  lastDayOfMonth,
  toDayNumber,
  tryCivilDate,
  weekday,
  type CivilDate,
} from './civil-date.ts';

const d = civilDate;

describe('civil dates', () => {
  it('parses valid dates and rejects impossible ones', () => {
    assert.equal(tryCivilDate('2028-02-29'), '2028-02-29');
    assert.equal(tryCivilDate('2025-02-29'), null);
    assert.equal(tryCivilDate('2025-13-01'), null);
    assert.equal(tryCivilDate('2025-1-01'), null);
    assert.equal(tryCivilDate('2025-04-31'), null);
    assert.throws(() => d('1899-12-31'), RangeError);
  });

  const weekdays: [string, number][] = [
    ['1970-01-01', 4],
    ['2025-03-01', 6], // 삼일절 2025 fell on a Saturday
    ['2025-10-03', 5],
    ['2028-02-29', 2],
    ['2000-01-01', 6],
  ];
  for (const [date, expected] of weekdays) {
    it(`${date} is weekday ${expected}`, () => assert.equal(weekday(d(date)), expected));
  }

  it('adds days across month, year and leap-day boundaries', () => {
    assert.equal(addDays(d('2025-12-31'), 1), '2026-01-01');
    assert.equal(addDays(d('2028-02-28'), 1), '2028-02-29');
    assert.equal(addDays(d('2027-02-28'), 1), '2027-03-01');
    assert.equal(addDays(d('2025-03-01'), -1), '2025-02-28');
    assert.equal(diffDays(d('2026-01-01'), d('2025-01-01')), 365);
    assert.equal(diffDays(d('2029-01-01'), d('2028-01-01')), 366);
  });

  it('shifts months to the same-numbered day, clamping to the month end (Civil Act Art. 160(3))', () => {
    assert.equal(addMonthsClamped(d('2025-01-31'), 1), '2025-02-28');
    assert.equal(addMonthsClamped(d('2028-01-31'), 1), '2028-02-29');
    assert.equal(addMonthsClamped(d('2026-04-30'), -2), '2026-02-28');
    assert.equal(addMonthsClamped(d('2028-02-29'), 12), '2029-02-28');
    assert.equal(addMonthsClamped(d('2025-11-15'), 3), '2026-02-15');
    assert.equal(lastDayOfMonth(2100, 2), '2100-02-28');
    assert.equal(isLeapYear(2000), true);
    assert.equal(isLeapYear(2100), false);
  });

  // Oracle for the properties: UTC-only Date arithmetic (never local time).
  const utcDate = fc.integer({ min: Date.UTC(1900, 0, 1) / 86400000, max: Date.UTC(2299, 11, 31) / 86400000 });
  const iso = (dayNumber: number): string => new Date(dayNumber * 86400000).toISOString().slice(0, 10);

  it('round-trips day numbers and agrees with UTC dates (property)', () => {
    fc.assert(
      fc.property(utcDate, (n) => {
        const date = fromDayNumber(n);
        assert.equal(date, iso(n));
        assert.equal(toDayNumber(date), n);
        assert.equal(weekday(date), new Date(n * 86400000).getUTCDay());
      }),
    );
  });

  it('addDays and diffDays are inverse (property)', () => {
    fc.assert(
      fc.property(utcDate, fc.integer({ min: -20000, max: 20000 }), (n, k) => {
        const start = fromDayNumber(n) as CivilDate;
        fc.pre(n + k >= Date.UTC(1900, 0, 1) / 86400000 && n + k <= Date.UTC(2299, 11, 31) / 86400000);
        assert.equal(diffDays(addDays(start, k), start), k);
      }),
    );
  });
});
