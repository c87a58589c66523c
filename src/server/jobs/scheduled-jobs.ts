// Scheduled jobs claimed in the database (decision record 0030): each job is a row with its next run; a node
// takes a due row with `FOR UPDATE SKIP LOCKED` and, in the same statement, leases it to itself, so across any
// number of nodes one run starts at a time. A run that succeeds sets the next run one period after its start (once
// per period); one that fails is due again a minute after its start (RETRY_SECONDS: the database may have been
// away). The lease covers a node that dies mid-run: once it lapses another node runs the job. Times are the
// database's clock.
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';

/** Names this process in leases (host, pid and a random part, so a restarted pid is another node). */
export const NODE_ID = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/** A failed run (or one whose node died) is due again this many seconds after it started (the database away). */
export const RETRY_SECONDS = 60;

export interface JobSpec {
  name: string;
  periodMs: number;
  /** Longest a run may take before another node may take the job over. */
  leaseMs: number;
}

/** Adds the jobs not yet known (due at once) and keeps every known job's next run; periods follow the code. */
export async function registerJobs(db: Database, jobs: readonly JobSpec[]): Promise<void> {
  if (jobs.length === 0) return;
  await db.insertInto('scheduled_job')
    .values(jobs.map((j) => ({ name: j.name, period_seconds: Math.max(1, Math.round(j.periodMs / 1000)) })))
    .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ period_seconds: eb.ref('excluded.period_seconds') })))
    .execute();
}

/** Claims the due jobs among `jobs` for `node`; returns the names claimed (each by one node only). */
export async function claimDueJobs(db: Database, jobs: readonly JobSpec[], node = NODE_ID): Promise<string[]> {
  const claimed: string[] = [];
  for (const job of jobs) {
    const result = await sql<{ name: string }>`
      update scheduled_job
         set next_run_at = clock_timestamp() + make_interval(secs => ${RETRY_SECONDS}),
             leased_by = ${node},
             leased_until = clock_timestamp() + make_interval(secs => ${job.leaseMs / 1000}),
             runs = runs + 1,
             last_started_at = clock_timestamp()
       where name = (select name from scheduled_job
                      where name = ${job.name} and next_run_at <= clock_timestamp()
                        and (leased_until is null or leased_until < clock_timestamp())
                        for update skip locked)
      returning name`.execute(db);
    if (result.rows.length > 0) claimed.push(job.name);
  }
  return claimed;
}

/** Ends `node`'s lease of a job it ran: next run one period after the start, or (failed) the retry already set. */
export async function finishJob(db: Database, name: string, error: unknown, node = NODE_ID): Promise<void> {
  const message = error === null ? null : (error instanceof Error ? error.message : String(error)).slice(0, 500);
  await sql`update scheduled_job
               set leased_by = null, leased_until = null, last_finished_at = clock_timestamp(), last_error = ${message},
                   next_run_at = case when ${message}::text is null then last_started_at + make_interval(secs => period_seconds) else next_run_at end
             where name = ${name} and leased_by = ${node}`.execute(db);
}

/** Gives back a claimed job `node` did not run (it stopped first): due again at once for any node. */
export async function returnJob(db: Database, name: string, node = NODE_ID): Promise<void> {
  await sql`update scheduled_job set leased_by = null, leased_until = null, next_run_at = clock_timestamp()
             where name = ${name} and leased_by = ${node}`.execute(db);
}
