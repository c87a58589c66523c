// Capped exponential back-off while the database is unavailable; other errors end the wait at once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { backoffDelay, DatabaseWaitExceededError, retryWhileUnavailable, type WaitInfo } from './wait-for-database.ts';

const refused = (): Error => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

test('the pause doubles from the initial one up to the cap; jitter takes at most half away', () => {
  assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 40].map((n) => backoffDelay(n, 250, 5000, () => 1)), [250, 500, 1000, 2000, 4000, 5000, 5000, 5000]);
  assert.deepEqual([1, 2, 3, 6].map((n) => backoffDelay(n, 250, 5000, () => 0)), [125, 250, 500, 2500]);
});

/** A fake clock: sleeping moves it on. */
function clock() {
  let t = 0;
  return { now: () => t, sleep: async (ms: number) => { t += ms; } };
}

test('unavailability is waited out with growing pauses, each reported with its reason; the result is returned', async () => {
  const c = clock();
  const waits: WaitInfo[] = [];
  let calls = 0;
  const result = await retryWhileUnavailable(async () => {
    calls += 1;
    if (calls < 5) throw refused();
    return 'ready';
  }, { initialDelayMs: 100, maxDelayMs: 300, limitMs: 0, onWait: (w) => { waits.push(w); }, random: () => 1, ...c });
  assert.equal(result, 'ready');
  assert.deepEqual(waits.map((w) => [w.attempt, w.reason, w.delayMs, w.waitedMs]), [
    [1, 'connection refused', 100, 0], [2, 'connection refused', 200, 100], [3, 'connection refused', 300, 300], [4, 'connection refused', 300, 600],
  ]);
});

test('any other error ends the wait at once', async () => {
  const c = clock();
  const wrongPassword = Object.assign(new Error('password authentication failed'), { code: '28P01' });
  let calls = 0;
  await assert.rejects(retryWhileUnavailable(async () => { calls += 1; throw wrongPassword; }, { maxDelayMs: 100, limitMs: 0, onWait: () => assert.fail('no wait'), ...c }), wrongPassword);
  assert.equal(calls, 1);
});

test('with a limit, the last pause ends at the limit, and a failure there gives up naming the reason', async () => {
  const c = clock();
  const waits: number[] = [];
  const error = await retryWhileUnavailable(async () => { throw refused(); }, { initialDelayMs: 400, maxDelayMs: 400, limitMs: 1000, onWait: (w) => { waits.push(w.delayMs); }, random: () => 1, ...c })
    .then(() => null, (e: unknown) => e);
  assert.ok(error instanceof DatabaseWaitExceededError);
  assert.match(error.message, /after 1 s .*connection refused/);
  assert.deepEqual(waits, [400, 400, 200]);
  assert.equal(c.now(), 1000);
});
