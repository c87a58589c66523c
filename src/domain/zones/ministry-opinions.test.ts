import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { civilDate } from '../calendar/civil-date.ts';
import { pauseClock, resumeClock } from '../calendar/clock.ts';
import { defaultCalendar } from '../calendar/holidays.ts';
import { ministryReplyClock } from './procedure.ts';
import { checkOpinion, pendingMinistryReplies, type MinistryConsultation } from './ministry-opinions.ts';

const d = civilDate;
const calendar = defaultCalendar();

describe('responsible ministries’ opinions (RFZ Act Art. 75(2))', () => {
  // Notified on Monday 2026-11-02: 30 days end Wednesday 2026-12-02.
  const motie = (repliedOn: string | null): MinistryConsultation => ({ ministry: 'motie', clock: ministryReplyClock(d('2026-11-02'), 'designation'), repliedOn: repliedOn === null ? null : d(repliedOn) });
  const rows: [string, MinistryConsultation[], string, string[]][] = [
    ['nobody consulted', [], '2026-11-10', []],
    ['one replied', [motie('2026-11-20')], '2026-11-25', []],
    ['one silent, within 30 days', [motie(null)], '2026-12-02', ['ministry-reply-pending']],
    ['one silent, 30 days over', [motie(null)], '2026-12-03', []],
    ['one replied, one silent within its days', [motie('2026-11-05'), { ...motie(null), ministry: 'molit' }], '2026-11-25', ['ministry-reply-pending']],
  ];
  for (const [why, consultations, today, codes] of rows) {
    it(`${why} on ${today} → ${codes.join(', ') || 'may refer'}`, () => {
      const v = pendingMinistryReplies(consultations, d(today), calendar);
      assert.deepEqual(v.map((x) => x.code), codes);
      for (const x of v) assert.equal(x.rule, 'RFZ Act Art. 75(2)');
    });
  }

  it('a supplement pauses each ministry’s clock: 10 days of supplement move its due date by 10 days', () => {
    const start = ministryReplyClock(d('2026-11-02'), 'designation');
    const paused = pauseClock(start, d('2026-11-10'));
    assert.ok(paused.ok);
    const resumed = paused.ok ? resumeClock(paused.state, d('2026-11-20')) : paused;
    assert.ok(resumed.ok);
    if (resumed.ok) {
      const c: MinistryConsultation = { ministry: 'motie', clock: resumed.state, repliedOn: null };
      assert.equal(pendingMinistryReplies([c], d('2026-12-12'), calendar).length, 1, 'still within its 30 counted days');
      assert.equal(pendingMinistryReplies([c], d('2026-12-14'), calendar).length, 1, 'the due day itself still counts');
      assert.equal(pendingMinistryReplies([c], d('2026-12-15'), calendar).length, 0);
      assert.equal(pendingMinistryReplies([c], d('2026-12-12'), calendar)[0]!.params['due'], '2026-12-14'); // 12-12 is a Saturday
    }
  });

  it('one opinion per ministry, only when consulted', () => {
    assert.deepEqual(checkOpinion(undefined).map((v) => v.code), ['ministry-not-consulted']);
    assert.deepEqual(checkOpinion({ ministry: 'm', clock: ministryReplyClock(d('2026-11-02'), 'designation'), repliedOn: d('2026-11-03') }).map((v) => v.code), ['opinion-already-given']);
    assert.deepEqual(checkOpinion({ ministry: 'm', clock: ministryReplyClock(d('2026-11-02'), 'designation'), repliedOn: null }), []);
  });
});
