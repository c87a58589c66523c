// Limits failed sign-ins per client address and per (address, e-mail) in a sliding window, in the database so
// every node sees the same counts (issue 11, findings 6 and 7). An attempt is recorded before the password check
// (parallel guesses cannot all pass an empty count) and its row is kept only when the check fails: a successful
// sign-in removes it, so any number of people behind one NAT or proxy who sign in correctly never lock each other
// out. Times are the database's clock, so nodes with skewed clocks agree. Rows older than the window are swept.
import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';

/** Per address the limit is this many times the per-(address, e-mail) limit. */
export const ADDRESS_FACTOR = 5;

/** A sign-in attempt under way: it counts as failed unless {@link Attempt.succeeded} is called. */
export interface Attempt {
  /** Seconds to wait when over a limit (the attempt was not recorded), else 0. */
  readonly wait: number;
  /** The attempt succeeded: forget it and the earlier failures of this address and e-mail. */
  succeeded(): Promise<void>;
}

export class LoginLimiter {
  readonly #db: Database;
  readonly #max: number;
  readonly #windowMs: number;

  constructor(db: Database, options: { maxAttempts: number; windowMs: number }) {
    this.#db = db;
    this.#max = options.maxAttempts;
    this.#windowMs = options.windowMs;
  }

  /** Records the start of a sign-in attempt and says whether it may go on. */
  async attempt(ip: string, rawEmail: string): Promise<Attempt> {
    const email = rawEmail.trim().toLowerCase();
    const db = this.#db;
    const window = sql`make_interval(secs => ${this.#windowMs / 1000})`;
    const { id } = await db.insertInto('sign_in_attempt').values({ ip, email }).returning('id').executeTakeFirstOrThrow();
    // Attempts in the window up to and including this one (later ones are judged on their own), and the
    // seconds until the oldest of them leaves the window.
    const counted = await sql<{ by_ip: number; by_email: number; ip_wait: number | null; email_wait: number | null }>`
      select count(*)::int as by_ip,
             (count(*) filter (where email = ${email}))::int as by_email,
             ceil(extract(epoch from min(at) + ${window} - clock_timestamp()))::int as ip_wait,
             ceil(extract(epoch from min(at) filter (where email = ${email}) + ${window} - clock_timestamp()))::int as email_wait
        from sign_in_attempt
       where ip = ${ip} and id <= ${id} and at > clock_timestamp() - ${window}`.execute(db);
    const row = counted.rows[0]!;
    let wait = 0;
    if (row.by_ip > this.#max * ADDRESS_FACTOR) wait = Math.max(wait, row.ip_wait ?? 1);
    if (row.by_email > this.#max) wait = Math.max(wait, row.email_wait ?? 1);
    if (id % 200 === 0) await this.sweep();
    if (wait > 0) {
      // A refused attempt is not one more failure (the limit would otherwise never lift under steady guessing).
      await db.deleteFrom('sign_in_attempt').where('id', '=', id).execute();
      return { wait: Math.max(wait, 1), succeeded: async () => undefined };
    }
    return {
      wait: 0,
      succeeded: async () => {
        await db.deleteFrom('sign_in_attempt').where((eb) => eb.or([eb('id', '=', id), eb.and([eb('ip', '=', ip), eb('email', '=', email)])])).execute();
      },
    };
  }

  /** Removes attempts older than the window; returns how many went. */
  async sweep(): Promise<number> {
    const result = await this.#db.deleteFrom('sign_in_attempt')
      .where(sql<boolean>`at <= clock_timestamp() - make_interval(secs => ${this.#windowMs / 1000})`).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
