import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { civilDate } from '../calendar/civil-date.ts';
import { dueNotices } from './deadline-notices.ts';

const d = civilDate;
const deadline = { key: 'exemption:x:extension-window', due: d('2027-03-31') };

describe('deadline notices', () => {
  test('nothing before the first offset is reached', () => {
    assert.deepEqual(dueNotices([deadline], [90, 30, 7], d('2026-12-30')), []);
  });

  test('the nearest reached offset only, with a stable key', () => {
    const table: [string, string | null][] = [
      ['2026-12-31', 'exemption:x:extension-window:90'],
      ['2027-03-01', 'exemption:x:extension-window:30'],
      ['2027-03-24', 'exemption:x:extension-window:7'],
      ['2027-03-31', 'exemption:x:extension-window:7'],
      ['2027-04-01', 'exemption:x:extension-window:overdue'],
    ];
    for (const [today, key] of table) {
      assert.deepEqual(dueNotices([deadline], [7, 90, 30, 30], d(today)).map((n) => n.dedupKey), key ? [key] : [], today);
    }
  });

  test('a zero offset means on the day itself', () => {
    assert.equal(dueNotices([deadline], [0], d('2027-03-31'))[0]?.daysBefore, 0);
    assert.deepEqual(dueNotices([deadline], [0], d('2027-03-30')), []);
  });
});
