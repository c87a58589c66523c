import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, civilDate, diffDays, fromDayNumber, toDayNumber, type CivilDate } from './civil-date.ts';
import { createHolidayCalendar } from './holidays.ts';
import {
  countedDays,
  dueDate,
  extendClock,
  isOverdue,
  isPaused,
  pauseClock,
  remainingDays,
  resumeClock,
  startClock,
  type ClockResult,
  type ClockState,
} from './clock.ts';

const d = civilDate;
const calendar = createHolidayCalendar();

function ok(result: ClockResult): ClockState {
  if (!result.ok) assert.fail(`clock error ${result.error.code}`);
  return result.state;
}

describe('pausable clock — supplement time is not counted', () => {
  it('ministries reply within 30 days (RFZ Act Art. 75(2)); day of receipt not counted (Civil Act Art. 157)', () => {
    const clock = startClock({ startedOn: d('2025-09-01'), days: 30, rule: 'RFZ Act Art. 75(2)' });
    assert.deepEqual(dueDate(clock, calendar), { due: '2025-10-01', nominal: '2025-10-01', capped: false, provisional: false });
    assert.equal(remainingDays(clock, d('2025-09-01')), 30);
    assert.equal(remainingDays(clock, d('2025-10-01')), 0);
    assert.equal(isOverdue(clock, d('2025-10-01'), calendar), false);
    assert.equal(isOverdue(clock, d('2025-10-02'), calendar), true);
  });

  it('a 10-day supplement moves the due date by 10 days, then rolls over the weekend (Art. 75(2) proviso; Civil Act Art. 161)', () => {
    let clock = startClock({ startedOn: d('2025-09-01'), days: 30, rule: 'RFZ Act Art. 75(2)' });
    clock = ok(pauseClock(clock, d('2025-09-10')));
    assert.equal(dueDate(clock, calendar), null, 'unknown while the supplement is open');
    assert.equal(isPaused(clock, d('2025-09-15')), true);
    assert.equal(remainingDays(clock, d('2025-09-15')), 21, 'frozen at 30 − 9 counted days');
    assert.equal(remainingDays(clock, d('2025-09-19')), 21);
    clock = ok(resumeClock(clock, d('2025-09-20')));
    assert.equal(countedDays(clock, d('2025-09-20')), 9);
    assert.deepEqual(dueDate(clock, calendar), { due: '2025-10-13', nominal: '2025-10-11', capped: false, provisional: false });
    assert.equal(remainingDays(clock, d('2025-10-11')), 0);
  });

  it('the 90-day designation decision excludes supplement time (Decree Art. 44(1))', () => {
    let clock = startClock({ startedOn: d('2026-03-16'), days: 90, rule: 'Decree Art. 44(1)' });
    clock = ok(pauseClock(clock, d('2026-04-01')));
    clock = ok(resumeClock(clock, d('2026-04-21')));
    // 2026-03-16 + 90 + 20 = 2026-07-04 (Saturday) → Monday 2026-07-06.
    assert.deepEqual(dueDate(clock, calendar), { due: '2026-07-06', nominal: '2026-07-04', capped: false, provisional: false });
  });

  it('exemption review: 30 days excluding supplements, but within 90 days overall, plus one 30-day extension (Art. 86(3))', () => {
    let clock = startClock({ startedOn: d('2025-06-02'), days: 30, capDays: 90, extension: { days: 30, max: 1 }, rule: 'RFZ Act Art. 86(3)' });
    clock = ok(pauseClock(clock, d('2025-06-10')));
    // While the supplement is open the cap still runs: 2025-06-02 + 90 = 2025-08-31 (Sunday) → 09-01.
    assert.deepEqual(dueDate(clock, calendar), { due: '2025-09-01', nominal: '2025-08-31', capped: true, provisional: false });
    clock = ok(resumeClock(clock, d('2025-08-25')));
    assert.equal(dueDate(clock, calendar)?.capped, true);
    clock = ok(extendClock(clock));
    assert.deepEqual(dueDate(clock, calendar), { due: '2025-09-30', nominal: '2025-09-30', capped: true, provisional: false });
    const again = extendClock(clock);
    assert.equal(again.ok, false);
    if (!again.ok) assert.equal(again.error.code, 'extension-not-available');
  });

  it('rejects inconsistent pause/resume sequences', () => {
    const clock = startClock({ startedOn: d('2025-09-01'), days: 30, rule: 'RFZ Act Art. 85(4)' });
    const paused = ok(pauseClock(clock, d('2025-09-05')));
    assert.equal((pauseClock(paused, d('2025-09-06')) as { ok: false; error: { code: string } }).error.code, 'clock-already-paused');
    assert.equal((resumeClock(clock, d('2025-09-06')) as { ok: false; error: { code: string } }).error.code, 'clock-not-paused');
    assert.equal((resumeClock(paused, d('2025-09-04')) as { ok: false; error: { code: string } }).error.code, 'date-out-of-order');
    assert.equal((pauseClock(clock, d('2025-08-31')) as { ok: false; error: { code: string } }).error.code, 'date-out-of-order');
  });

  const pausesArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 30 })), { maxLength: 4 });
  const startArb = fc.integer({ min: toDayNumber(d('2019-01-01')), max: toDayNumber(d('2026-12-31')) }).map(fromDayNumber);

  function build(start: CivilDate, days: number, pauses: [number, number][]): ClockState {
    let clock = startClock({ startedOn: start, days, rule: 'test' });
    let cursor = start;
    for (const [gap, length] of pauses) {
      const from = addDays(cursor, gap);
      const to = addDays(from, length);
      clock = ok(pauseClock(clock, from));
      clock = ok(resumeClock(clock, to));
      cursor = to;
    }
    return clock;
  }

  it('on the nominal due date exactly the allowed days have been counted (property)', () => {
    fc.assert(
      fc.property(startArb, fc.integer({ min: 1, max: 120 }), pausesArb, (start, days, pauses) => {
        const clock = build(start, days, pauses);
        const due = dueDate(clock, calendar);
        assert.ok(due !== null);
        assert.equal(remainingDays(clock, due.nominal), 0);
        assert.equal(remainingDays(clock, addDays(due.nominal, -1)), 1);
        assert.ok(calendar.isBusinessDay(due.due) || due.provisional);
      }),
    );
  });

  it('supplements never make the due date earlier, and delay it by at most their length (property)', () => {
    fc.assert(
      fc.property(startArb, fc.integer({ min: 1, max: 120 }), pausesArb, (start, days, pauses) => {
        const plain = dueDate(startClock({ startedOn: start, days, rule: 'test' }), calendar);
        const paused = dueDate(build(start, days, pauses), calendar);
        assert.ok(plain && paused);
        assert.ok(paused.nominal >= plain.nominal);
        const total = pauses.reduce((sum, [, length]) => sum + length, 0);
        assert.ok(diffDays(paused.nominal, plain.nominal) <= total);
      }),
    );
  });
});
