// Limits sign-in attempts per client address and per (address, e-mail) in a sliding window.
// In memory: with several app nodes each node limits on its own (see README, scaling).
export class LoginLimiter {
  readonly #attempts = new Map<string, number[]>();
  readonly #max: number;
  readonly #windowMs: number;

  constructor(options: { maxAttempts: number; windowMs: number }) {
    this.#max = options.maxAttempts;
    this.#windowMs = options.windowMs;
  }

  /** Records an attempt; returns the seconds to wait when over the limit, else 0. */
  attempt(ip: string, email: string, now = Date.now()): number {
    let wait = 0;
    for (const key of [`ip:${ip}`, `ip-email:${ip}:${email.toLowerCase()}`]) {
      const limit = key.startsWith('ip:') ? this.#max * 5 : this.#max;
      const recent = (this.#attempts.get(key) ?? []).filter((t) => now - t < this.#windowMs);
      if (recent.length >= limit) {
        wait = Math.max(wait, Math.ceil((recent[0]! + this.#windowMs - now) / 1000));
      } else {
        recent.push(now);
      }
      this.#attempts.set(key, recent);
    }
    if (this.#attempts.size > 100_000) this.#sweep(now);
    return wait;
  }

  /** A successful sign-in clears that e-mail's count. */
  succeeded(ip: string, email: string): void {
    this.#attempts.delete(`ip-email:${ip}:${email.toLowerCase()}`);
  }

  #sweep(now: number): void {
    for (const [key, times] of this.#attempts) {
      if (times.every((t) => now - t >= this.#windowMs)) this.#attempts.delete(key);
    }
  }
}
