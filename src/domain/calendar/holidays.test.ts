import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, civilDate, fromDayNumber, isSaturday, toDayNumber } from './civil-date.ts';
import {
  CalendarCoverageError,
  createHolidayCalendar,
  holidayDataCoverage,
  nextBusinessDay,
  previousBusinessDay,
} from './holidays.ts';

const d = civilDate;
const calendar = createHolidayCalendar();

describe('holiday calendar (Regulations on Holidays of Government Offices)', () => {
  it('covers the gazetted years (2018–2027 in 5.2027.1), then the rules through 2050', () => {
    const coverage = holidayDataCoverage();
    assert.equal(coverage.firstYear, 2018);
    assert.ok(coverage.gazettedThrough >= 2027);
    assert.equal(coverage.lastYear, 2050);
    assert.equal(calendar.basisOf(2027), 'gazette');
    assert.equal(calendar.basisOf(2028), 'rules');
    assert.equal(calendar.basisOf(2051), 'provisional');
    assert.equal(calendar.basisOf(2017), 'provisional');
  });

  // [date, business day?, a name expected on that date (or null), why]
  const table: [string, boolean, string | null, string][] = [
    ['2025-03-01', false, '3ㆍ1절', 'Samiljeol on a Saturday (Art. 2 item 2)'],
    ['2025-03-03', false, '대체공휴일(3ㆍ1절)', 'substitute holiday for Samiljeol (Art. 3)'],
    ['2025-03-04', true, null, 'ordinary Tuesday'],
    ['2025-10-03', false, '개천절', 'National Foundation Day, start of the 2025 Chuseok stretch'],
    ['2025-10-04', false, null, 'Saturday: not a public holiday, but not a business day'],
    ['2025-10-05', false, '추석 전날', 'Chuseok eve on a Sunday'],
    ['2025-10-06', false, '추석', 'Chuseok (Art. 2 item 9)'],
    ['2025-10-07', false, '추석 다음 날', 'day after Chuseok'],
    ['2025-10-08', false, '대체공휴일(추석)', 'substitute for Chuseok eve on a Sunday (Art. 3(1))'],
    ['2025-10-09', false, '한글날', 'Hangul Day'],
    ['2025-10-10', true, null, 'first business day after the stretch'],
    ['2026-01-01', false, '1월 1일', 'New Year (Art. 2 item 3)'],
    ['2026-01-02', true, null, 'Friday after New Year'],
    ['2025-06-03', false, '임시공휴일(대통령선거)', 'presidential election day (Art. 2 item 11)'],
    ['2026-06-03', false, '전국동시지방선거', 'local elections (Art. 2 item 11)'],
    ['2025-01-27', false, '임시공휴일', 'one-off holiday designated by the government (Art. 2 item 12)'],
    ['2025-10-12', false, '일요일', 'Sundays are public holidays (Art. 2 item 1)'],
  ];
  for (const [date, business, name, why] of table) {
    it(`${date}: ${why}`, () => {
      assert.equal(calendar.isBusinessDay(d(date)), business);
      if (name !== null) assert.ok(calendar.holidayNames(d(date)).includes(name), `${date} should list ${name}`);
      if (isSaturday(d(date))) assert.equal(calendar.isPublicHoliday(d(date)), name !== null);
      assert.equal(calendar.isProvisional(d(date)), false);
    });
  }

  it('finds the next and previous business day around Chuseok 2025', () => {
    assert.equal(nextBusinessDay(d('2025-10-02'), calendar), '2025-10-10');
    assert.equal(previousBusinessDay(d('2025-10-10'), calendar), '2025-10-02');
    assert.equal(nextBusinessDay(d('2025-02-28'), calendar), '2025-03-04');
  });

  it('honours an administrator-added one-off holiday (Art. 2 item 12)', () => {
    const withExtra = createHolidayCalendar({ extra: [{ date: '2025-10-10', name: '임시공휴일(관리자 지정)' }] });
    assert.equal(withExtra.isBusinessDay(d('2025-10-10')), false);
    assert.deepEqual(withExtra.holidayNames(d('2025-10-10')), ['임시공휴일(관리자 지정)']);
    assert.equal(nextBusinessDay(d('2025-10-02'), withExtra), '2025-10-13');
    assert.equal(calendar.isBusinessDay(d('2025-10-10')), true, 'the shared calendar is unaffected');
    assert.throws(() => createHolidayCalendar({ extra: [{ date: '2025-02-30', name: 'x' }] }), RangeError);
    assert.throws(() => createHolidayCalendar({ extra: [{ date: '2025-02-03', name: ' ' }] }), RangeError);
  });

  it('after the gazetted list: the rules, no longer provisional (2028 Seollal, Chuseok and the general election)', () => {
    assert.equal(calendar.isProvisional(d('2028-01-27')), false);
    assert.ok(calendar.holidayNames(d('2028-01-27')).includes('설날'), 'lunar 1/1 of 2028 is 2028-01-27 (KASI)');
    assert.equal(calendar.isBusinessDay(d('2028-02-29')), true);
    assert.ok(calendar.holidayNames(d('2028-04-12')).includes('국회의원선거'), 'Public Official Election Act Art. 34(1)');
    assert.ok(calendar.holidayNames(d('2029-05-07')).includes('대체공휴일(어린이날)'), 'Saturday 2029-05-05 (Art. 3(2))');
  });

  it('beyond the supported range: provisional fixed-date holidays and substitutes, or an error by policy', () => {
    assert.equal(calendar.isProvisional(d('2051-03-01')), true);
    assert.equal(calendar.isBusinessDay(d('2051-03-01')), false); // 3ㆍ1절 (Wed)
    const strict = createHolidayCalendar({ beyondCoverage: 'error' });
    assert.throws(() => strict.isBusinessDay(d('2051-03-02')), CalendarCoverageError);
    assert.throws(() => strict.isBusinessDay(d('2017-03-02')), CalendarCoverageError);
    assert.equal(strict.isBusinessDay(d('2027-03-02')), true);
    assert.equal(strict.isBusinessDay(d('2040-03-02')), true);
  });

  it('administrator-added one-off holidays stay on top of the computed years (Art. 2 item 12)', () => {
    const withExtra = createHolidayCalendar({ extra: [{ date: '2030-06-03', name: '임시공휴일' }] });
    assert.equal(withExtra.isBusinessDay(d('2030-06-03')), false);
    assert.equal(calendar.isBusinessDay(d('2030-06-03')), true);
    assert.equal(nextBusinessDay(d('2030-05-31'), withExtra), '2030-06-04');
  });

  it('a business day is never a Saturday, Sunday or listed holiday (property)', () => {
    const from = toDayNumber(d('2018-01-01'));
    const to = toDayNumber(d('2027-12-31'));
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), (n) => {
        const date = fromDayNumber(n);
        const business = calendar.isBusinessDay(date);
        assert.equal(business, !isSaturday(date) && calendar.holidayNames(date).length === 0);
        const next = nextBusinessDay(date, calendar);
        assert.ok(next > date && calendar.isBusinessDay(next));
        for (let x = addDays(date, 1); x < next; x = addDays(x, 1)) assert.equal(calendar.isBusinessDay(x), false);
      }),
    );
  });
});
