// Every node runs this loop: every `pollMs` it claims the scheduled jobs that are due (scheduled-jobs.ts) and runs
// them one after another, so each job runs once per period across all nodes, on PGlite and PostgreSQL alike. Nothing
// it meets ends the process: a pass that fails (the database away) is logged and the next poll tries again, and a
// run whose end could not be recorded is recorded on a later pass.
import type { Database } from '../../db/database.ts';
import { claimDueJobs, finishJob, NODE_ID, registerJobs, returnJob, type JobSpec } from './scheduled-jobs.ts';

export interface Job extends JobSpec {
  run(): Promise<unknown>;
}

export interface JobRunner {
  /** Runs one pass now (claims and runs what is due); returns the names of the jobs this node ran. */
  tick(): Promise<string[]>;
  stop(): Promise<void>;
}

export async function startJobRunner(options: {
  db: Database; jobs: readonly Job[]; pollMs: number; node?: string; log?: (msg: string, err?: unknown) => void;
}): Promise<JobRunner> {
  const { db, jobs } = options;
  const node = options.node ?? NODE_ID;
  let registered = false;
  /** Runs that ended while their end could not be written (the database away): name → error or null. */
  const unrecorded = new Map<string, unknown>();
  let running: Promise<string[]> | null = null;
  let stopped = false;

  async function pass(): Promise<string[]> {
    const ran: string[] = [];
    if (!registered) {
      await registerJobs(db, jobs);
      registered = true;
    }
    for (const [name, failure] of unrecorded) {
      await finishJob(db, name, failure, node);
      unrecorded.delete(name);
    }
    for (const name of await claimDueJobs(db, jobs, node)) {
      if (stopped) {
        await returnJob(db, name, node);
        continue;
      }
      const job = jobs.find((j) => j.name === name)!;
      let failure: unknown = null;
      try {
        await job.run();
      } catch (error) {
        failure = error;
        options.log?.(`job ${name} failed`, error);
      }
      ran.push(name);
      unrecorded.set(name, failure);
      await finishJob(db, name, failure, node);
      unrecorded.delete(name);
    }
    return ran;
  }

  const tick = (): Promise<string[]> => {
    if (!running) running = pass().finally(() => (running = null));
    return running;
  };
  const timer = setInterval(() => {
    tick().catch((error: unknown) => options.log?.('job pass failed', error));
  }, options.pollMs);
  timer.unref();
  return {
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
