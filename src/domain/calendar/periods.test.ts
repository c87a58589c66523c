import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, addMonthsClamped, civilDate, daysInMonth, fromDayNumber, toDayNumber, toParts } from './civil-date.ts';
import { createHolidayCalendar } from './holidays.ts';
import { computePeriod, deadlineBefore, isTimelyBefore, periodEnd, type PeriodInput } from './periods.ts';

const d = civilDate;
const calendar = createHolidayCalendar();

type Row = {
  name: string;
  input: Omit<PeriodInput, 'calendar' | 'start'> & { start: string };
  nominal: string;
  end: string;
  calendar?: ReturnType<typeof createHolidayCalendar>;
};

describe('periodEnd — Civil Act Art. 157, 159–161; Framework Act on Administration Art. 6', () => {
  const rows: Row[] = [
    { name: 'days: first day not counted (Art. 157)', input: { start: '2025-01-10', amount: 10, unit: 'day' }, nominal: '2025-01-20', end: '2025-01-20' },
    { name: 'days: starting at 00:00 counts the first day (Art. 157 proviso)', input: { start: '2025-01-10', amount: 10, unit: 'day', startsAtMidnight: true }, nominal: '2025-01-19', end: '2025-01-20' },
    { name: 'Jan 31 + 1 month ends on the last day of February (Art. 160(3))', input: { start: '2025-01-30', amount: 1, unit: 'month' }, nominal: '2025-02-28', end: '2025-02-28' },
    { name: 'event on Jan 31: counting from Feb 1 ends on Feb 28 (Art. 160(2))', input: { start: '2025-01-31', amount: 1, unit: 'month' }, nominal: '2025-02-28', end: '2025-02-28' },
    { name: 'validity from Jan 31 for one month, leap year: Feb 29 (Art. 160(3))', input: { start: '2028-01-31', amount: 1, unit: 'month', startsAtMidnight: true }, nominal: '2028-02-29', end: '2028-02-29' },
    { name: 'from 2028-02-29 for one year: 2029 has no Feb 29 → Feb 28 (Art. 160(3))', input: { start: '2028-02-29', amount: 1, unit: 'year', startsAtMidnight: true }, nominal: '2029-02-28', end: '2029-02-28' },
    { name: 'event on 2028-02-29 + 1 year: counted from Mar 1, ends Feb 28 (Art. 160(2))', input: { start: '2028-02-29', amount: 1, unit: 'year' }, nominal: '2029-02-28', end: '2029-02-28' },
    { name: 'validity 2024-02-29 for 4 years ends 2028-02-28 (Art. 160(2))', input: { start: '2024-02-29', amount: 4, unit: 'year', startsAtMidnight: true }, nominal: '2028-02-28', end: '2028-02-28' },
    { name: 'last day a Saturday rolls to Monday (Art. 161)', input: { start: '2025-07-02', amount: 1, unit: 'month' }, nominal: '2025-08-02', end: '2025-08-04' },
    { name: 'Samiljeol on Saturday + Sunday + substitute Monday → Tuesday (Art. 161)', input: { start: '2025-02-19', amount: 10, unit: 'day' }, nominal: '2025-03-01', end: '2025-03-04' },
    { name: 'last day on Gaecheonjeol, Chuseok 2025 stretch → 10-10 (Art. 161)', input: { start: '2025-09-03', amount: 1, unit: 'month' }, nominal: '2025-10-03', end: '2025-10-10' },
    { name: 'last day on New Year → next day (Art. 161)', input: { start: '2025-12-02', amount: 30, unit: 'day' }, nominal: '2026-01-01', end: '2026-01-02' },
    {
      name: 'admin one-off holiday on 2026-01-02 pushes to Monday (Art. 161; Regulations Art. 2 item 12)',
      input: { start: '2025-12-02', amount: 30, unit: 'day' },
      nominal: '2026-01-01',
      end: '2026-01-05',
      calendar: createHolidayCalendar({ extra: [{ date: '2026-01-02', name: '임시공휴일' }] }),
    },
    { name: 'weeks end the day before the same weekday; substitute Chuseok → 10-10 (Art. 160, 161)', input: { start: '2025-09-24', amount: 2, unit: 'week' }, nominal: '2025-10-08', end: '2025-10-10' },
    { name: 'rights-restricting: first day counted, no roll-over (FAAA Art. 6(2))', input: { start: '2025-09-04', amount: 1, unit: 'month', rightsRestricting: true }, nominal: '2025-10-03', end: '2025-10-03' },
    {
      name: 'duty to act within the period: Art. 6(2) would be unfavourable → Civil Act (Art. 6(2) proviso)',
      input: { start: '2025-09-04', amount: 1, unit: 'month', rightsRestricting: { citizenPrefers: 'later-end' } },
      nominal: '2025-10-04',
      end: '2025-10-10',
    },
    { name: 'month counted from the 1st ends on the last day of that month (Art. 160(2))', input: { start: '2025-03-01', amount: 1, unit: 'month', startsAtMidnight: true }, nominal: '2025-03-31', end: '2025-03-31' },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const result = computePeriod({ ...row.input, start: d(row.input.start), calendar: row.calendar ?? calendar });
      assert.equal(result.nominalEnd, row.nominal);
      assert.equal(result.end, row.end);
      assert.equal(result.rolledOver, row.nominal !== row.end);
    });
  }

  it('records the regime and its basis', () => {
    const restricted = computePeriod({ start: d('2025-09-04'), amount: 1, unit: 'month', rightsRestricting: true, calendar });
    assert.equal(restricted.regime, 'administration-act-6-2');
    assert.equal(restricted.firstDayCounted, true);
    const proviso = computePeriod({ start: d('2025-09-04'), amount: 1, unit: 'month', rightsRestricting: { citizenPrefers: 'later-end' }, calendar });
    assert.equal(proviso.regime, 'civil-act');
    assert.ok(proviso.basis.some((b) => b.includes('proviso')));
  });

  it('flags answers that depend on years beyond the holiday data (gazetted, then the rules through 2050)', () => {
    assert.equal(computePeriod({ start: d('2051-01-31'), amount: 1, unit: 'month', startsAtMidnight: true, calendar }).provisional, true);
    assert.equal(computePeriod({ start: d('2028-01-31'), amount: 1, unit: 'month', startsAtMidnight: true, calendar }).provisional, false);
    assert.equal(computePeriod({ start: d('2025-01-30'), amount: 1, unit: 'month', calendar }).provisional, false);
  });

  it('rejects non-positive or fractional amounts', () => {
    assert.throws(() => periodEnd({ start: d('2025-01-01'), amount: 0, unit: 'day', calendar }), RangeError);
    assert.throws(() => periodEnd({ start: d('2025-01-01'), amount: 1.5, unit: 'month', calendar }), RangeError);
  });

  const dayArb = fc.integer({ min: toDayNumber(d('2018-01-01')), max: toDayNumber(d('2027-06-30')) }).map(fromDayNumber);
  const unitArb = fc.constantFrom('day' as const, 'week' as const, 'month' as const, 'year' as const);

  it('ends on a business day, and every skipped day is not one (Art. 161, property)', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 1, max: 60 }), unitArb, fc.boolean(), (start, amount, unit, midnight) => {
        fc.pre(unit !== 'year' || amount <= 5);
        const r = computePeriod({ start, amount, unit, startsAtMidnight: midnight, calendar });
        assert.ok(r.end >= r.nominalEnd);
        assert.ok(calendar.isBusinessDay(r.end) || r.end > d('2027-12-31'));
        for (let x = r.nominalEnd; x < r.end; x = addDays(x, 1)) assert.equal(calendar.isBusinessDay(x), false);
      }),
    );
  });

  it('the rights-restricting end is never later than the Civil Act end (FAAA Art. 6(2), property)', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 1, max: 40 }), unitArb, (start, amount, unit) => {
        fc.pre(unit !== 'year' || amount <= 5);
        const civil = periodEnd({ start, amount, unit, calendar });
        const restricted = periodEnd({ start, amount, unit, rightsRestricting: true, calendar });
        const proviso = periodEnd({ start, amount, unit, rightsRestricting: { citizenPrefers: 'later-end' }, calendar });
        assert.ok(restricted <= civil);
        assert.equal(proviso, civil);
      }),
    );
  });

  it('days: N counted days after the first; months: the day before the same-numbered day (property)', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 1, max: 400 }), (start, amount) => {
        const r = computePeriod({ start, amount, unit: 'day', calendar });
        assert.equal(toDayNumber(r.nominalEnd) - toDayNumber(start), amount);
      }),
    );
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 1, max: 48 }), (start, amount) => {
        const r = computePeriod({ start, amount, unit: 'month', startsAtMidnight: true, calendar });
        if (toParts(start).day <= 28) assert.equal(r.nominalEnd, addDays(addMonthsClamped(start, amount), -1));
      }),
    );
  });
});

describe('deadlineBefore — backwards counting on the same rules', () => {
  // [name, reference, amount, unit, referenceDayCounted, nominal, lastBusinessDay]
  const rows: [string, string, number, 'day' | 'week' | 'month' | 'year', boolean, string, string][] = [
    ['extension request 2 months before expiry 2030-08-06 (Art. 86(10)); nominal day is 현충일 → Wed', '2030-08-06', 2, 'month', true, '2030-06-06', '2030-06-05'],
    ['2 months before expiry 2026-05-31 → 2026-03-31', '2026-05-31', 2, 'month', true, '2026-03-31', '2026-03-31'],
    ['2 months before 2026-04-30: no Feb 30 → Feb 28 (Art. 160(3) mirrored), a Saturday → Friday', '2026-04-30', 2, 'month', true, '2026-02-28', '2026-02-27'],
    ['2 months before 2025-12-03 lands on Gaecheonjeol → 10-02', '2025-12-03', 2, 'month', true, '2025-10-03', '2025-10-02'],
    ['2 months before 2025-05-03 lands on the Samiljeol substitute → Friday 02-28', '2025-05-03', 2, 'month', true, '2025-03-03', '2025-02-28'],
    ['hearing on 2025-10-20 announced ≥14 days ahead (Decree 43(3)): 14 clear days → 10-05 (Chuseok eve) → 10-02', '2025-10-20', 14, 'day', false, '2025-10-05', '2025-10-02'],
    ['committee meeting 2026-03-20 noticed 7 days ahead (Decree 47(6), 49(6))', '2026-03-20', 7, 'day', false, '2026-03-12', '2026-03-12'],
    ['one week before a Friday meeting', '2026-03-20', 1, 'week', false, '2026-03-12', '2026-03-12'],
    ['one year before expiry 2029-02-28', '2029-02-28', 1, 'year', true, '2028-02-28', '2028-02-28'],
  ];
  for (const [name, reference, amount, unit, counted, nominal, business] of rows) {
    it(name, () => {
      const r = deadlineBefore({ reference: d(reference), amount, unit, referenceDayCounted: counted, calendar });
      assert.equal(r.nominal, nominal);
      assert.equal(r.lastBusinessDay, business);
      assert.equal(r.movedEarlier, nominal !== business);
    });
  }

  it('acting on the nominal day is timely; the day after is late', () => {
    const r = deadlineBefore({ reference: d('2030-08-06'), amount: 2, unit: 'month', referenceDayCounted: true, calendar });
    assert.equal(isTimelyBefore(d('2030-06-06'), r), true);
    assert.equal(isTimelyBefore(d('2030-06-07'), r), false);
    assert.equal(r.provisional, false, '2030 is computed by the rules, not provisional');
  });

  const refArb = fc.integer({ min: toDayNumber(d('2019-01-01')), max: toDayNumber(d('2027-12-31')) }).map(fromDayNumber);

  it('counting forward from a backwards deadline returns to the reference (property)', () => {
    fc.assert(
      fc.property(refArb, fc.integer({ min: 1, max: 120 }), fc.boolean(), (reference, amount, counted) => {
        const r = deadlineBefore({ reference, amount, unit: 'day', referenceDayCounted: counted, calendar });
        const forward = computePeriod({ start: r.nominal, amount, unit: 'day', calendar });
        assert.equal(forward.nominalEnd, counted ? reference : addDays(reference, -1));
      }),
    );
    fc.assert(
      fc.property(refArb, fc.integer({ min: 1, max: 36 }), (reference, amount) => {
        fc.pre(toParts(reference).day <= 28);
        const r = deadlineBefore({ reference, amount, unit: 'month', referenceDayCounted: true, calendar });
        // From a month's last day the period begins on the 1st (Civil Act Art. 157) and so ends at the end of
        // the final month (Art. 160(2));
        // the round trip only holds for other days.
        const start = toParts(r.nominal);
        fc.pre(start.day < daysInMonth(start.year, start.month));
        const forward = computePeriod({ start: r.nominal, amount, unit: 'month', calendar });
        assert.equal(forward.nominalEnd, reference);
      }),
    );
  });

  it('the business day shown is never later than the nominal day (property)', () => {
    fc.assert(
      fc.property(refArb, fc.integer({ min: 1, max: 24 }), unitArb(), (reference, amount, unit) => {
        const r = deadlineBefore({ reference, amount, unit, calendar });
        assert.ok(r.lastBusinessDay <= r.nominal);
        assert.ok(calendar.isBusinessDay(r.lastBusinessDay));
        for (let x = addDays(r.lastBusinessDay, 1); x <= r.nominal; x = addDays(x, 1)) assert.equal(calendar.isBusinessDay(x), false);
      }),
    );
  });
});

function unitArb() {
  return fc.constantFrom('day' as const, 'week' as const, 'month' as const, 'year' as const);
}
