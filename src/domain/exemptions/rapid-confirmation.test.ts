// Rapid confirmation (RFZ Act Art. 85): the ministry answers within 30 days of being notified, supplement time not
// counted (85(4)); silence past the period means "not the ministry's matter / no permit needed" (85(5)). The period
// is counted per DOMAIN.md "Counting periods" on the one calendar, administrator-added one-off holidays included:
// the notice day is not counted (Civil Act Art. 157) and a last day on a Saturday or holiday rolls over (Art. 161) —
// the ministry's duty, so FAAA Art. 6(2) does not shorten it, and the deemed answer comes only after the rolled day.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { civilDate } from '../calendar/civil-date.ts';
import { pauseClock, resumeClock, type ClockState } from '../calendar/clock.ts';
import { createHolidayCalendar, type HolidayCalendar } from '../calendar/holidays.ts';
import { rapidConfirmationClock, rapidConfirmationOutcome } from './validity.ts';

const d = civilDate;
const plain = createHolidayCalendar();
const oneOffFriday = createHolidayCalendar({ extra: [{ date: '2026-06-12', name: '임시공휴일' }] });
const oneOffMonday = createHolidayCalendar({ extra: [{ date: '2026-06-15', name: '임시공휴일' }] });

function ok(r: ReturnType<typeof pauseClock>): ClockState {
  if (!r.ok) assert.fail(r.error.code);
  return r.state;
}

describe('rapid confirmation: the 30-day answer and the deemed answer on the one calendar (RFZ Act Art. 85(4)–(5))', () => {
  const rows: [string, ClockState, HolidayCalendar, string | null, string, string, string | null, boolean][] = [
    // name, clock, calendar, repliedOn, asOf, status, due, lateReply
    ['notified Wed 05-13: due Fri 06-12 (Civil Act Art. 157, 159)', rapidConfirmationClock(d('2026-05-13')), plain, null, '2026-06-12', 'pending', '2026-06-12', false],
    ['silence past 06-12: deemed "no permit needed" on 06-13 (Art. 85(5))', rapidConfirmationClock(d('2026-05-13')), plain, null, '2026-06-13', 'deemed_no_permit_needed', '2026-06-12', false],
    ['a one-off holiday on the last day: due Monday 06-15, still pending on Saturday (Art. 161)', rapidConfirmationClock(d('2026-05-13')), oneOffFriday, null, '2026-06-13', 'pending', '2026-06-15', false],
    ['…a reply on Monday 06-15 is in time', rapidConfirmationClock(d('2026-05-13')), oneOffFriday, '2026-06-15', '2026-06-15', 'answered', '2026-06-15', false],
    ['…the same reply without the holiday is late: the deemed answer stands', rapidConfirmationClock(d('2026-05-13')), plain, '2026-06-15', '2026-06-15', 'deemed_no_permit_needed', '2026-06-12', true],
    ['last day a Saturday, then a one-off Monday: due Tuesday 06-16', rapidConfirmationClock(d('2026-05-14')), oneOffMonday, null, '2026-06-16', 'pending', '2026-06-16', false],
    ['…deemed on Wednesday 06-17', rapidConfirmationClock(d('2026-05-14')), oneOffMonday, null, '2026-06-17', 'deemed_no_permit_needed', '2026-06-16', false],
    ['a supplement from 05-20 answered 05-30 is not counted (Art. 85(4)): due 06-22', ok(resumeClock(ok(pauseClock(rapidConfirmationClock(d('2026-05-13')), d('2026-05-20'))), d('2026-05-30'))), plain, null, '2026-06-20', 'pending', '2026-06-22', false],
    ['no deemed answer while a supplement is open', ok(pauseClock(rapidConfirmationClock(d('2026-05-13')), d('2026-05-20'))), plain, null, '2026-07-30', 'paused', null, false],
  ];
  for (const [name, clock, calendar, repliedOn, asOf, status, due, lateReply] of rows) {
    it(name, () => {
      const r = rapidConfirmationOutcome(clock, repliedOn === null ? null : d(repliedOn), d(asOf), calendar);
      assert.deepEqual([r.status, r.due, r.lateReply], [status, due, lateReply]);
    });
  }
});
