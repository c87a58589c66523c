// Retrying work while the database is unavailable, with capped exponential back-off: what `zonelink serve` does
// when PostgreSQL is not (yet) reachable at start. Any other error ends the wait at once (a wrong password or
// database name does not fix itself). See docs/decisions/0025-database-outages.md.
import { setTimeout as sleep } from 'node:timers/promises';
import { databaseUnavailableReason } from './unavailable.ts';

export interface WaitInfo {
  /** The attempt that failed (1 = the first). */
  attempt: number;
  reason: string;
  /** Pause before the next attempt. */
  delayMs: number;
  /** Time since the first attempt started. */
  waitedMs: number;
}

export interface RetryOptions {
  /** Pause after the first failure; doubled after each further one up to `maxDelayMs`. */
  initialDelayMs?: number;
  maxDelayMs: number;
  /** Give up once this long has passed since the first attempt; 0 never gives up. */
  limitMs: number;
  /** Told of each failed attempt before the pause (awaited). */
  onWait(info: WaitInfo): void | Promise<void>;
  sleep?: (ms: number) => Promise<unknown>;
  now?: () => number;
  random?: () => number;
}

export const DEFAULT_INITIAL_DELAY_MS = 250;

/**
 * The pause after failed attempt `attempt` (1-based): `initial·2^(attempt−1)` capped at `max`, of which a random
 * half is taken away ("equal jitter"), so nodes restarted together do not retry in step.
 */
export function backoffDelay(attempt: number, initialMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, initialMs * 2 ** Math.min(attempt - 1, 30));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

export class DatabaseWaitExceededError extends Error {
  constructor(waitedMs: number, reason: string, options: { cause: unknown }) {
    super(`gave up waiting for the database after ${Math.round(waitedMs / 1000)} s (DATABASE_WAIT_SECONDS): ${reason}`, options);
    this.name = 'DatabaseWaitExceededError';
  }
}

/** Runs `work` until it succeeds, pausing with back-off while it fails because the database is unavailable. */
export async function retryWhileUnavailable<T>(work: () => Promise<T>, options: RetryOptions): Promise<T> {
  const now = options.now ?? Date.now;
  const pause = options.sleep ?? sleep;
  const initial = options.initialDelayMs ?? DEFAULT_INITIAL_DELAY_MS;
  const started = now();
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      const reason = databaseUnavailableReason(error);
      if (reason === null) throw error;
      const waitedMs = now() - started;
      if (options.limitMs > 0 && waitedMs >= options.limitMs) throw new DatabaseWaitExceededError(waitedMs, reason, { cause: error });
      const backoff = backoffDelay(attempt, initial, Math.max(options.maxDelayMs, 1), options.random);
      // The last pause ends at the limit, for one last attempt there.
      const delayMs = options.limitMs > 0 ? Math.min(backoff, options.limitMs - waitedMs) : backoff;
      await options.onWait({ attempt, reason, delayMs, waitedMs });
      await pause(delayMs);
    }
  }
}
