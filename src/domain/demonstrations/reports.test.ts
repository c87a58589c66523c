// Periodic demonstration reports (issue 5, Tests: "report deadlines on business days"): periods cut from the
// project start without month-end drift, due 30 days after each period's end and moved to the next business day
// when that falls on a Saturday, Sunday, public holiday, substitute holiday or one-off holiday (Civil Act Art. 161);
// statuses; incident reporting deadlines by severity.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, civilDate, compareDates, fromDayNumber, toDayNumber } from '../calendar/civil-date.ts';
import { createHolidayCalendar, isBusinessDay } from '../calendar/holidays.ts';
import { incidentDeadline, reportFrequency, reportStatus, reportingSchedule, type Frequency } from './reports.ts';

const d = civilDate;
const calendar = createHolidayCalendar();

describe('reporting schedule: due dates on business days (Civil Act Art. 161)', () => {
  // [why, start, end, frequency, period index, from, to, due]
  const rows: [string, string, string, Frequency, number, string, string, string][] = [
    ['quarter ends 03-31: due Thursday 04-30 as counted', '2026-01-01', '2027-12-31', 'quarterly', 1, '2026-01-01', '2026-03-31', '2026-04-30'],
    ['due on Saturday 05-02: moved to Monday 05-04', '2026-03-03', '2026-12-31', 'monthly', 1, '2026-03-03', '2026-04-02', '2026-05-04'],
    ['due on Sunday 03-01 (삼일절), Monday 03-02 its substitute holiday: moved to Tuesday 03-03', '2025-12-31', '2026-12-31', 'monthly', 1, '2025-12-31', '2026-01-30', '2026-03-03'],
    ['start on the 31st: February is clamped (Jan 31 – Feb 27), no drift afterwards', '2025-12-31', '2026-12-31', 'monthly', 2, '2026-01-31', '2026-02-27', '2026-03-30'],
    ['…the next period starts on the clamped day and ends before the 31st', '2025-12-31', '2026-12-31', 'monthly', 3, '2026-02-28', '2026-03-30', '2026-04-29'],
    ['leap year: Jan 31 – Feb 28, 2028 (Feb 29 starts the next period)', '2027-12-31', '2028-12-31', 'monthly', 2, '2028-01-31', '2028-02-28', '2028-03-29'],
    ['due on 개천절 Saturday 10-03 2026, its substitute Monday 10-05: moved to Tuesday 10-06', '2026-08-04', '2026-12-31', 'monthly', 1, '2026-08-04', '2026-09-03', '2026-10-06'],
    ['the last period is cut at the project end', '2026-01-01', '2026-05-15', 'quarterly', 2, '2026-04-01', '2026-05-15', '2026-06-15'],
  ];
  for (const [why, start, end, frequency, index, from, to, due] of rows) {
    it(why, () => {
      const period = reportingSchedule(start, end, frequency, calendar)[index - 1];
      assert.ok(period, `no period ${index}`);
      assert.deepEqual([period.index, period.from, period.to, period.due], [index, from, to, due]);
    });
  }

  it('a one-off holiday an administrator added moves the due date too', () => {
    const oneOff = createHolidayCalendar({ extra: [{ date: '2026-07-30', name: '임시공휴일' }] });
    assert.equal(reportingSchedule('2026-01-01', '2026-12-31', 'quarterly', calendar)[1]!.due, '2026-07-30');
    assert.equal(reportingSchedule('2026-01-01', '2026-12-31', 'quarterly', oneOff)[1]!.due, '2026-07-31');
  });

  it('a configurable grace period replaces the default 30 days', () => {
    assert.equal(reportingSchedule('2026-01-01', '2026-12-31', 'quarterly', calendar, 14)[0]!.due, '2026-04-14');
  });

  it('periods tile the project period; each due date is the first business day on or after end + 30 (property)', () => {
    const first = toDayNumber(d('2024-01-01'));
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 3 * 365 }), fc.integer({ min: 0, max: 2 * 365 }), fc.constantFrom<Frequency>('monthly', 'quarterly', 'half-yearly', 'yearly'),
      (offset, length, frequency) => {
        const start = fromDayNumber(first + offset);
        const end = addDays(start, length);
        const periods = reportingSchedule(start, end, frequency, calendar);
        assert.equal(periods[0]!.from, start);
        assert.equal(periods.at(-1)!.to, end);
        periods.forEach((p, i) => {
          assert.ok(compareDates(p.from, p.to) <= 0);
          if (i > 0) assert.equal(p.from, addDays(periods[i - 1]!.to, 1));
          const counted = addDays(p.to, 30);
          assert.ok(compareDates(p.due, counted) >= 0 && isBusinessDay(p.due, calendar));
          for (let day = counted; compareDates(day, p.due) < 0; day = addDays(day, 1)) assert.ok(!isBusinessDay(day, calendar), `${day} is a business day before ${p.due}`);
        });
      },
    ));
  });
});

describe('report status and frequency', () => {
  const period = reportingSchedule('2026-03-03', '2026-12-31', 'monthly', calendar)[0]!; // 03-03 – 04-02, due 05-04
  const rows: [string, string | null, string, string][] = [
    ['before the period ends', null, '2026-04-02', 'upcoming'],
    ['after the end, until the due date', null, '2026-05-04', 'open'],
    ['the day after the rolled due date without a report', null, '2026-05-05', 'missing'],
    ['filed on the rolled due date (a Monday after a Saturday)', '2026-05-04', '2026-06-01', 'submitted'],
    ['filed after the due date', '2026-05-05', '2026-06-01', 'late'],
  ];
  for (const [why, submitted, today, status] of rows) {
    it(`${why}: ${status}`, () => assert.equal(reportStatus(period, submitted === null ? null : d(submitted), d(today)), status));
  }
  it('the most frequent KPI frequency sets the schedule; quarterly without KPIs', () => {
    assert.equal(reportFrequency(['yearly', 'monthly', 'quarterly']), 'monthly');
    assert.equal(reportFrequency([]), 'quarterly');
  });
});

describe('incident reporting deadline by severity (configurable; the act states none)', () => {
  const at = Date.parse('2026-05-01T10:00:00+09:00');
  it('minor 72 h, serious and critical 24 h', () => {
    assert.equal(incidentDeadline(at, 'minor') - at, 72 * 3_600_000);
    assert.equal(incidentDeadline(at, 'serious') - at, 24 * 3_600_000);
    assert.equal(incidentDeadline(at, 'critical') - at, 24 * 3_600_000);
  });
  it('other hours may be passed', () => {
    assert.equal(incidentDeadline(at, 'critical', { minor: 48, serious: 12, critical: 6 }) - at, 6 * 3_600_000);
  });
});
