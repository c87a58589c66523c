// Periods with administrator-added one-off holidays (Regulations on Holidays of Government Offices Art. 2 item 12),
// counted per the Civil Act (Art. 157, 159, 160, 161) and the Framework Act on Administration Art. 6(2).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { civilDate } from './civil-date.ts';
import { dueDate, startClock } from './clock.ts';
import { createHolidayCalendar, holidaysOfYear } from './holidays.ts';
import { checkAddHoliday, checkRemoveHoliday } from './one-off-holidays.ts';
import { computePeriod, deadlineBefore, type PeriodInput } from './periods.ts';

const d = civilDate;
const plain = createHolidayCalendar();
const friday = createHolidayCalendar({ extra: [{ date: '2026-06-12', name: '임시공휴일' }] });
const monday = createHolidayCalendar({ extra: [{ date: '2026-06-15', name: '임시공휴일' }] });

describe('forward periods with a one-off holiday (Civil Act Art. 157, 159–161)', () => {
  const rows: [string, Omit<PeriodInput, 'calendar'>, typeof plain, string, string][] = [
    ['30 days from 05-13 end Friday 06-12 (first day not counted, Art. 157)', { start: d('2026-05-13'), amount: 30, unit: 'day' }, plain, '2026-06-12', '2026-06-12'],
    ['a one-off holiday on the last day moves it to Monday 06-15 (Art. 161)', { start: d('2026-05-13'), amount: 30, unit: 'day' }, friday, '2026-06-12', '2026-06-15'],
    ['ending on a Saturday: Monday 06-15 (Art. 161)', { start: d('2026-05-14'), amount: 30, unit: 'day' }, plain, '2026-06-13', '2026-06-15'],
    ['Saturday, Sunday, then a one-off Monday: Tuesday 06-16', { start: d('2026-05-14'), amount: 30, unit: 'day' }, monday, '2026-06-13', '2026-06-16'],
    ['one month from 05-12 ends 06-12, moved by the one-off holiday (Art. 160(2), 161)', { start: d('2026-05-12'), amount: 1, unit: 'month' }, friday, '2026-06-12', '2026-06-15'],
    ['FAAA Art. 6(2): a restriction counts its first day and ends on the holiday', { start: d('2026-05-14'), amount: 30, unit: 'day', rightsRestricting: true }, friday, '2026-06-12', '2026-06-12'],
    ['FAAA Art. 6(2) proviso: a duty to act within the period keeps the Civil Act roll-over', { start: d('2026-05-13'), amount: 30, unit: 'day', rightsRestricting: { citizenPrefers: 'later-end' } }, friday, '2026-06-12', '2026-06-15'],
  ];
  for (const [name, input, calendar, nominal, end] of rows) {
    it(name, () => {
      const r = computePeriod({ ...input, calendar });
      assert.equal(r.nominalEnd, nominal);
      assert.equal(r.end, end);
    });
  }

  it('a 30-day reply clock (RFZ Act Art. 85(4)) is due after the one-off holiday', () => {
    const clock = startClock({ startedOn: d('2026-05-13'), days: 30, rule: 'RFZ Act Art. 85(4)' });
    assert.equal(dueDate(clock, plain)?.due, '2026-06-12');
    assert.equal(dueDate(clock, friday)?.due, '2026-06-15');
  });
});

describe('backwards with a one-off holiday (Civil Act Art. 157–161 mirrored; docs/decisions/0004, 0012)', () => {
  it('14 clear days before a hearing on Saturday 06-27: legal day 06-12 stays; offices last open 06-11', () => {
    const r = deadlineBefore({ reference: d('2026-06-27'), amount: 14, unit: 'day', calendar: friday });
    assert.equal(r.nominal, '2026-06-12');
    assert.equal(r.lastBusinessDay, '2026-06-11');
    assert.equal(deadlineBefore({ reference: d('2026-06-27'), amount: 14, unit: 'day', calendar: plain }).lastBusinessDay, '2026-06-12');
  });

  it('2 months before an expiry on 08-15: legal day Wednesday 06-15 is a one-off holiday; offices close Friday 06-12', () => {
    const r = deadlineBefore({ reference: d('2026-08-15'), amount: 2, unit: 'month', referenceDayCounted: true, calendar: monday });
    assert.equal(r.nominal, '2026-06-15');
    assert.equal(r.lastBusinessDay, '2026-06-12');
  });
});

describe('the year list marks package and added days', () => {
  it('2026 with a one-off day and one on 광복절', () => {
    const calendar = createHolidayCalendar({ extra: [{ date: '2026-06-12', name: '임시공휴일' }, { date: '2026-08-15', name: '광복 기념 임시공휴일' }] });
    const year = holidaysOfYear(2026, calendar);
    assert.deepEqual(year.find((h) => h.date === '2026-06-12'), { date: '2026-06-12', packageNames: [], addedNames: ['임시공휴일'], provisional: false });
    assert.deepEqual(year.find((h) => h.date === '2026-08-15'), { date: '2026-08-15', packageNames: ['광복절'], addedNames: ['광복 기념 임시공휴일'], provisional: false });
    assert.deepEqual(year.find((h) => h.date === '2026-08-17')?.packageNames, ['대체공휴일(광복절)']);
    assert.equal(year.some((h) => h.date === '2026-06-14'), false, 'plain Sundays are not listed');
    assert.equal(holidaysOfYear(2030, plain).some((h) => h.provisional), false, '2030 comes from the rules');
    assert.equal(holidaysOfYear(2051, plain).every((h) => h.provisional), true);
  });
});

describe('adding and removing a one-off holiday (Regulations Art. 2 item 12)', () => {
  const today = d('2026-05-06');
  const rows: [string, string, typeof plain, string[]][] = [
    ['a future working day', '2026-06-12', plain, []],
    ['today', '2026-05-06', plain, ['holiday-not-in-future']],
    ['a past day', '2026-04-01', plain, ['holiday-not-in-future']],
    ['a Saturday', '2026-06-13', plain, ['already-a-holiday']],
    ['a Sunday', '2026-06-14', plain, ['already-a-holiday']],
    ['a package holiday', '2026-08-17', plain, ['already-a-holiday']],
    ['a day already added', '2026-06-12', friday, ['already-a-holiday']],
  ];
  for (const [name, date, calendar, codes] of rows) {
    it(`add: ${name}`, () => assert.deepEqual(checkAddHoliday({ date: d(date), today, calendar }).map((v) => v.code), codes));
  }
  it('remove: only an added day, only in the future', () => {
    assert.deepEqual(checkRemoveHoliday({ date: d('2026-06-12'), today, calendar: friday }), []);
    assert.deepEqual(checkRemoveHoliday({ date: d('2026-08-15'), today, calendar: friday }).map((v) => v.code), ['not-an-added-holiday']);
    assert.deepEqual(checkRemoveHoliday({ date: d('2026-06-12'), today: d('2026-06-12'), calendar: friday }).map((v) => v.code), ['holiday-not-in-future']);
  });
});
