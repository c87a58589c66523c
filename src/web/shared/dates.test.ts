// The web UI's one date formatter shows instants in Asia/Seoul whatever the process's time zone (set far from
// Seoul here), and civil dates as the day they name.
process.env.TZ = 'America/Los_Angeles';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate, formatDateTime, formatTime, fromSeoulLocalInput, seoulDay, seoulLocalInput } from './dates.ts';

// 00:30 on 26 November 2026 in Seoul is 07:30 on 25 November in Los Angeles and 15:30 on 25 November UTC.
const NEAR_MIDNIGHT = '2026-11-25T15:30:00Z';

test('an instant just after midnight in Seoul shows the Seoul date and time in every language', () => {
  assert.equal(new Date(NEAR_MIDNIGHT).getDate(), 25, 'the process runs in Los Angeles');
  assert.equal(formatDate(NEAR_MIDNIGHT, 'en'), '26 Nov 2026');
  assert.equal(formatDate(NEAR_MIDNIGHT, 'ko'), '2026. 11. 26.');
  assert.equal(formatDate(NEAR_MIDNIGHT, 'ja'), '2026/11/26');
  assert.equal(formatDate(NEAR_MIDNIGHT, 'fr', 'long'), '26 novembre 2026');
  assert.equal(formatDateTime(NEAR_MIDNIGHT, 'en'), '26 Nov 2026, 00:30 GMT+9');
  assert.match(formatDateTime(NEAR_MIDNIGHT, 'zh'), /^2026年11月26日.*00:30/);
  assert.equal(formatTime(NEAR_MIDNIGHT, 'fr'), '00:30');
  assert.equal(seoulDay(new Date(NEAR_MIDNIGHT)), '2026-11-26');
});

test('a civil date is the day it names; datetime-local values are Seoul times; nonsense is shown as given', () => {
  assert.equal(formatDate('2026-11-26', 'en'), '26 Nov 2026');
  assert.equal(formatDate('2026-01-01', 'ko', 'long'), '2026년 1월 1일');
  assert.equal(seoulLocalInput(Date.parse(NEAR_MIDNIGHT)), '2026-11-26T00:30');
  assert.equal(fromSeoulLocalInput('2026-11-26T00:30'), Date.parse(NEAR_MIDNIGHT));
  assert.equal(formatDate('not a date', 'en'), 'not a date');
  assert.equal(formatDateTime('', 'en'), '');
});
