// The "2 months before expiry" deadline (extension: RFZ Act Art. 86(10), 90(11); law-amendment request:
// Art. 87(9)) counted backwards per DOMAIN.md "Counting periods", and one value for the check, the alerts
// and the calendar.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, addMonthsClamped, civilDate, type CivilDate } from '../calendar/civil-date.ts';
import { createHolidayCalendar, type HolidayCalendar } from '../calendar/holidays.ts';
import { exemptionDeadlines } from './deadlines.ts';
import { checkAmendmentRequest, checkExtension, extensionDeadline } from './validity.ts';

const d = civilDate;
const packageOnly = createHolidayCalendar();
// Administrator-added one-off holidays (Regulations on Holidays of Government Offices Art. 2 item 12).
const withOneOff = createHolidayCalendar({ extra: [{ date: '2026-07-13', name: '임시공휴일' }, { date: '2026-07-15', name: '임시공휴일' }] });

interface Row {
  readonly name: string;
  readonly expiry: string;
  readonly calendar: HolidayCalendar;
  /** The legal last day: filing on it is in time. */
  readonly due: string;
  /** The offices' last working day on or before it (a hint, never the check). */
  readonly lastBusinessDay: string;
}

const rows: Row[] = [
  { name: 'expiry day counted (Civil Act Art. 157 proviso, 159 mirrored): 2030-08-06 → 2030-06-06 (현충일; FAAA Art. 6(2) item 2: not moved)', expiry: '2030-08-06', calendar: packageOnly, due: '2030-06-06', lastBusinessDay: '2030-06-05' },
  { name: 'missing day → month end (Civil Act Art. 160(3) mirrored): 2026-04-30 → Saturday 2026-02-28, not moved earlier (FAAA Art. 6(2) item 2) nor later', expiry: '2026-04-30', calendar: packageOnly, due: '2026-02-28', lastBusinessDay: '2026-02-27' },
  { name: 'on a Sunday holiday with a substitute day (3ㆍ1절 2026-03-01): stays on 03-01', expiry: '2026-05-01', calendar: packageOnly, due: '2026-03-01', lastBusinessDay: '2026-02-27' },
  { name: 'leap year (Art. 160(3)): 2028-04-30 → 2028-02-29', expiry: '2028-04-30', calendar: packageOnly, due: '2028-02-29', lastBusinessDay: '2028-02-29' },
  { name: 'non-leap year: 2027-04-30 → Sunday 2027-02-28', expiry: '2027-04-30', calendar: packageOnly, due: '2027-02-28', lastBusinessDay: '2027-02-26' },
  { name: 'administrator-added one-off holiday on the deadline (Wed 2026-07-15): stays, offices close on the 14th', expiry: '2026-09-15', calendar: withOneOff, due: '2026-07-15', lastBusinessDay: '2026-07-14' },
  { name: 'weekend then a one-off holiday (Mon 2026-07-13): the office hint skips back to Friday', expiry: '2026-09-13', calendar: withOneOff, due: '2026-07-13', lastBusinessDay: '2026-07-10' },
  { name: 'same deadline without the one-off holiday: Monday is a working day', expiry: '2026-09-13', calendar: packageOnly, due: '2026-07-13', lastBusinessDay: '2026-07-13' },
];

function facts(expiry: CivilDate) {
  return {
    id: 'e1', kind: 'demonstration_exemption' as const, state: 'active', grantedOn: d('2024-09-02'), validUntil: expiry, extensions: 0,
    amendmentRequestedOn: null, resultsReportedOn: null, review: null, planSubmittedOn: null,
  };
}

describe('2 months before expiry — one deadline for check, alerts and calendar (RFZ Act Art. 86(10), 87(9); Civil Act Art. 157–161; FAAA Art. 6(2))', () => {
  for (const row of rows) {
    it(row.name, () => {
      const expiry = d(row.expiry);
      const deadline = extensionDeadline(expiry, row.calendar);
      assert.equal(deadline.nominal, row.due);
      assert.equal(deadline.lastBusinessDay, row.lastBusinessDay);

      // The alert (and the deadline list the dashboards read) names the same day.
      const alert = exemptionDeadlines(facts(expiry), row.calendar).find((x) => x.kind === 'extension_window');
      assert.equal(alert?.due, row.due);

      // The amendment-request check accepts the deadline itself — even on a Saturday or holiday — and refuses the next day.
      // A first term of 3 years ending on the expiry day, so that a 30-day extension stays within 4 + 2 years.
      const term = { from: addDays(addMonthsClamped(expiry, -36), 1), until: expiry };
      const request = (on: CivilDate) => checkAmendmentRequest({ kind: 'demonstration_exemption', term, requestedOn: on, resultsAttached: true, calendar: row.calendar });
      assert.equal(request(d(row.due)).ok, true);
      const late = request(addDays(d(row.due), 1));
      assert.equal(late.ok, false);
      if (!late.ok) assert.deepEqual(late.violations[0]?.params, { deadline: row.due, requestBy: row.lastBusinessDay, requestedOn: addDays(d(row.due), 1) });

      // The extension application closes on the same day.
      const extend = (on: CivilDate) => checkExtension({
        kind: 'demonstration_exemption', grantedOn: d('2024-09-02'), term, extensionsSoFar: 0, requestedOn: on, newUntil: addDays(expiry, 30),
        ground: 'law_not_amended', zone: { from: d('2024-01-01'), until: d('2035-12-31') }, calendar: row.calendar,
      });
      assert.equal(extend(d(row.due)).ok, true);
      assert.equal(extend(addDays(d(row.due), 1)).ok, false);
    });
  }

  it('a request on the Monday after a Saturday deadline is late: rolling forward would leave less than 2 months (Art. 87(9))', () => {
    const r = checkAmendmentRequest({ kind: 'demonstration_exemption', term: { from: d('2024-09-02'), until: d('2026-04-30') }, requestedOn: d('2026-03-02'), resultsAttached: true, calendar: packageOnly });
    assert.equal(r.ok, false);
    if (!r.ok) assert.equal(r.violations[0]?.code, 'amendment-window-closed');
  });
});
